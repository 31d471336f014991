package dev.amapi.ops.cli;

/**
 * Text from outside the tool (the server's messages, a file's error) made safe to print on a
 * terminal: a message must not move the cursor, retitle the window, clear the screen or reorder
 * what follows it.
 */
final class TerminalText {
  private TerminalText() {}

  /**
   * Returns the text as one line: every control character (C0, DEL and C1, so ESC, BEL and the
   * one-character CSI too), line and paragraph separator and format character (bidirectional
   * overrides, zero-width ones) becomes a space; then every run of whitespace one space, and none
   * at either end. What is left of an escape sequence ({@code [2J}) is printed as plain text.
   */
  static String line(String text) {
    StringBuilder line = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (unsafe(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
        continue;
      }
      if (space && line.length() > 0) {
        line.append(' ');
      }
      space = false;
      line.appendCodePoint(c);
    }
    return line.toString();
  }

  private static boolean unsafe(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.FORMAT
        // An unpaired surrogate: no character at all.
        || type == Character.SURROGATE;
  }
}
