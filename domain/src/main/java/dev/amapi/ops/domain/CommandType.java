package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * A device command's type, as the API names it ({@code REBOOT}, {@code LOCK}, ...).
 *
 * <p>An open set rather than an enum: a type a newer API revision adds is kept as its name, not
 * rejected; {@link #isKnown()} says whether this SDK knows it.
 *
 * @param name the API's name for the type
 */
public record CommandType(String name) {
  /** No type given; the API does not accept it in a request. */
  public static final CommandType COMMAND_TYPE_UNSPECIFIED =
      new CommandType("COMMAND_TYPE_UNSPECIFIED");

  /** Lock the device, as if its lock screen timeout had expired. */
  public static final CommandType LOCK = new CommandType("LOCK");

  /** Reset the user's password. */
  public static final CommandType RESET_PASSWORD = new CommandType("RESET_PASSWORD");

  /** Reboot the device. */
  public static final CommandType REBOOT = new CommandType("REBOOT");

  /** Remove the work profile and all policies from a company-owned device, for personal use. */
  public static final CommandType RELINQUISH_OWNERSHIP = new CommandType("RELINQUISH_OWNERSHIP");

  /** Clear the data of the apps the command names. */
  public static final CommandType CLEAR_APP_DATA = new CommandType("CLEAR_APP_DATA");

  /** Put the device into lost mode. */
  public static final CommandType START_LOST_MODE = new CommandType("START_LOST_MODE");

  /** Take the device out of lost mode. */
  public static final CommandType STOP_LOST_MODE = new CommandType("STOP_LOST_MODE");

  /** Add an eSIM profile to the device. */
  public static final CommandType ADD_ESIM = new CommandType("ADD_ESIM");

  /** Remove an eSIM profile from the device. */
  public static final CommandType REMOVE_ESIM = new CommandType("REMOVE_ESIM");

  /** Request information about the device. */
  public static final CommandType REQUEST_DEVICE_INFO = new CommandType("REQUEST_DEVICE_INFO");

  /**
   * Wipe the device (factory reset, or removal of the work profile on a personally owned device)
   * once the device acknowledges the command; it can be cancelled until then.
   */
  public static final CommandType WIPE = new CommandType("WIPE");

  private static final Set<CommandType> KNOWN =
      Set.of(
          COMMAND_TYPE_UNSPECIFIED,
          LOCK,
          RESET_PASSWORD,
          REBOOT,
          RELINQUISH_OWNERSHIP,
          CLEAR_APP_DATA,
          START_LOST_MODE,
          STOP_LOST_MODE,
          ADD_ESIM,
          REMOVE_ESIM,
          REQUEST_DEVICE_INFO,
          WIPE);

  /**
   * Checks the name is not empty.
   *
   * @param name the API's name for the type
   * @throws IllegalArgumentException if it is
   */
  public CommandType {
    requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Command type name is empty");
    }
  }

  /**
   * Returns the type with this name, known or not.
   *
   * @param name the API's name for the type, such as {@code "REBOOT"}
   * @return the type; equal to the constant of that name if there is one
   * @throws IllegalArgumentException if {@code name} is empty
   */
  public static CommandType of(String name) {
    return new CommandType(name);
  }

  /**
   * Returns the field of the API's {@code Command} that carries this type's parameters, such as
   * {@code clearAppsDataParams} for {@link #CLEAR_APP_DATA}.
   *
   * @return the field's name, or empty for a type that takes none (or one this SDK does not know)
   */
  public Optional<String> paramsField() {
    return Optional.ofNullable(
        switch (name) {
          case "CLEAR_APP_DATA" -> "clearAppsDataParams";
          case "START_LOST_MODE" -> "startLostModeParams";
          case "STOP_LOST_MODE" -> "stopLostModeParams";
          case "ADD_ESIM" -> "addEsimParams";
          case "REMOVE_ESIM" -> "removeEsimParams";
          case "REQUEST_DEVICE_INFO" -> "requestDeviceInfoParams";
          case "WIPE" -> "wipeParams";
          default -> null;
        });
  }

  /**
   * Returns whether this SDK's revision of the API defines the type.
   *
   * @return true for the types this class has a constant for
   */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return name;
  }
}
