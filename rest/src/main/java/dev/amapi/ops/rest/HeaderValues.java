package dev.amapi.ops.rest;

/** The one check of what the binding puts into a header: nothing that could split or forge one. */
final class HeaderValues {
  private HeaderValues() {}

  /**
   * Returns {@code value} if it is visible ASCII (no space, control or non-ASCII character).
   *
   * @param what names the value in the message, such as "the token source's quota project"
   * @throws IllegalArgumentException naming {@code what}, the character and its index
   */
  static String requireVisible(String what, String value) {
    return check(what, value, '!');
  }

  /** Returns {@code value} if it is printable ASCII, spaces allowed, as {@link #requireVisible}. */
  static String requirePrintable(String what, String value) {
    return check(what, value, ' ');
  }

  private static String check(String what, String value, char lowest) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < lowest || c > '~') {
        throw new IllegalArgumentException(
            what
                + " must be "
                + (lowest == ' ' ? "printable" : "visible")
                + " ASCII to go into a header, has U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i);
      }
    }
    return value;
  }
}
