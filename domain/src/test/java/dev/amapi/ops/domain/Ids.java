package dev.amapi.ops.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators and oracles for resource IDs, written from the rules in the design rather than from
 * {@code ResourceIds}, so the properties check the code instead of restating it.
 */
final class Ids {
  /** What each ID of an operation name is called in messages, in order. */
  static final List<String> ID_NAMES = List.of("enterprise", "device", "operation");

  /** Pieces a valid ID is made of: one code point each, emoji included (two chars in UTF-16). */
  static final List<String> VALID_PIECES = validPieces();

  /** Characters that separate or escape in a URL. */
  static final String SEPARATORS = "/?#%\\";

  /** Code points no ID may contain: separators, whitespace, control and invisible characters. */
  static final List<Integer> FORBIDDEN = forbidden();

  private Ids() {}

  /** Valid IDs of 1 to 40 code points from a rich alphabet; never {@code .} nor with {@code ..}. */
  static Arbitrary<String> valid() {
    return Arbitraries.of(VALID_PIECES)
        .list()
        .ofMinSize(1)
        .ofMaxSize(40)
        .map(pieces -> String.join("", pieces))
        .filter(id -> !id.equals(".") && !id.contains(".."));
  }

  /** Valid IDs with one forbidden code point put anywhere in them. */
  static Arbitrary<BadId> withForbiddenCharacter() {
    return Combinators.combine(
            valid(), Arbitraries.of(FORBIDDEN), Arbitraries.integers().between(0, 40))
        .as(
            (id, codePoint, at) -> {
              int offset =
                  id.offsetByCodePoints(0, Math.min(at, id.codePointCount(0, id.length())));
              return new BadId(
                  id.substring(0, offset) + Character.toString(codePoint) + id.substring(offset),
                  codePoint);
            });
  }

  /** Valid IDs with {@code ..} put anywhere in them. */
  static Arbitrary<String> withDotDot() {
    return Combinators.combine(valid(), Arbitraries.integers().between(0, 40))
        .as(
            (id, at) -> {
              int offset =
                  id.offsetByCodePoints(0, Math.min(at, id.codePointCount(0, id.length())));
              return id.substring(0, offset) + ".." + id.substring(offset);
            });
  }

  /** The operation name made of these IDs, spelled by hand. */
  static String operationName(String enterpriseId, String deviceId, String operationId) {
    return "enterprises/" + enterpriseId + "/devices/" + deviceId + "/operations/" + operationId;
  }

  /**
   * How a message shows {@code s} between quotes: quotes and backslashes escaped, and every
   * character that could break or hide in a log line (controls, format characters, line and
   * paragraph separators, lone surrogates) as {@code \}{@code uXXXX}.
   */
  static String printable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .forEach(
            c -> {
              if (breaksOrHidesInLog(c)) {
                out.append(String.format("\\u%04X", c));
              } else if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** Whether {@code message} can go to a terminal or a log line as is. */
  static boolean isSafeToLog(String message) {
    return message.codePoints().noneMatch(Ids::breaksOrHidesInLog);
  }

  private static boolean breaksOrHidesInLog(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }

  private static List<String> validPieces() {
    List<String> pieces = new ArrayList<>();
    IntStream.rangeClosed('a', 'z').forEach(c -> pieces.add(Character.toString(c)));
    IntStream.rangeClosed('A', 'Z').forEach(c -> pieces.add(Character.toString(c)));
    IntStream.rangeClosed('0', '9').forEach(c -> pieces.add(Character.toString(c)));
    "-_.~:@!$&'()*+,;=\"<>[]^`{|}".codePoints().forEach(c -> pieces.add(Character.toString(c)));
    // Letters beyond ASCII, a combining accent, and emoji outside the BMP.
    pieces.addAll(
        List.of("é", "ß", "ø", "Ж", "λ", "中", "文", "한", "ع", "\u0301", "😀", "🚀", "👍", "🇫🇷"));
    return List.copyOf(pieces);
  }

  private static List<Integer> forbidden() {
    List<Integer> codePoints = new ArrayList<>();
    SEPARATORS.codePoints().forEach(codePoints::add);
    // Every C0 and C1 control, DEL included (tab, newline and carriage return among them).
    IntStream.rangeClosed(0x00, 0x1F).forEach(codePoints::add);
    IntStream.rangeClosed(0x7F, 0x9F).forEach(codePoints::add);
    // Whitespace that is not a control: spaces of every width, line and paragraph separators.
    codePoints.addAll(
        List.of(
            0x20, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
            0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000));
    // Invisible format characters: soft hyphen, zero-width and bidi controls, BOM, a tag.
    codePoints.addAll(
        List.of(
            0xAD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
            0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB,
            0xE0001));
    return List.copyOf(codePoints);
  }

  /**
   * An ID made invalid by one forbidden code point.
   *
   * @param id the ID
   * @param codePoint the forbidden code point in it
   */
  record BadId(String id, int codePoint) {
    /** Returns the fragment of the message that names the rule this ID broke. */
    String rule() {
      return SEPARATORS.indexOf(codePoint) >= 0
          ? "contains the forbidden character '" + Character.toString(codePoint) + "'"
          : String.format("(U+%04X)", codePoint);
    }

    /** Returns the names of the rules the message may give: invisible characters fall in two. */
    String[] ruleNames() {
      return SEPARATORS.indexOf(codePoint) >= 0
          ? new String[] {"forbidden character"}
          : new String[] {"contains whitespace", "contains a control or invisible character"};
    }

    /** Returns whether the code point is a slash, which parse sees as one segment too many. */
    boolean isSlash() {
      return codePoint == '/';
    }

    @Override
    public String toString() {
      return printable(id) + String.format(" (U+%04X)", codePoint);
    }
  }
}
