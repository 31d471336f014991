package dev.amapi.ops.domain;

import org.jspecify.annotations.Nullable;

/** The rules every ID segment of a resource name obeys, shared by the name types. */
final class ResourceIds {
  /** The longest ID accepted; real IDs are far shorter, so anything longer is a mistake. */
  static final int MAX_ID_LENGTH = 256;

  private ResourceIds() {}

  /**
   * Returns why {@code id} is not a valid ID, or null when it is.
   *
   * <p>The rules keep any ID from changing the request's path or host once it is put in a URL:
   * separators, escapes, dot segments, whitespace and control characters are refused outright.
   */
  static @Nullable String problem(String id) {
    if (id.isEmpty()) {
      return "is empty";
    }
    if (id.length() > MAX_ID_LENGTH) {
      return "is " + id.length() + " characters long, more than " + MAX_ID_LENGTH;
    }
    if (id.equals(".") || id.contains("..")) {
      return "must not be '.' or contain '..'";
    }
    for (int i = 0; i < id.length(); ) {
      int c = id.codePointAt(i);
      if (c == '/' || c == '?' || c == '#' || c == '%' || c == '\\') {
        return "contains the forbidden character '" + Character.toString(c) + "'";
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return "contains whitespace (U+" + hex(c) + ")";
      }
      if (Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT
          || Character.getType(c) == Character.SURROGATE
          || Character.getType(c) == Character.UNASSIGNED) {
        return "contains a control or invisible character (U+" + hex(c) + ")";
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** Returns {@code id}, or throws naming the ID ({@code what}, e.g. "device") and the rule. */
  static String requireValid(String what, String id) {
    String problem = problem(id);
    if (problem != null) {
      throw new IllegalArgumentException(
          "Invalid " + what + " ID \"" + printable(id) + "\": it " + problem);
    }
    return id;
  }

  /** Quotes input in messages without letting control characters reach a terminal or log. */
  static String printable(String s) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), 300) + 8);
    int shown = 0;
    for (int i = 0; i < s.length() && shown < 300; ) {
      int c = s.codePointAt(i);
      if (breaksOrHidesInLog(c)) {
        out.append(String.format("\\u%04X", c));
      } else if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
      shown++;
    }
    if (s.codePointCount(0, s.length()) > shown) {
      out.append("...");
    }
    return out.toString();
  }

  /**
   * Whether {@code c} could break a log line or hide in one: many log viewers end a line at U+2028
   * and U+2029, and a lone surrogate is not text at all.
   */
  private static boolean breaksOrHidesInLog(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }

  private static String hex(int c) {
    return String.format("%04X", c);
  }
}
