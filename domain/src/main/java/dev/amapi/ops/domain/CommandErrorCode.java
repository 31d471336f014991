package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Why a device command failed ({@code API_LEVEL}, {@code UNSUPPORTED}, ...). Not set when the
 * command was cancelled by the caller.
 *
 * <p>An open set, like {@link CommandType}: unknown values are kept.
 *
 * @param name the API's name for the error code
 */
public record CommandErrorCode(String name) {
  /** There was no error. */
  public static final CommandErrorCode COMMAND_ERROR_CODE_UNSPECIFIED =
      new CommandErrorCode("COMMAND_ERROR_CODE_UNSPECIFIED");

  /** An unknown error occurred. */
  public static final CommandErrorCode UNKNOWN = new CommandErrorCode("UNKNOWN");

  /** The device's API level does not support the command. */
  public static final CommandErrorCode API_LEVEL = new CommandErrorCode("API_LEVEL");

  /** The device's management mode (device owner, profile owner) does not support the command. */
  public static final CommandErrorCode MANAGEMENT_MODE = new CommandErrorCode("MANAGEMENT_MODE");

  /** A parameter of the command has an invalid value. */
  public static final CommandErrorCode INVALID_VALUE = new CommandErrorCode("INVALID_VALUE");

  /** The device does not support the command; updating Android Device Policy may help. */
  public static final CommandErrorCode UNSUPPORTED = new CommandErrorCode("UNSUPPORTED");

  private static final Set<CommandErrorCode> KNOWN =
      Set.of(
          COMMAND_ERROR_CODE_UNSPECIFIED,
          UNKNOWN,
          API_LEVEL,
          MANAGEMENT_MODE,
          INVALID_VALUE,
          UNSUPPORTED);

  /**
   * Checks the name is not empty.
   *
   * @param name the API's name for the error code
   * @throws IllegalArgumentException if it is
   */
  public CommandErrorCode {
    requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Command error code name is empty");
    }
  }

  /**
   * Returns the error code with this name, known or not.
   *
   * @param name the API's name for the error code, such as {@code "API_LEVEL"}
   * @return the error code; equal to the constant of that name if there is one
   * @throws IllegalArgumentException if {@code name} is empty
   */
  public static CommandErrorCode of(String name) {
    return new CommandErrorCode(name);
  }

  /**
   * Returns whether this SDK's revision of the API defines the error code.
   *
   * @return true for the error codes this class has a constant for
   */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return name;
  }
}
