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
  public static final CommandErrorCode COMMAND_ERROR_CODE_UNSPECIFIED =
      new CommandErrorCode("COMMAND_ERROR_CODE_UNSPECIFIED");
  public static final CommandErrorCode UNKNOWN = new CommandErrorCode("UNKNOWN");
  public static final CommandErrorCode API_LEVEL = new CommandErrorCode("API_LEVEL");
  public static final CommandErrorCode MANAGEMENT_MODE = new CommandErrorCode("MANAGEMENT_MODE");
  public static final CommandErrorCode INVALID_VALUE = new CommandErrorCode("INVALID_VALUE");
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
   * @throws IllegalArgumentException if it is
   */
  public CommandErrorCode {
    requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Command error code name is empty");
    }
  }

  /** Returns the error code with this name, known or not. */
  public static CommandErrorCode of(String name) {
    return new CommandErrorCode(name);
  }

  /** Returns whether this SDK's revision of the API defines the error code. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return name;
  }
}
