package dev.amapi.ops.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code fields} standard parameter, a partial response selector as Google's front end reads
 * it: comma-separated paths of field names ({@code a/b}), parentheses for a sub-selection ({@code
 * operations(name,done)}), {@code *} for every field at a level. It is checked against the fields
 * the answer's message has, and applied to the answer's JSON.
 */
final class FieldSelection {
  /** The fields of one message of the API; a field with no shape of its own takes any selection. */
  record Shape(Map<String, @Nullable Shape> fields) {
    static final Shape LEAF = new Shape(Map.of());
    static final Shape STATUS = new Shape(fields("code", LEAF, "message", LEAF, "details", null));
    static final Shape OPERATION =
        new Shape(
            fields(
                "name", LEAF, "metadata", null, "done", LEAF, "error", STATUS, "response", null));
    static final Shape LIST =
        new Shape(fields("operations", OPERATION, "nextPageToken", LEAF, "unreachable", LEAF));
    static final Shape EMPTY = new Shape(Map.of());

    private static Map<String, @Nullable Shape> fields(@Nullable Object... namesAndShapes) {
      Map<String, @Nullable Shape> out = new LinkedHashMap<>();
      for (int i = 0; i < namesAndShapes.length; i += 2) {
        out.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
      }
      return out;
    }
  }

  /** One level of the selection: the fields selected there, or every field below it. */
  private static final class Node {
    final Map<String, Node> children = new LinkedHashMap<>();
    boolean whole;

    Node child(String name) {
      return children.computeIfAbsent(name, n -> new Node());
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  private final String text;
  private final Node root;

  private FieldSelection(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /**
   * Parses a {@code fields} value.
   *
   * @throws AmapiException with {@code INVALID_ARGUMENT} if it is not a field selection
   */
  static FieldSelection parse(String text) {
    Node root = new Node();
    int end = new Parser(text).list(root, 0, false);
    if (end != text.length()) {
      throw invalid(text, "unexpected '" + text.charAt(end) + "' at index " + end);
    }
    return new FieldSelection(text, root);
  }

  /**
   * Checks every selected field exists in {@code shape}.
   *
   * @throws AmapiException with {@code INVALID_ARGUMENT} naming the first that does not
   */
  void check(Shape shape) {
    check(root, shape, "");
  }

  private void check(Node node, @Nullable Shape shape, String prefix) {
    if (shape == null) {
      return;
    }
    for (Map.Entry<String, Node> child : node.children.entrySet()) {
      String name = child.getKey();
      Node selected = child.getValue();
      if (name.equals("*")) {
        for (Shape any : shape.fields().values()) {
          if (!selected.children.isEmpty() && any == Shape.LEAF) {
            continue;
          }
          check(selected, any, prefix);
        }
        continue;
      }
      if (!shape.fields().containsKey(name)) {
        throw invalid(text, "no field \"" + FakeStatuses.printable(prefix + name) + "\"");
      }
      Shape sub = shape.fields().get(name);
      if (sub == Shape.LEAF && !selected.children.isEmpty()) {
        throw invalid(
            text, "\"" + FakeStatuses.printable(prefix + name) + "\" has no fields to select");
      }
      check(selected, sub, prefix + name + "/");
    }
  }

  /** Returns {@code json}, one object, with only the selected fields (and {@code {}} if none). */
  byte[] apply(byte[] json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
    try (JsonParser parser =
            new FilteringParserDelegate(
                JSON.createParser(json),
                new NodeFilter(root),
                TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH,
                true);
        JsonGenerator generator = JSON.createGenerator(out)) {
      while (parser.nextToken() != null) {
        generator.copyCurrentEvent(parser);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size() == 0
        ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)
        : out.toByteArray();
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class NodeFilter extends TokenFilter {
    private final Node node;

    NodeFilter(Node node) {
      this.node = node;
    }

    @Override
    public @Nullable TokenFilter includeProperty(String name) {
      Node child = node.children.get(name);
      if (child == null) {
        child = node.children.get("*");
      }
      if (child == null) {
        return null;
      }
      return child.whole || child.children.isEmpty()
          ? TokenFilter.INCLUDE_ALL
          : new NodeFilter(child);
    }

    @Override
    protected boolean _includeScalar() {
      return node.whole || node.children.isEmpty();
    }
  }

  /** A recursive-descent reader of the selection grammar. */
  private static final class Parser {
    private final String text;

    Parser(String text) {
      this.text = text;
    }

    /** Reads {@code item (',' item)*} into {@code into} from {@code at}; returns where it ended. */
    int list(Node into, int at, boolean nested) {
      int i = at;
      while (true) {
        i = item(into, i);
        if (i < text.length() && text.charAt(i) == ',') {
          i++;
          continue;
        }
        if (i < text.length() && text.charAt(i) == ')' && !nested) {
          throw invalid(text, "unbalanced ')' at index " + i);
        }
        return i;
      }
    }

    private int item(Node into, int at) {
      Node node = into;
      int i = at;
      while (true) {
        int start = i;
        while (i < text.length() && isNameChar(text.charAt(i))) {
          i++;
        }
        String name = text.substring(start, i);
        if (name.isEmpty() || (name.contains("*") && !name.equals("*"))) {
          throw invalid(text, "a field name is expected at index " + start);
        }
        node = node.child(name);
        if (i < text.length() && text.charAt(i) == '/') {
          i++;
          continue;
        }
        break;
      }
      if (i < text.length() && text.charAt(i) == '(') {
        int end = list(node, i + 1, true);
        if (end >= text.length() || text.charAt(end) != ')') {
          throw invalid(text, "unbalanced '(' at index " + i);
        }
        return end + 1;
      }
      node.whole = true;
      return i;
    }

    private static boolean isNameChar(char c) {
      return c == '_'
          || c == '*'
          || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9');
    }
  }

  private static AmapiException invalid(String text, String why) {
    return new AmapiException(
        FakeStatuses.invalidArgument(
            "Invalid field selection \"" + FakeStatuses.printable(text) + "\": " + why + ".",
            "fields",
            why),
        Code.INVALID_ARGUMENT.httpStatus());
  }
}
