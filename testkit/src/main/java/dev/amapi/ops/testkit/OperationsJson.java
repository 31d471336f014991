package dev.amapi.ops.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.rest.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads operations to seed from JSON as the API writes them: one {@code Operation}, a list of them,
 * or a list page, {@code {"operations":[...]}}. Each operation is read by {@link WireFormat}, so a
 * seed holds exactly what a {@code get} of the real API could answer.
 */
final class OperationsJson {
  private static final JsonFactory JSON = new JsonFactory();

  private OperationsJson() {}

  /**
   * Reads every operation of {@code json}, in order.
   *
   * @throws IllegalArgumentException if it is not JSON, or not one of the three forms; the message
   *     says which operation and why
   */
  static List<Operation> read(byte[] json) {
    List<byte[]> objects = new ArrayList<>();
    boolean list;
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        list = true;
        for (JsonToken token = parser.nextToken();
            token != JsonToken.END_ARRAY;
            token = parser.nextToken()) {
          if (token != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException(
                "operation " + objects.size() + " of the list is not a JSON object but " + token);
          }
          objects.add(copy(parser));
        }
      } else if (first == JsonToken.START_OBJECT) {
        list = false;
        objects.add(copy(parser));
      } else {
        throw new IllegalArgumentException(
            "expected an Operation, a list of them or {\"operations\":[...]}, found "
                + (first == null ? "nothing" : first.asString()));
      }
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("JSON goes on after the operations");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + OperationsJson.describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!list && isPage(objects.get(0))) {
      return WireFormat.readOperationsPage(objects.get(0)).operations();
    }
    List<Operation> operations = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      try {
        operations.add(WireFormat.readOperation(objects.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            (list ? "operation " + i + " of the list" : "the operation")
                + " is not an Operation: "
                + e.getMessage(),
            e);
      }
    }
    return List.copyOf(operations);
  }

  /**
   * Says what is wrong with JSON and where: {@code Unexpected character ... at line 1, column 9}.
   */
  static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return FakeStatuses.printable(String.valueOf(e.getOriginalMessage()))
        + (location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
  }

  /** Copies the object the parser is at the start of. */
  private static byte[] copy(JsonParser parser) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.copyCurrentStructure(parser);
    }
    return out.toByteArray();
  }

  /** Whether the object is a list page: it has {@code operations} and no {@code name}. */
  private static boolean isPage(byte[] object) {
    boolean operations = false;
    try (JsonParser parser = JSON.createParser(object)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        if ("name".equals(field)) {
          return false;
        }
        operations |= "operations".equals(field);
        parser.nextToken();
        parser.skipChildren();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    return operations;
  }
}
