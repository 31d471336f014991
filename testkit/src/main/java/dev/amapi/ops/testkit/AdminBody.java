package dev.amapi.ops.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.OperationName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON object of one admin request, read whole: its fields are taken one by one, each checked
 * for its type, and a field nobody took is an error, so that a typo never goes unnoticed. Every
 * error is an {@link IllegalArgumentException} naming the field and what it should have been.
 */
final class AdminBody {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern SECONDS = Pattern.compile("(\\d{1,12})(\\.\\d{1,9})?s");
  private static final Pattern MILLIS = Pattern.compile("(\\d{1,12})ms");

  private final String where;
  private final Map<String, Object> fields;
  private final Set<String> taken = new TreeSet<>();

  private AdminBody(String where, Map<String, Object> fields) {
    this.where = where;
    this.fields = fields;
  }

  /** Reads a body that must be one JSON object; an empty body is an empty object. */
  static AdminBody parse(byte[] json) {
    if (json.length == 0) {
      return new AdminBody("", Map.of());
    }
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the body must be a JSON object");
      }
      Map<String, Object> fields = readObject(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("the body goes on after its JSON object");
      }
      return new AdminBody("", fields);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON: " + OperationsJson.describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      Object read =
          switch (value) {
            case START_OBJECT -> readObject(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> Optional.empty();
            default -> {
              parser.skipChildren();
              yield value;
            }
          };
      if (fields.put(name, read) != null) {
        throw new IllegalArgumentException("field " + name + " appears twice");
      }
    }
    return fields;
  }

  /** Whether the body has this field (a JSON null counts as absent). */
  boolean has(String name) {
    Object value = fields.get(name);
    return value != null && !Optional.empty().equals(value);
  }

  private @Nullable Object take(String name) {
    taken.add(name);
    Object value = fields.get(name);
    return value == null || Optional.empty().equals(value) ? null : value;
  }

  private IllegalArgumentException wrong(String name, String expected, @Nullable Object found) {
    return new IllegalArgumentException(
        "field "
            + where
            + name
            + " must be "
            + expected
            + ", was "
            + (found instanceof String text ? "\"" + FakeStatuses.printable(text) + "\"" : found));
  }

  /** Returns the string field, if present. */
  Optional<String> string(String name) {
    Object value = take(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw wrong(name, "a string", value);
    }
    return Optional.of(text);
  }

  /** Returns the string field, which must be present. */
  String requiredString(String name) {
    return string(name).orElseThrow(() -> missing(name, "a string"));
  }

  /** Returns the whole-number field, if present, checked against its bounds. */
  Optional<Integer> integer(String name, int min, int max) {
    Object value = take(name);
    if (value == null) {
      return Optional.empty();
    }
    String expected = "a whole number from " + min + " to " + max;
    if (!(value instanceof BigDecimal number)) {
      throw wrong(name, expected, value);
    }
    try {
      int whole = number.intValueExact();
      if (whole < min || whole > max) {
        throw wrong(name, expected, number);
      }
      return Optional.of(whole);
    } catch (ArithmeticException e) {
      throw wrong(name, expected, number);
    }
  }

  /** Returns the floating-point field, if present. */
  Optional<Double> number(String name) {
    Object value = take(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof BigDecimal number)) {
      throw wrong(name, "a number", value);
    }
    return Optional.of(number.doubleValue());
  }

  /**
   * Returns the duration field, if present: {@code "30s"} or {@code "1.5s"} as the API writes
   * durations, or {@code "250ms"}.
   */
  Optional<Duration> duration(String name) {
    Optional<String> text = string(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher seconds = SECONDS.matcher(text.get());
    if (seconds.matches()) {
      String fraction = seconds.group(2) == null ? "" : seconds.group(2).substring(1);
      long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00000000").substring(0, 9));
      return Optional.of(Duration.ofSeconds(Long.parseLong(seconds.group(1)), nanos));
    }
    Matcher millis = MILLIS.matcher(text.get());
    if (millis.matches()) {
      return Optional.of(Duration.ofMillis(Long.parseLong(millis.group(1))));
    }
    throw wrong(name, "a duration such as \"30s\", \"1.5s\" or \"250ms\"", text.get());
  }

  /** Returns the duration field, which must be present. */
  Duration requiredDuration(String name) {
    return duration(name).orElseThrow(() -> missing(name, "a duration such as \"30s\""));
  }

  /** Returns the operation name field, if present. */
  Optional<OperationName> operation(String name) {
    return string(name)
        .map(
            text -> {
              try {
                return OperationName.parse(text);
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                    "field " + where + name + " is not an operation name: " + e.getMessage(), e);
              }
            });
  }

  /** Returns the code field, by name ({@code "UNAVAILABLE"}) or number ({@code 14}), if present. */
  Optional<Code> code(String name) {
    Object value = take(name);
    if (value == null) {
      return Optional.empty();
    }
    Optional<Code> code = Optional.empty();
    if (value instanceof String text) {
      code = Code.forName(text);
    } else if (value instanceof BigDecimal number) {
      try {
        code = Code.forNumber(number.intValueExact());
      } catch (ArithmeticException e) {
        code = Optional.empty();
      }
    }
    return Optional.of(
        code.orElseThrow(
            () -> wrong(name, "a google.rpc.Code, by name or number (UNAVAILABLE, 14)", value)));
  }

  /** Returns the object field, if present, as a body of its own whose errors name the path. */
  Optional<AdminBody> object(String name) {
    Object value = take(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw wrong(name, "a JSON object", value);
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, field) -> copy.put(String.valueOf(key), field));
    return Optional.of(new AdminBody(where + name + ".", copy));
  }

  /** Throws if the body has a field none of the getters took. */
  void checkAllTaken() {
    Set<String> unknown = new TreeSet<>(fields.keySet());
    unknown.removeAll(taken);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown field"
              + (unknown.size() == 1 ? " " : "s ")
              + String.join(", ", unknown.stream().map(n -> where + n).toList())
              + (taken.isEmpty() ? "" : "; this request takes " + String.join(", ", taken)));
    }
  }

  private IllegalArgumentException missing(String name, String expected) {
    return new IllegalArgumentException("field " + where + name + " is required: " + expected);
  }
}
