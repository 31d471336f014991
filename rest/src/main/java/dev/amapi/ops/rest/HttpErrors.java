package dev.amapi.ops.rest;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Status;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Turns an HTTP error answer into the {@link Status} the server meant, keeping everything it said.
 *
 * <p>Google's error envelope ({@code {"error": {"code", "message", "status", "details",
 * "errors"}}}) is read in full: the code from {@code error.status} (or from the HTTP status when
 * that is absent or unknown, an unknown name then kept in {@link Status#unknownStatus()}), the
 * message, every detail (typed where this SDK has a view, kept as {@link
 * dev.amapi.ops.domain.ErrorDetail.Unknown} otherwise), the legacy {@code errors} array and any
 * other field of {@code error}, in {@link Status#otherFields()}. Any other body (empty, HTML from a
 * proxy, JSON of another shape, cut short, too large) becomes a status with {@link
 * Code#fromHttpStatus(int)} and a readable message naming the HTTP status with a short excerpt of
 * the body.
 *
 * <p>Thread-safe: a stateless utility class.
 */
final class HttpErrors {
  /** The longest excerpt of a body put in a message, in characters, before {@code "..."}. */
  public static final int MAX_EXCERPT_LENGTH = 200;

  // Only the start of a body is looked at for an excerpt: enough to get past an HTML head.
  private static final int MAX_SCANNED_BYTES = 16 * 1024;

  private HttpErrors() {}

  /**
   * Returns the status an HTTP error answer stands for. Never throws.
   *
   * @param httpStatus the HTTP status code of the answer
   * @param body the answer's body as read, possibly only its start; null is taken as empty
   * @param truncated whether the body was cut short because it was larger than the reader's limit;
   *     such a body is never parsed and gives an excerpt instead
   * @return the status: from the error envelope if the body is one, otherwise {@link
   *     Code#fromHttpStatus(int)} with a message such as {@code HTTP 502 with a non-JSON body:
   *     "Error 502 (Server Error)!!1 502. That's an error. ..."}
   */
  public static Status statusOf(int httpStatus, byte @Nullable [] body, boolean truncated) {
    byte[] bytes = body == null ? new byte[0] : body;
    Code fallback = Code.fromHttpStatus(httpStatus);
    String prefix = "HTTP " + httpStatus + " with ";
    try {
      if (truncated) {
        return Status.of(
            fallback,
            prefix
                + "a body too large to read"
                + (bytes.length == 0
                    ? ""
                    : " (over " + bytes.length + " bytes): " + quoted(bytes)));
      }
      if (isBlank(bytes)) {
        return Status.of(fallback, prefix + "an empty body");
      }
      return RestJson.readErrorEnvelope(bytes, httpStatus);
    } catch (RestJson.InvalidJsonException e) {
      String kind =
          switch (e.problem()) {
            case EMPTY -> "an empty body";
            case CUT_SHORT -> "a JSON body cut short: " + quoted(bytes);
            case NOT_JSON -> "a non-JSON body: " + quoted(bytes);
            case WRONG_SHAPE -> "a JSON body that is not Google's error envelope: " + quoted(bytes);
          };
      return Status.of(fallback, prefix + kind);
    } catch (RuntimeException e) {
      // Never expected; a server's answer must still become a status, not an exception here.
      return Status.of(fallback, prefix + "an unreadable body (" + e + "): " + quoted(bytes));
    }
  }

  /**
   * Returns a short, readable, single-line excerpt of a body, for error messages: decoded as UTF-8,
   * HTML tags (and script and style blocks) stripped from a body that starts with {@code <},
   * control characters replaced, whitespace collapsed, and cut to about {@value
   * #MAX_EXCERPT_LENGTH} characters with {@code "..."} when longer. Never throws.
   *
   * @param body the body; null is taken as empty
   * @return the excerpt; empty for an empty or blank body
   */
  public static String excerpt(byte @Nullable [] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    boolean cut = body.length > MAX_SCANNED_BYTES;
    String text =
        new String(body, 0, Math.min(body.length, MAX_SCANNED_BYTES), StandardCharsets.UTF_8);
    if (text.stripLeading().startsWith("<")) {
      text = decodeEntities(stripTags(text));
    }
    text = oneLine(text);
    if (text.length() > MAX_EXCERPT_LENGTH) {
      int end = MAX_EXCERPT_LENGTH;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      return text.substring(0, end).stripTrailing() + "...";
    }
    return cut ? text + "..." : text;
  }

  /**
   * Returns text from outside (a server's message, a body) as one line safe to log or print on a
   * terminal: every control character (C0, DEL, C1: so ESC, BEL and CSI too), line or paragraph
   * separator, format character (bidirectional overrides, zero-width ones) and unpaired surrogate
   * becomes a space; then each run of whitespace one space, and none at either end.
   */
  public static String oneLine(String text) {
    return collapseWhitespace(replaceControlCharacters(text));
  }

  /** Replaces control and invisible formatting characters with spaces, so text stays one line. */
  static String replaceControlCharacters(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT
          || c == '\u2028'
          || c == '\u2029'
          || isUnpairedSurrogate(text, i)) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, ' ');
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isUnpairedSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }

  private static String quoted(byte[] body) {
    return '"' + excerpt(body) + '"';
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Removes tags, comments, and script and style blocks; each tag becomes a space. */
  private static String stripTags(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c != '<') {
        out.append(c);
        i++;
        continue;
      }
      if (html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        i = end < 0 ? html.length() : end + 3;
        out.append(' ');
        continue;
      }
      int end = html.indexOf('>', i + 1);
      if (end < 0) {
        break;
      }
      String tag = html.substring(i + 1, end);
      i = end + 1;
      String block = blockName(tag);
      if (block != null) {
        int close = indexOfIgnoreCase(html, "</" + block, i);
        int closeEnd = close < 0 ? -1 : html.indexOf('>', close);
        i = closeEnd < 0 ? html.length() : closeEnd + 1;
      }
      out.append(' ');
    }
    return out.toString();
  }

  private static int indexOfIgnoreCase(String text, String target, int from) {
    for (int i = from; i <= text.length() - target.length(); i++) {
      if (text.regionMatches(true, i, target, 0, target.length())) {
        return i;
      }
    }
    return -1;
  }

  /** Returns "script" or "style" if the tag opens such a block, whose content is not text. */
  private static @Nullable String blockName(String tag) {
    for (String name : new String[] {"script", "style"}) {
      if (tag.regionMatches(true, 0, name, 0, name.length())
          && (tag.length() == name.length()
              || !Character.isLetterOrDigit(tag.charAt(name.length())))) {
        return name;
      }
    }
    return null;
  }

  private static String decodeEntities(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    return text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
