package dev.amapi.ops.spring;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The {@code DeviceOperations} bean cannot be made as an {@code amapi.ops.*} property asks: its
 * transport is not on the class path, its executor bean does not exist, its credentials cannot be
 * used. Spring Boot's start-up failure analysis reports the property and what to do.
 */
public final class AmapiOpsConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The property at fault. */
  private final String property;

  /** What to do about it. */
  private final String action;

  /**
   * Makes one.
   *
   * @param property the property at fault, such as {@code amapi.ops.transport}
   * @param message what is wrong, naming the property
   * @param action what to do about it
   * @param cause what failed, or null
   */
  public AmapiOpsConfigurationException(
      String property, String message, String action, @Nullable Throwable cause) {
    super(requireNonNull(message, "message") + " " + requireNonNull(action, "action"), cause);
    this.property = requireNonNull(property, "property");
    this.action = action;
  }

  /**
   * Returns the property at fault.
   *
   * @return such as {@code amapi.ops.transport}
   */
  public String property() {
    return property;
  }

  /**
   * Returns what to do about it.
   *
   * @return a sentence
   */
  public String action() {
    return action;
  }
}
