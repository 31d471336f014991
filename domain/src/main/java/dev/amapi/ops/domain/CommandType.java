package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

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
  public static final CommandType COMMAND_TYPE_UNSPECIFIED =
      new CommandType("COMMAND_TYPE_UNSPECIFIED");
  public static final CommandType LOCK = new CommandType("LOCK");
  public static final CommandType RESET_PASSWORD = new CommandType("RESET_PASSWORD");
  public static final CommandType REBOOT = new CommandType("REBOOT");
  public static final CommandType RELINQUISH_OWNERSHIP = new CommandType("RELINQUISH_OWNERSHIP");
  public static final CommandType CLEAR_APP_DATA = new CommandType("CLEAR_APP_DATA");
  public static final CommandType START_LOST_MODE = new CommandType("START_LOST_MODE");
  public static final CommandType STOP_LOST_MODE = new CommandType("STOP_LOST_MODE");
  public static final CommandType ADD_ESIM = new CommandType("ADD_ESIM");
  public static final CommandType REMOVE_ESIM = new CommandType("REMOVE_ESIM");
  public static final CommandType REQUEST_DEVICE_INFO = new CommandType("REQUEST_DEVICE_INFO");
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
   * @throws IllegalArgumentException if it is
   */
  public CommandType {
    requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Command type name is empty");
    }
  }

  /** Returns the type with this name, known or not. */
  public static CommandType of(String name) {
    return new CommandType(name);
  }

  /** Returns whether this SDK's revision of the API defines the type. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return name;
  }
}
