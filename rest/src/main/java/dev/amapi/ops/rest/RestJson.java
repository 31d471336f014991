package dev.amapi.ops.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandErrorCode;
import dev.amapi.ops.domain.CommandParams;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.UserFacingMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON wire format of the operations API: reads and writes {@code Operation}, {@code
 * ListOperationsResponse}, {@code google.rpc.Status} and Google's error envelope. Shared by every
 * transport and by the testkit's fake server, so the format exists once.
 *
 * <h2>Reading</h2>
 *
 * <p>Readers take the raw response body and throw {@link IllegalArgumentException} when it is
 * empty, not JSON, cut short, followed by trailing content, or not the expected shape; the message
 * says what was wrong and where (a JSON Pointer such as {@code /metadata/duration}, or a line and
 * column). No exception of the JSON library escapes. Limits guard against hostile bodies: nesting
 * deeper than {@value #MAX_NESTING_DEPTH}, strings over {@value #MAX_STRING_LENGTH} characters and
 * numbers over {@value #MAX_NUMBER_LENGTH} digits are refused.
 *
 * <p>Unknown JSON is kept, never fatal: fields this SDK does not model (in an operation, its
 * metadata, its {@code error}, a list page, an error envelope's {@code error}) go to {@code
 * otherFields} as compact JSON text; unknown command types, command error codes and detail types
 * are kept as received; an error envelope's status name that names no code is kept as the status's
 * unknown status name; an unknown {@code google.rpc.Code} number becomes {@link Code#UNKNOWN}. A
 * JSON {@code null} in a modelled field counts as absent, as in protobuf's JSON mapping.
 *
 * <p>An operation's result follows what it carries rather than its {@code done} flag, since a
 * pending operation with an error cannot be represented: with an {@code error} it is {@linkplain
 * OperationResult.Failed failed} (a {@code response} sent as well is then kept in {@code
 * otherFields}); else with a {@code response} it {@linkplain OperationResult.Succeeded succeeded};
 * else {@code done: true} is a success with no response ({@code Succeeded("", "")}); else it is
 * pending.
 *
 * <h2>Writing</h2>
 *
 * <p>Writers produce compact UTF-8 JSON such that, for values read by this class, {@code
 * read(write(x)).equals(x)}. Raw JSON kept in {@code otherFields}, in a detail's {@code json()} or
 * a response is checked and written back in compact form; a detail built with empty {@code json()}
 * is written from its typed values. Durations are written as protobuf Duration strings ({@code
 * "600s"}, {@code "2.500s"}), times as {@link Instant#toString()}.
 *
 * <p>Thread-safe: a stateless utility class.
 */
final class RestJson {
  /** The deepest nesting of objects and arrays a reader accepts. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** The longest string value, in characters, a reader accepts. */
  public static final int MAX_STRING_LENGTH = 4_000_000;

  /** The longest number, in characters, a reader accepts. */
  public static final int MAX_NUMBER_LENGTH = 100;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .build())
          .streamWriteConstraints(
              StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
          .build();

  private static final String OPERATION = "Operation JSON";
  private static final String PAGE = "ListOperationsResponse JSON";
  private static final String EMPTY = "Empty-response JSON";
  private static final String ERROR_ENVELOPE = "Error envelope JSON";

  // protobuf's Duration JSON form: seconds with 0 to 9 fractional digits and an "s".
  private static final Pattern DURATION = Pattern.compile("(-)?([0-9]{1,18})(?:\\.([0-9]{1,9}))?s");

  private RestJson() {}

  // ---------------------------------------------------------------------------------------------
  // Public API: reading

  /**
   * Reads an {@code Operation}, as {@code operations.get} answers it.
   *
   * @param json the response body, UTF-8
   * @return the operation; never null
   * @throws IllegalArgumentException if the body is empty, not one JSON object, cut short, of the
   *     wrong shape, or names the operation with something that is not an operation name; the
   *     message says what and where
   */
  public static Operation readOperation(byte[] json) {
    requireNonNull(json, "json");
    return decodeOperation(parse(json, OPERATION), "", OPERATION);
  }

  /**
   * Reads a {@code ListOperationsResponse}: {@code operations}, {@code nextPageToken} and {@code
   * unreachable} (newer API revisions); each absent one is empty. Any other field is kept in the
   * page's {@code otherFields}.
   *
   * @param json the response body, UTF-8
   * @return the page; never null
   * @throws IllegalArgumentException if the body is not such a JSON object, or an operation in it
   *     is invalid; the message says what and where
   */
  public static OperationsPage readOperationsPage(byte[] json) {
    requireNonNull(json, "json");
    JsonObject page = object(parse(json, PAGE), "", PAGE);
    Map<String, String> otherFields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : page.fields().entrySet()) {
      if (!isPageField(field.getKey())) {
        otherFields.put(field.getKey(), serialize(field.getValue()));
      }
    }
    List<Operation> operations = new ArrayList<>();
    JsonArray items = optionalArray(page, "operations", "", PAGE);
    for (int i = 0; i < items.items().size(); i++) {
      operations.add(decodeOperation(items.items().get(i), "/operations/" + i, PAGE));
    }
    String nextPageToken = optionalString(page, "nextPageToken", "", PAGE);
    List<String> unreachable = new ArrayList<>();
    JsonArray unreachableItems = optionalArray(page, "unreachable", "", PAGE);
    for (int i = 0; i < unreachableItems.items().size(); i++) {
      unreachable.add(string(unreachableItems.items().get(i), "/unreachable/" + i, PAGE));
    }
    return new OperationsPage(operations, nextPageToken, unreachable, otherFields);
  }

  /**
   * Checks that a body is one JSON object, as {@code operations.cancel} answers ({@code {}}); its
   * fields are ignored.
   *
   * @param json the response body, UTF-8
   * @throws IllegalArgumentException if the body is empty, not JSON, cut short or not an object
   */
  public static void readEmpty(byte[] json) {
    requireNonNull(json, "json");
    object(parse(json, EMPTY), "", EMPTY);
  }

  // ---------------------------------------------------------------------------------------------
  // Public API: writing

  /**
   * Writes an operation as {@code operations.get} answers it.
   *
   * @throws IllegalArgumentException if raw JSON kept in the operation (other fields, a response, a
   *     detail) is not one valid JSON value
   */
  public static byte[] writeOperation(Operation operation) {
    requireNonNull(operation, "operation");
    return write(g -> writeOperation(g, operation));
  }

  /**
   * Writes a command as the body of {@code devices.issueCommand}: its type, its {@code duration}
   * when set, its typed parameters under the API's names ({@code newPassword}, {@code
   * clearAppsDataParams}...), then its {@code otherFields} in order. Output-only fields ({@code
   * @type}, {@code createTime}, {@code userName}, {@code errorCode}) are left out.
   *
   * @throws IllegalArgumentException if raw JSON kept in the command is not one valid JSON value
   */
  public static byte[] writeCommandRequest(Command command) {
    requireNonNull(command, "command");
    return write(g -> writeCommand(g, command, true));
  }

  /**
   * Reads the body of {@code devices.issueCommand}: a {@code Command}, its parameters typed when
   * they have the API's shape (kept raw in {@code otherFields} when not).
   *
   * @throws IllegalArgumentException if the body is not a JSON object, or a field the SDK models
   *     has the wrong type; the message says what and where
   */
  public static Command readCommandRequest(byte[] json) {
    requireNonNull(json, "json");
    String what = "Command JSON";
    return decodeCommand(parse(json, what), "", what, true);
  }

  /**
   * Writes a page as {@code operations.list} answers it; an empty {@code nextPageToken} and empty
   * {@code unreachable} are left out; the page's {@code otherFields} follow, in order.
   *
   * @throws IllegalArgumentException as {@link #writeOperation(Operation)}
   */
  public static byte[] writeOperationsPage(OperationsPage page) {
    requireNonNull(page, "page");
    return write(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("operations");
          for (Operation operation : page.operations()) {
            writeOperation(g, operation);
          }
          g.writeEndArray();
          if (!page.nextPageToken().isEmpty()) {
            g.writeStringField("nextPageToken", page.nextPageToken());
          }
          if (!page.unreachable().isEmpty()) {
            g.writeArrayFieldStart("unreachable");
            for (String resource : page.unreachable()) {
              g.writeString(resource);
            }
            g.writeEndArray();
          }
          writeOtherFields(
              g,
              page.otherFields(),
              new HashSet<>(List.of("operations", "nextPageToken", "unreachable")),
              "page");
          g.writeEndObject();
        });
  }

  /**
   * Writes a {@code google.rpc.Status}: {@code {"code": <rpc number>, "message": ..., "details":
   * [...]}}, details left out when empty, then the status's {@code otherFields} in order. The
   * legacy errors and an unknown status name are not part of this form and are left out.
   *
   * @throws IllegalArgumentException if a detail's {@code json()} is not one valid JSON value
   */
  public static byte[] writeStatus(Status status) {
    requireNonNull(status, "status");
    return write(g -> writeStatus(g, status));
  }

  /**
   * Returns a detail's JSON: the {@code json()} it carries, or, for one built in code with an empty
   * {@code json()}, the JSON of its typed values as Google's servers write it. For building details
   * whose {@code json()} is real, as a server would send them (the testkit's fakes do).
   */
  public static String detailJson(ErrorDetail detail) {
    requireNonNull(detail, "detail");
    if (!detail.json().isEmpty()) {
      return detail.json();
    }
    return new String(write(g -> writeDetailFromValues(g, detail)), StandardCharsets.UTF_8);
  }

  /**
   * Returns {@code value} as a JSON string literal, quotes included, for tools that put the SDK's
   * values into JSON documents of their own. A lone surrogate, which has no UTF-8 form, becomes
   * U+FFFD.
   */
  public static String quote(String value) {
    requireNonNull(value, "value");
    StringBuilder sound = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
                  && i + 1 < value.length()
                  && Character.isLowSurrogate(value.charAt(i + 1))
              || Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(value.charAt(i - 1));
      sound.append(Character.isSurrogate(c) && !paired ? '\uFFFD' : c);
    }
    return new String(write(g -> g.writeString(sound.toString())), StandardCharsets.UTF_8);
  }

  /**
   * Writes Google's error envelope: {@code {"error": {"code": <httpStatus>, "message": ...,
   * "status": "NOT_FOUND", "details": [...], "errors": [...]}}}, details and legacy errors left out
   * when empty (and empty strings left out of each legacy error), then the status's {@code
   * otherFields} in order. {@code status} is the unknown status name when the status carries one,
   * else the code's name. {@link HttpErrors#statusOf(int, byte[], boolean)} reads it back to an
   * equal status.
   *
   * @param status what went wrong
   * @param httpStatus the HTTP status the body is sent with; written as {@code error.code}
   * @throws IllegalArgumentException if a detail's {@code json()} is not one valid JSON value
   */
  public static byte[] writeErrorEnvelope(Status status, int httpStatus) {
    requireNonNull(status, "status");
    return write(
        g -> {
          g.writeStartObject();
          g.writeObjectFieldStart("error");
          g.writeNumberField("code", httpStatus);
          g.writeStringField("message", status.message());
          String keptStatus = keptStatusField(status);
          if (!status.unknownStatusName().isEmpty()) {
            g.writeStringField("status", status.unknownStatusName());
          } else if (keptStatus != null) {
            g.writeFieldName("status");
            writeRaw(g, keptStatus, "the status's other field \"status\"");
          } else {
            g.writeStringField("status", status.code().name());
          }
          writeDetails(g, status.details());
          if (!status.legacyErrors().isEmpty()) {
            g.writeArrayFieldStart("errors");
            for (Status.LegacyError error : status.legacyErrors()) {
              g.writeStartObject();
              writeNonEmpty(g, "message", error.message());
              writeNonEmpty(g, "domain", error.domain());
              writeNonEmpty(g, "reason", error.reason());
              writeNonEmpty(g, "location", error.location());
              writeNonEmpty(g, "locationType", error.locationType());
              g.writeEndObject();
            }
            g.writeEndArray();
          }
          writeOtherFields(
              g,
              status.otherFields(),
              new HashSet<>(List.of("code", "message", "status", "details", "errors")),
              "status");
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /**
   * Returns the raw {@code status} field kept in a status's other fields when it is what the
   * envelope reader keeps there: a string that is neither a code's name nor an unknown status name
   * (such as {@code "lower case"}); null otherwise, the code's name being written instead.
   */
  private static @Nullable String keptStatusField(Status status) {
    String raw = status.otherFields().get("status");
    if (raw == null) {
      return null;
    }
    Object node;
    try {
      node = parse(raw.getBytes(StandardCharsets.UTF_8), "The raw JSON of the status field");
    } catch (InvalidJsonException e) {
      return null;
    }
    return node instanceof String name
            && !name.isEmpty()
            && Code.forName(name).isEmpty()
            && !Status.isUnknownStatusName(name)
        ? raw
        : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Package-private: shared with HttpErrors

  /** What kind of problem made a body unreadable; HttpErrors words its message by it. */
  enum Problem {
    EMPTY,
    CUT_SHORT,
    NOT_JSON,
    WRONG_SHAPE
  }

  /** An {@link IllegalArgumentException} that also says what kind of problem it was. */
  static final class InvalidJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;

    InvalidJsonException(Problem problem, String message) {
      super(message);
      this.problem = problem;
    }

    Problem problem() {
      return problem;
    }
  }

  /**
   * Reads Google's error envelope to a status, the code from {@code error.status} or else from the
   * HTTP status. A status name that names no code is kept: as the status's unknown status name when
   * it has the shape of one, else as its other field {@code status}. The {@code error} object's
   * other fields are kept in the status's {@code otherFields}.
   *
   * @throws InvalidJsonException if the body is not such an envelope
   */
  static Status readErrorEnvelope(byte[] body, int httpStatus) {
    JsonObject root = object(parse(body, ERROR_ENVELOPE), "", ERROR_ENVELOPE);
    JsonObject error =
        object(required(root, "error", "", ERROR_ENVELOPE), "/error", ERROR_ENVELOPE);
    String codeName = optionalString(error, "status", "/error", ERROR_ENVELOPE);
    Optional<Code> named = Code.forName(codeName);
    Code code = named.orElseGet(() -> Code.fromHttpStatus(httpStatus));
    // A name that names no code is kept: as the unknown status name, or raw if not shaped as one.
    boolean nameKept = named.isEmpty() && Status.isUnknownStatusName(codeName);
    boolean nameKeptRaw = named.isEmpty() && !codeName.isEmpty() && !nameKept;
    Map<String, String> otherFields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : error.fields().entrySet()) {
      String key = field.getKey();
      if (!isEnvelopeErrorField(key) || (key.equals("status") && nameKeptRaw)) {
        otherFields.put(key, serialize(field.getValue()));
      }
    }
    String message = optionalString(error, "message", "/error", ERROR_ENVELOPE);
    List<ErrorDetail> details = decodeDetails(error, "/error", ERROR_ENVELOPE);
    List<Status.LegacyError> legacyErrors = new ArrayList<>();
    JsonArray errors = optionalArray(error, "errors", "/error", ERROR_ENVELOPE);
    for (int i = 0; i < errors.items().size(); i++) {
      String path = "/error/errors/" + i;
      JsonObject entry = object(errors.items().get(i), path, ERROR_ENVELOPE);
      legacyErrors.add(
          new Status.LegacyError(
              optionalString(entry, "message", path, ERROR_ENVELOPE),
              optionalString(entry, "domain", path, ERROR_ENVELOPE),
              optionalString(entry, "reason", path, ERROR_ENVELOPE),
              optionalString(entry, "location", path, ERROR_ENVELOPE),
              optionalString(entry, "locationType", path, ERROR_ENVELOPE)));
    }
    return new Status(code, message, details, legacyErrors, nameKept ? codeName : "", otherFields);
  }

  // ---------------------------------------------------------------------------------------------
  // A minimal JSON tree: built once per body by the streaming parser, so that decoding can report
  // paths and keep unknown values without a second pass over the bytes.

  private record JsonObject(Map<String, Object> fields) {}

  private record JsonArray(List<Object> items) {}

  /** A number kept as its text, so that raw values are copied exactly. */
  private record JsonNumber(String text) {}

  private enum JsonNull {
    INSTANCE
  }

  private static final JsonArray EMPTY_ARRAY = new JsonArray(List.of());

  private static Object parse(byte[] json, String what) {
    if (json.length == 0) {
      throw new InvalidJsonException(Problem.EMPTY, what + " is empty: expected a JSON object");
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new InvalidJsonException(Problem.EMPTY, what + " is blank: expected a JSON object");
      }
      Object root = readValue(p, first, what);
      if (p.nextToken() != null) {
        throw new InvalidJsonException(
            Problem.NOT_JSON,
            what + " has trailing content after the JSON value at " + where(p.currentLocation()));
      }
      return root;
    } catch (JsonEOFException e) {
      throw new InvalidJsonException(
          Problem.CUT_SHORT,
          what
              + " is cut short: it ends at "
              + where(e.getLocation())
              + " before the JSON value is complete");
    } catch (StreamConstraintsException e) {
      throw new InvalidJsonException(
          Problem.NOT_JSON,
          what + " exceeds a reading limit at " + where(e.getLocation()) + ": " + original(e));
    } catch (JsonProcessingException e) {
      throw new InvalidJsonException(
          Problem.NOT_JSON,
          what + " is not valid JSON at " + where(e.getLocation()) + ": " + original(e));
    } catch (IOException e) {
      // Reading a byte array does no I/O; kept for the parser's checked signature.
      throw new InvalidJsonException(Problem.NOT_JSON, what + " could not be read: " + e);
    }
  }

  private static Object readValue(JsonParser p, JsonToken token, String what) throws IOException {
    return switch (token) {
      case START_OBJECT -> readObject(p, what);
      case START_ARRAY -> readArray(p, what);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(p.getText());
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> JsonNull.INSTANCE;
      default ->
          throw new InvalidJsonException(
              Problem.NOT_JSON,
              what + " has an unexpected " + token + " at " + where(p.currentLocation()));
    };
  }

  private static JsonObject readObject(JsonParser p, String what) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      // The parser reports a missing END_OBJECT as an EOF itself; these guard the contract.
      if (t != JsonToken.FIELD_NAME) {
        throw new JsonEOFException(p, t, "object not closed");
      }
      String name = p.currentName();
      JsonToken valueToken = p.nextToken();
      if (valueToken == null) {
        throw new JsonEOFException(p, null, "object not closed");
      }
      if (fields.put(name, readValue(p, valueToken, what)) != null) {
        throw new InvalidJsonException(
            Problem.WRONG_SHAPE,
            what
                + " has the field \""
                + name
                + "\" twice, at "
                + where(p.currentLocation())
                + "; which one is meant is ambiguous");
      }
    }
    return new JsonObject(fields);
  }

  private static JsonArray readArray(JsonParser p, String what) throws IOException {
    List<Object> items = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new JsonEOFException(p, null, "array not closed");
      }
      items.add(readValue(p, t, what));
    }
    return new JsonArray(items);
  }

  private static String where(@Nullable JsonLocation location) {
    return location == null
        ? "an unknown position"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String original(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  // ---------------------------------------------------------------------------------------------
  // Decoding the tree

  private static Operation decodeOperation(Object node, String path, String what) {
    JsonObject fields = object(node, path, what);
    Object nameNode = fields.fields().get("name");
    if (nameNode == null || nameNode == JsonNull.INSTANCE) {
      throw invalid(what, path, "the operation has no \"name\"");
    }
    String rawName = string(nameNode, path + "/name", what);
    OperationName name;
    try {
      name = OperationName.parse(rawName);
    } catch (IllegalArgumentException e) {
      throw invalid(what, path + "/name", e.getMessage());
    }
    Operation.Builder builder = Operation.builder(name);
    Status error = null;
    OperationResult.Succeeded response = null;
    boolean done = false;
    for (Map.Entry<String, Object> field : fields.fields().entrySet()) {
      String key = field.getKey();
      Object value = field.getValue();
      String fieldPath = path + "/" + escape(key);
      if (value == JsonNull.INSTANCE && isOperationField(key)) {
        continue;
      }
      switch (key) {
        case "name" -> {}
        case "metadata" -> builder.metadata(decodeCommand(value, fieldPath, what, false));
        case "done" -> done = bool(value, fieldPath, what);
        case "error" -> error = decodeStatus(value, fieldPath, what);
        case "response" -> {
          JsonObject responseObject = object(value, fieldPath, what);
          response =
              new OperationResult.Succeeded(
                  typeOf(responseObject, fieldPath, what), serialize(responseObject));
        }
        default -> builder.otherField(key, serialize(value));
      }
    }
    if (error != null) {
      builder.result(new OperationResult.Failed(error));
      if (response != null) {
        // A oneof on the wire; the error wins, and the response is kept rather than dropped.
        builder.otherField("response", serialize(requireNonNull(fields.fields().get("response"))));
      }
    } else if (response != null) {
      builder.result(response);
    } else if (done) {
      builder.result(new OperationResult.Succeeded("", ""));
    }
    return builder.build();
  }

  private static boolean isOperationField(String key) {
    return switch (key) {
      case "name", "metadata", "done", "error", "response" -> true;
      default -> false;
    };
  }

  private static boolean isPageField(String key) {
    return switch (key) {
      case "operations", "nextPageToken", "unreachable" -> true;
      default -> false;
    };
  }

  private static boolean isStatusField(String key) {
    return switch (key) {
      case "code", "message", "details" -> true;
      default -> false;
    };
  }

  private static boolean isEnvelopeErrorField(String key) {
    return switch (key) {
      case "code", "message", "status", "details", "errors" -> true;
      default -> false;
    };
  }

  private static boolean isCommandField(String key) {
    return switch (key) {
      case "@type", "type", "createTime", "duration", "userName", "errorCode" -> true;
      default -> false;
    };
  }

  /**
   * Decodes a command; metadata without {@code @type} gets an empty type URL, a request body
   * ({@code request}) {@link Command#TYPE_URL}.
   */
  private static Command decodeCommand(Object node, String path, String what, boolean request) {
    JsonObject fields = object(node, path, what);
    String typeName = optionalString(fields, "type", path, what);
    CommandType type =
        typeName.isEmpty() ? CommandType.COMMAND_TYPE_UNSPECIFIED : CommandType.of(typeName);
    Command.Builder builder = Command.builder(type);
    if (!request || fields.fields().containsKey("@type")) {
      builder.typeUrl(typeOf(fields, path, what));
    }
    Map<String, Object> raw = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : fields.fields().entrySet()) {
      String key = field.getKey();
      Object value = field.getValue();
      String fieldPath = path + "/" + escape(key);
      if (value == JsonNull.INSTANCE && isCommandField(key)) {
        continue;
      }
      switch (key) {
        case "@type", "type" -> {}
        case "createTime" ->
            builder.createTime(timestamp(string(value, fieldPath, what), fieldPath, what));
        case "duration" ->
            builder.duration(duration(string(value, fieldPath, what), fieldPath, what));
        case "userName" -> builder.userName(string(value, fieldPath, what));
        case "errorCode" -> {
          String errorCode = string(value, fieldPath, what);
          if (!errorCode.isEmpty()) {
            builder.errorCode(CommandErrorCode.of(errorCode));
          }
        }
        default -> raw.put(key, value);
      }
    }
    CommandParams params = typedParams(type, raw);
    if (params != null) {
      builder.params(params);
    }
    raw.forEach((key, value) -> builder.otherField(key, serialize(value)));
    return builder.build();
  }

  /**
   * Reads the command type's parameters from {@code raw}, removing the fields it reads, or returns
   * null (leaving {@code raw} as it is) when they are absent or not of the API's shape: a value the
   * SDK cannot type is kept raw rather than refused or changed.
   */
  private static @Nullable CommandParams typedParams(CommandType type, Map<String, Object> raw) {
    try {
      if (type.equals(CommandType.RESET_PASSWORD)) {
        Object password = raw.get("newPassword");
        Object flags = raw.get("resetPasswordFlags");
        if (password == null && flags == null) {
          return null;
        }
        CommandParams.ResetPassword reset =
            new CommandParams.ResetPassword(
                password == null ? "" : strict(password),
                flags == null ? List.of() : strings(flags));
        raw.remove("newPassword");
        raw.remove("resetPasswordFlags");
        return reset;
      }
      String field = paramsField(type);
      Object node = field.isEmpty() ? null : raw.get(field);
      if (!(node instanceof JsonObject object)) {
        return null;
      }
      Map<String, Object> f = object.fields();
      CommandParams params =
          switch (type.name()) {
            case "CLEAR_APP_DATA" -> {
              onlyFields(f, "packageNames");
              yield new CommandParams.ClearAppsData(
                  strings(f.getOrDefault("packageNames", EMPTY_ARRAY)));
            }
            case "START_LOST_MODE" -> {
              onlyFields(
                  f,
                  "lostMessage",
                  "lostPhoneNumber",
                  "lostEmailAddress",
                  "lostStreetAddress",
                  "lostOrganization");
              Object email = f.get("lostEmailAddress");
              yield new CommandParams.StartLostMode(
                  message(f.get("lostMessage")),
                  message(f.get("lostPhoneNumber")),
                  email == null ? "" : strict(email),
                  message(f.get("lostStreetAddress")),
                  message(f.get("lostOrganization")));
            }
            case "STOP_LOST_MODE" -> {
              onlyFields(f);
              yield new CommandParams.StopLostMode();
            }
            case "ADD_ESIM" -> {
              onlyFields(f, "activationCode", "activationState");
              Object state = f.get("activationState");
              yield new CommandParams.AddEsim(
                  strict(f.getOrDefault("activationCode", "")), state == null ? "" : strict(state));
            }
            case "REMOVE_ESIM" -> {
              onlyFields(f, "iccId");
              yield new CommandParams.RemoveEsim(strict(f.getOrDefault("iccId", "")));
            }
            case "REQUEST_DEVICE_INFO" -> {
              onlyFields(f, "deviceInfo");
              yield new CommandParams.RequestDeviceInfo(strict(f.getOrDefault("deviceInfo", "")));
            }
            case "WIPE" -> {
              onlyFields(f, "wipeDataFlags", "wipeReason");
              yield new CommandParams.Wipe(
                  strings(f.getOrDefault("wipeDataFlags", EMPTY_ARRAY)),
                  message(f.get("wipeReason")));
            }
            default -> throw new IllegalArgumentException("no typed parameters");
          };
      raw.remove(field);
      return params;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void onlyFields(Map<String, Object> fields, String... known) {
    if (!Set.of(known).containsAll(fields.keySet())) {
      throw new IllegalArgumentException("a field the SDK does not model");
    }
  }

  private static String strict(Object node) {
    if (node instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("not a string");
  }

  private static List<String> strings(Object node) {
    if (!(node instanceof JsonArray array)) {
      throw new IllegalArgumentException("not an array");
    }
    List<String> values = new ArrayList<>();
    for (Object item : array.items()) {
      values.add(strict(item));
    }
    return values;
  }

  private static @Nullable UserFacingMessage message(@Nullable Object node) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof JsonObject object)) {
      throw new IllegalArgumentException("not an object");
    }
    onlyFields(object.fields(), "defaultMessage", "localizedMessages");
    Object text = object.fields().get("defaultMessage");
    Object localized = object.fields().get("localizedMessages");
    Map<String, String> messages = new LinkedHashMap<>();
    if (localized != null) {
      if (!(localized instanceof JsonObject map)) {
        throw new IllegalArgumentException("not an object");
      }
      map.fields().forEach((tag, value) -> messages.put(tag, strict(value)));
    }
    return new UserFacingMessage(text == null ? "" : strict(text), messages);
  }

  /** Decodes a {@code google.rpc.Status} as an operation's {@code error} carries it. */
  private static Status decodeStatus(Object node, String path, String what) {
    JsonObject fields = object(node, path, what);
    Object codeNode = fields.fields().get("code");
    // protobuf's JSON mapping leaves out zero values, so an absent code is 0, OK.
    Code code = Code.OK;
    if (codeNode instanceof JsonNumber number) {
      code = codeForNumber(number.text());
    } else if (codeNode instanceof String text) {
      code = Code.forName(text).orElseGet(() -> codeForNumber(text));
    } else if (codeNode != null && codeNode != JsonNull.INSTANCE) {
      throw invalid(
          what, path + "/code", "expected a google.rpc.Code number, got " + describe(codeNode));
    }
    Map<String, String> otherFields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : fields.fields().entrySet()) {
      if (!isStatusField(field.getKey())) {
        otherFields.put(field.getKey(), serialize(field.getValue()));
      }
    }
    return new Status(
        code,
        optionalString(fields, "message", path, what),
        decodeDetails(fields, path, what),
        List.of(),
        "",
        otherFields);
  }

  private static Code codeForNumber(String text) {
    try {
      return Code.forNumber(Integer.parseInt(text)).orElse(Code.UNKNOWN);
    } catch (NumberFormatException e) {
      return Code.UNKNOWN;
    }
  }

  private static List<ErrorDetail> decodeDetails(JsonObject status, String path, String what) {
    JsonArray details = optionalArray(status, "details", path, what);
    List<ErrorDetail> decoded = new ArrayList<>(details.items().size());
    for (Object detail : details.items()) {
      decoded.add(decodeDetail(detail));
    }
    return decoded;
  }

  /** Decodes one detail; never fails: what has no typed view, or does not fit it, is Unknown. */
  private static ErrorDetail decodeDetail(Object node) {
    String json = serialize(node);
    if (!(node instanceof JsonObject detail)) {
      return new ErrorDetail.Unknown("", json);
    }
    Object typeNode = detail.fields().get("@type");
    String type = typeNode instanceof String text ? text : "";
    try {
      return switch (type) {
        case ErrorDetail.ERROR_INFO -> decodeErrorInfo(detail, json);
        case ErrorDetail.RETRY_INFO -> {
          String delay = optionalString(detail, "retryDelay", "", type);
          yield new ErrorDetail.RetryInfo(
              delay.isEmpty() ? Duration.ZERO : duration(delay, "/retryDelay", type), json);
        }
        case ErrorDetail.QUOTA_FAILURE -> decodeQuotaFailure(detail, json);
        case ErrorDetail.BAD_REQUEST -> decodeBadRequest(detail, json);
        case ErrorDetail.HELP -> decodeHelp(detail, json);
        default -> new ErrorDetail.Unknown(type, json);
      };
    } catch (IllegalArgumentException e) {
      // A known type whose content does not fit its view is still kept, as received.
      return new ErrorDetail.Unknown(type, json);
    }
  }

  private static ErrorDetail.ErrorInfo decodeErrorInfo(JsonObject detail, String json) {
    String type = ErrorDetail.ERROR_INFO;
    Map<String, String> metadata = new LinkedHashMap<>();
    Object metadataNode = detail.fields().get("metadata");
    if (metadataNode != null && metadataNode != JsonNull.INSTANCE) {
      for (Map.Entry<String, Object> entry :
          object(metadataNode, "/metadata", type).fields().entrySet()) {
        metadata.put(entry.getKey(), string(entry.getValue(), "/metadata", type));
      }
    }
    return new ErrorDetail.ErrorInfo(
        optionalString(detail, "reason", "", type),
        optionalString(detail, "domain", "", type),
        metadata,
        json);
  }

  private static ErrorDetail.QuotaFailure decodeQuotaFailure(JsonObject detail, String json) {
    return new ErrorDetail.QuotaFailure(
        pairs(
            detail,
            ErrorDetail.QUOTA_FAILURE,
            "violations",
            "subject",
            "description",
            ErrorDetail.QuotaFailure.Violation::new),
        json);
  }

  private static ErrorDetail.BadRequest decodeBadRequest(JsonObject detail, String json) {
    return new ErrorDetail.BadRequest(
        pairs(
            detail,
            ErrorDetail.BAD_REQUEST,
            "fieldViolations",
            "field",
            "description",
            ErrorDetail.BadRequest.FieldViolation::new),
        json);
  }

  private static ErrorDetail.Help decodeHelp(JsonObject detail, String json) {
    return new ErrorDetail.Help(
        pairs(detail, ErrorDetail.HELP, "links", "description", "url", ErrorDetail.Help.Link::new),
        json);
  }

  /** Reads an array of objects of two string fields, the shape of most google.rpc details. */
  private static <T> List<T> pairs(
      JsonObject detail,
      String type,
      String arrayField,
      String first,
      String second,
      BiFunction<String, String, T> make) {
    List<T> items = new ArrayList<>();
    String path = "/" + arrayField;
    for (Object item : optionalArray(detail, arrayField, "", type).items()) {
      JsonObject entry = object(item, path, type);
      items.add(
          make.apply(
              optionalString(entry, first, path, type), optionalString(entry, second, path, type)));
    }
    return items;
  }

  private static String typeOf(JsonObject object, String path, String what) {
    return optionalString(object, "@type", path, what);
  }

  private static JsonObject object(Object node, String path, String what) {
    if (node instanceof JsonObject object) {
      return object;
    }
    throw invalid(what, path, "expected a JSON object, got " + describe(node));
  }

  private static String string(Object node, String path, String what) {
    if (node instanceof String text) {
      return text;
    }
    throw invalid(what, path, "expected a string, got " + describe(node));
  }

  private static boolean bool(Object node, String path, String what) {
    if (node instanceof Boolean value) {
      return value;
    }
    throw invalid(what, path, "expected true or false, got " + describe(node));
  }

  private static Object required(JsonObject object, String name, String path, String what) {
    Object value = object.fields().get(name);
    if (value == null || value == JsonNull.INSTANCE) {
      throw invalid(what, path, "the field \"" + name + "\" is missing");
    }
    return value;
  }

  /** Returns the string field, or "" when absent or null. */
  private static String optionalString(JsonObject object, String name, String path, String what) {
    Object value = object.fields().get(name);
    return value == null || value == JsonNull.INSTANCE
        ? ""
        : string(value, path + "/" + escape(name), what);
  }

  /** Returns the array field, or an empty one when absent or null. */
  private static JsonArray optionalArray(JsonObject object, String name, String path, String what) {
    Object value = object.fields().get(name);
    if (value == null || value == JsonNull.INSTANCE) {
      return EMPTY_ARRAY;
    }
    if (value instanceof JsonArray array) {
      return array;
    }
    throw invalid(what, path + "/" + escape(name), "expected an array, got " + describe(value));
  }

  private static Instant timestamp(String text, String path, String what) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(
          what,
          path,
          "expected an RFC 3339 time such as \"2026-08-06T20:38:43.669Z\", got " + describe(text));
    }
  }

  private static Duration duration(String text, String path, String what) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw invalid(
          what,
          path,
          "expected a protobuf Duration such as \"600s\" or \"2.500s\", got " + describe(text));
    }
    long seconds = Long.parseLong(requireNonNull(m.group(2)));
    String fraction = m.group(3);
    long nanos = 0;
    if (fraction != null) {
      nanos = Long.parseLong(fraction);
      for (int i = fraction.length(); i < 9; i++) {
        nanos *= 10;
      }
    }
    Duration value = Duration.ofSeconds(seconds, nanos);
    return m.group(1) == null ? value : value.negated();
  }

  private static InvalidJsonException invalid(String what, String path, @Nullable String problem) {
    return new InvalidJsonException(
        Problem.WRONG_SHAPE,
        what + " is invalid at " + (path.isEmpty() ? "the top level" : path) + ": " + problem);
  }

  /** Escapes a field name for a JSON Pointer (RFC 6901). */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String describe(Object node) {
    if (node instanceof String text) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      return "the string \"" + HttpErrors.replaceControlCharacters(shown) + "\"";
    }
    if (node instanceof JsonNumber number) {
      String text = number.text();
      return "the number " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
    if (node instanceof Boolean) {
      return node.toString();
    }
    if (node instanceof JsonArray) {
      return "an array";
    }
    if (node instanceof JsonObject) {
      return "an object";
    }
    return "null";
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /** Writes one JSON document with a generator; a functional interface that may throw. */
  private interface Writing {
    void writeTo(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Writing writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      writing.writeTo(g);
    } catch (JsonProcessingException e) {
      // Such as a string holding half a surrogate pair, or nesting beyond the limit.
      throw new IllegalArgumentException("Cannot be written as JSON: " + original(e), e);
    } catch (IOException e) {
      // Writing to a byte array does no I/O; only the generator's checked signature is left.
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeOperation(JsonGenerator g, Operation operation) throws IOException {
    Set<String> written = new HashSet<>();
    g.writeStartObject();
    g.writeStringField("name", operation.name().toString());
    written.add("name");
    if (operation.metadata().isPresent()) {
      g.writeFieldName("metadata");
      writeCommand(g, operation.metadata().get(), false);
      written.add("metadata");
    }
    OperationResult result = operation.result();
    if (result.done()) {
      g.writeBooleanField("done", true);
      written.add("done");
    }
    if (result instanceof OperationResult.Failed failed) {
      g.writeFieldName("error");
      writeStatus(g, failed.status());
      written.add("error");
    } else if (result instanceof OperationResult.Succeeded succeeded) {
      if (!succeeded.json().isEmpty()) {
        g.writeFieldName("response");
        writeRaw(g, succeeded.json(), "the response");
        written.add("response");
      } else if (!succeeded.type().isEmpty()) {
        g.writeObjectFieldStart("response");
        g.writeStringField("@type", succeeded.type());
        g.writeEndObject();
        written.add("response");
      }
    }
    writeOtherFields(g, operation.otherFields(), written, "operation");
    g.writeEndObject();
  }

  private static void writeCommand(JsonGenerator g, Command command, boolean request)
      throws IOException {
    Set<String> written = new HashSet<>();
    g.writeStartObject();
    if (!request && !command.typeUrl().isEmpty()) {
      g.writeStringField("@type", command.typeUrl());
      written.add("@type");
    }
    g.writeStringField("type", command.type().name());
    written.add("type");
    if (!request && command.createTime().isPresent()) {
      g.writeStringField("createTime", command.createTime().get().toString());
      written.add("createTime");
    }
    if (command.duration().isPresent()) {
      g.writeStringField("duration", formatDuration(command.duration().get()));
      written.add("duration");
    }
    if (!request && !command.userName().isEmpty()) {
      g.writeStringField("userName", command.userName());
      written.add("userName");
    }
    if (!request && command.errorCode().isPresent()) {
      g.writeStringField("errorCode", command.errorCode().get().name());
      written.add("errorCode");
    }
    if (command.params().isPresent()) {
      writeParams(g, command.params().get(), written);
    }
    writeOtherFields(g, command.otherFields(), written, "command");
    g.writeEndObject();
  }

  private static void writeParams(JsonGenerator g, CommandParams params, Set<String> written)
      throws IOException {
    if (params instanceof CommandParams.ResetPassword reset) {
      g.writeStringField("newPassword", reset.newPassword());
      written.add("newPassword");
      if (!reset.flags().isEmpty()) {
        writeStrings(g, "resetPasswordFlags", reset.flags());
        written.add("resetPasswordFlags");
      }
      return;
    }
    String field = paramsField(params.type());
    written.add(field);
    g.writeObjectFieldStart(field);
    if (params instanceof CommandParams.ClearAppsData clear) {
      writeStrings(g, "packageNames", clear.packageNames());
    } else if (params instanceof CommandParams.StartLostMode lost) {
      writeMessage(g, "lostMessage", lost.lostMessage());
      writeMessage(g, "lostPhoneNumber", lost.lostPhoneNumber());
      writeNonEmpty(g, "lostEmailAddress", lost.lostEmailAddress());
      writeMessage(g, "lostStreetAddress", lost.lostStreetAddress());
      writeMessage(g, "lostOrganization", lost.lostOrganization());
    } else if (params instanceof CommandParams.AddEsim esim) {
      g.writeStringField("activationCode", esim.activationCode());
      writeNonEmpty(g, "activationState", esim.activationState());
    } else if (params instanceof CommandParams.RemoveEsim esim) {
      g.writeStringField("iccId", esim.iccId());
    } else if (params instanceof CommandParams.RequestDeviceInfo info) {
      g.writeStringField("deviceInfo", info.deviceInfo());
    } else if (params instanceof CommandParams.Wipe wipe) {
      if (!wipe.wipeDataFlags().isEmpty()) {
        writeStrings(g, "wipeDataFlags", wipe.wipeDataFlags());
      }
      writeMessage(g, "wipeReason", wipe.wipeReason());
    }
    g.writeEndObject();
  }

  private static void writeStrings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  private static void writeMessage(
      JsonGenerator g, String name, @Nullable UserFacingMessage message) throws IOException {
    if (message == null) {
      return;
    }
    g.writeObjectFieldStart(name);
    writeNonEmpty(g, "defaultMessage", message.defaultMessage());
    if (!message.localizedMessages().isEmpty()) {
      g.writeObjectFieldStart("localizedMessages");
      for (Map.Entry<String, String> entry : message.localizedMessages().entrySet()) {
        g.writeStringField(entry.getKey(), entry.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** The JSON field a command type's parameters go in, such as {@code clearAppsDataParams}. */
  static String paramsField(CommandType type) {
    return type.paramsField().orElse("");
  }

  private static void writeOtherFields(
      JsonGenerator g, Map<String, String> otherFields, Set<String> written, String owner)
      throws IOException {
    for (Map.Entry<String, String> field : otherFields.entrySet()) {
      // A modelled field already written wins; writing it twice would make the JSON ambiguous.
      if (written.add(field.getKey())) {
        g.writeFieldName(field.getKey());
        writeRaw(g, field.getValue(), "the " + owner + "'s other field \"" + field.getKey() + "\"");
      }
    }
  }

  private static void writeStatus(JsonGenerator g, Status status) throws IOException {
    g.writeStartObject();
    g.writeNumberField("code", status.code().number());
    g.writeStringField("message", status.message());
    writeDetails(g, status.details());
    writeOtherFields(
        g, status.otherFields(), new HashSet<>(List.of("code", "message", "details")), "status");
    g.writeEndObject();
  }

  private static void writeDetails(JsonGenerator g, List<ErrorDetail> details) throws IOException {
    if (details.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("details");
    for (ErrorDetail detail : details) {
      if (detail.json().isEmpty()) {
        writeDetailFromValues(g, detail);
      } else {
        writeRaw(g, detail.json(), "the " + detail.type() + " detail");
      }
    }
    g.writeEndArray();
  }

  /** Writes a detail built in code, without JSON, from its typed values. */
  private static void writeDetailFromValues(JsonGenerator g, ErrorDetail detail)
      throws IOException {
    g.writeStartObject();
    if (!detail.type().isEmpty()) {
      g.writeStringField("@type", detail.type());
    }
    if (detail instanceof ErrorDetail.ErrorInfo info) {
      writeNonEmpty(g, "reason", info.reason());
      writeNonEmpty(g, "domain", info.domain());
      if (!info.metadata().isEmpty()) {
        g.writeObjectFieldStart("metadata");
        // Sorted: a Map.copyOf iterates in an order that changes from run to run.
        for (Map.Entry<String, String> entry : new TreeMap<>(info.metadata()).entrySet()) {
          g.writeStringField(entry.getKey(), entry.getValue());
        }
        g.writeEndObject();
      }
    } else if (detail instanceof ErrorDetail.RetryInfo retry) {
      g.writeStringField("retryDelay", formatDuration(retry.retryDelay()));
    } else if (detail instanceof ErrorDetail.QuotaFailure quota) {
      g.writeArrayFieldStart("violations");
      for (ErrorDetail.QuotaFailure.Violation violation : quota.violations()) {
        g.writeStartObject();
        writeNonEmpty(g, "subject", violation.subject());
        writeNonEmpty(g, "description", violation.description());
        g.writeEndObject();
      }
      g.writeEndArray();
    } else if (detail instanceof ErrorDetail.BadRequest badRequest) {
      g.writeArrayFieldStart("fieldViolations");
      for (ErrorDetail.BadRequest.FieldViolation violation : badRequest.fieldViolations()) {
        g.writeStartObject();
        writeNonEmpty(g, "field", violation.field());
        writeNonEmpty(g, "description", violation.description());
        g.writeEndObject();
      }
      g.writeEndArray();
    } else if (detail instanceof ErrorDetail.Help help) {
      g.writeArrayFieldStart("links");
      for (ErrorDetail.Help.Link link : help.links()) {
        g.writeStartObject();
        writeNonEmpty(g, "description", link.description());
        writeNonEmpty(g, "url", link.url());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeNonEmpty(JsonGenerator g, String name, String value) throws IOException {
    if (!value.isEmpty()) {
      g.writeStringField(name, value);
    }
  }

  /**
   * Writes raw JSON text after checking it is one JSON value; re-writing it from the tree keeps it
   * compact and makes a malformed value fail here rather than in whoever reads the output.
   */
  private static void writeRaw(JsonGenerator g, String json, String whose) throws IOException {
    Object node;
    try {
      node = parse(json.getBytes(StandardCharsets.UTF_8), "The raw JSON of " + whose);
    } catch (InvalidJsonException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    writeNode(g, node);
  }

  private static void writeNode(JsonGenerator g, Object node) throws IOException {
    if (node instanceof JsonObject object) {
      g.writeStartObject();
      for (Map.Entry<String, Object> field : object.fields().entrySet()) {
        g.writeFieldName(field.getKey());
        writeNode(g, field.getValue());
      }
      g.writeEndObject();
    } else if (node instanceof JsonArray array) {
      g.writeStartArray();
      for (Object item : array.items()) {
        writeNode(g, item);
      }
      g.writeEndArray();
    } else if (node instanceof String text) {
      g.writeString(text);
    } else if (node instanceof JsonNumber number) {
      // The number's own text: exact, where a double would round and a BigDecimal reformat.
      g.writeNumber(number.text());
    } else if (node instanceof Boolean value) {
      g.writeBoolean(value);
    } else {
      g.writeNull();
    }
  }

  /** Returns a tree node as compact JSON text, the form kept in otherFields and json(). */
  private static String serialize(Object node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writeNode(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Formats a protobuf Duration string with 0, 3, 6 or 9 fractional digits, as protobuf does. */
  static String formatDuration(Duration duration) {
    int nanos = duration.getNano();
    int scale;
    if (nanos == 0) {
      scale = 0;
    } else if (nanos % 1_000_000 == 0) {
      scale = 3;
    } else if (nanos % 1_000 == 0) {
      scale = 6;
    } else {
      scale = 9;
    }
    BigDecimal seconds =
        BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(nanos, 9)).setScale(scale);
    return seconds.toPlainString() + "s";
  }
}
