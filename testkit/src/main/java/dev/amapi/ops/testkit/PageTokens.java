package dev.amapi.ops.testkit;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.DeviceName;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The fake's page tokens: opaque to callers, and bound to the device and filter they were issued
 * for, as the API's are, so a client that mixes them up is caught. Unlike the API's they are not
 * signed: the base64 of a prefix, the offset, the device and the filter, so a forged token that
 * decodes gives that page.
 */
final class PageTokens {
  private static final String PREFIX = "amapi-fake-page/1";

  private PageTokens() {}

  /** Returns the token of the page that starts at {@code offset}. */
  static String token(int offset, DeviceName device, String filter) {
    String plain = PREFIX + '\n' + offset + '\n' + device + '\n' + filter;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the offset {@code token} stands for; 0 for the empty token.
   *
   * @throws AmapiException with {@code INVALID_ARGUMENT} if this fake did not issue the token for
   *     this device and filter
   */
  static int offset(String token, DeviceName device, String filter) {
    if (token.isEmpty()) {
      return 0;
    }
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 4);
    } catch (IllegalArgumentException e) {
      throw invalid(token, "it is not a page token this server issued");
    }
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw invalid(token, "it is not a page token this server issued");
    }
    int offset;
    try {
      offset = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw invalid(token, "it is not a page token this server issued");
    }
    if (offset < 0) {
      throw invalid(token, "it is not a page token this server issued");
    }
    if (!parts[2].equals(device.toString())) {
      throw invalid(token, "it was issued for another device, " + FakeStatuses.printable(parts[2]));
    }
    if (!parts[3].equals(filter)) {
      throw invalid(
          token, "it was issued for another filter, \"" + FakeStatuses.printable(parts[3]) + "\"");
    }
    return offset;
  }

  private static AmapiException invalid(String token, String why) {
    String excerpt = FakeStatuses.printable(token);
    return new AmapiException(
        FakeStatuses.invalidArgument(
            "Invalid pageToken \"" + excerpt + "\": " + why + ".", "page_token", why),
        Code.INVALID_ARGUMENT.httpStatus());
  }
}
