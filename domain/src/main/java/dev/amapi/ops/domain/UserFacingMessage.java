package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message shown on the device, in a default language and optionally localized ({@code
 * UserFacingMessage}), as lost mode and wipe commands carry.
 *
 * @param defaultMessage the message shown when no localized one matches the device's locale
 * @param localizedMessages messages by BCP 47 language tag (such as {@code en-US}), in order
 */
public record UserFacingMessage(String defaultMessage, Map<String, String> localizedMessages) {
  /**
   * Checks and copies the values.
   *
   * @param defaultMessage the message shown when no localized one matches the device's locale
   * @param localizedMessages messages by BCP 47 language tag, in order
   * @throws IllegalArgumentException if a language tag is empty
   */
  public UserFacingMessage {
    requireNonNull(defaultMessage, "defaultMessage");
    requireNonNull(localizedMessages, "localizedMessages");
    Map<String, String> copy = new LinkedHashMap<>();
    localizedMessages.forEach(
        (tag, message) -> {
          if (requireNonNull(tag, "language tag").isEmpty()) {
            throw new IllegalArgumentException("A localized message's language tag is empty");
          }
          copy.put(tag, requireNonNull(message, "localized message"));
        });
    localizedMessages = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns a message with no localized versions.
   *
   * @param defaultMessage the message
   * @return the message
   */
  public static UserFacingMessage of(String defaultMessage) {
    return new UserFacingMessage(defaultMessage, Map.of());
  }
}
