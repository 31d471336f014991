package dev.amapi.ops.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.rest.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API of a {@link FakeAmapiServer} ({@link FakeAmapiServer#enableAdminApi()}): the
 * server's Java scripting methods as JSON over HTTP under {@code /__admin/}, for tests in any
 * language. Each request maps onto one method of {@link FakeAmapiServer} or {@link FakeOperations};
 * the values are checked the same way, and what they refuse is a 400 naming the field.
 */
final class AdminApi {
  static final String PREFIX = "/__admin";
  private static final JsonFactory JSON = new JsonFactory();
  private static final String JSON_TYPE = "application/json; charset=UTF-8";

  private final FakeAmapiServer server;

  AdminApi(FakeAmapiServer server) {
    this.server = server;
  }

  /** Whether a request to this raw path is the admin API's. */
  static boolean serves(String rawPath) {
    return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
  }

  /** An admin answer: status and body. */
  private record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Answer json(byte[] body) {
      return new Answer(200, JSON_TYPE, body, Map.of());
    }

    static Answer error(int status, String message) {
      return error(status, message, Map.of());
    }

    static Answer error(int status, String message, Map<String, String> headers) {
      return new Answer(
          status,
          JSON_TYPE,
          write(
              json -> {
                json.writeObjectFieldStart("error");
                json.writeNumberField("code", status);
                json.writeStringField("message", message);
                json.writeEndObject();
              }),
          headers);
    }
  }

  /** A request the admin API cannot serve, with its status. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Answer answer;

    Refused(Answer answer, String message) {
      super(message);
      this.answer = answer;
    }
  }

  void handle(HttpExchange exchange, String rawPath) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Answer answer;
    try {
      URI uri = exchange.getRequestURI();
      String path = uri.getPath() == null ? rawPath : uri.getPath();
      answer = answer(exchange.getRequestMethod(), path.substring(PREFIX.length()), body);
    } catch (Refused e) {
      answer = e.answer;
    } catch (IllegalArgumentException e) {
      answer = Answer.error(400, String.valueOf(e.getMessage()));
    } catch (IllegalStateException e) {
      answer = Answer.error(409, String.valueOf(e.getMessage()));
    }
    answer.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(answer.status(), answer.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer.body());
    }
  }

  private Answer answer(String method, String path, byte[] body) {
    String[] segments = path.split("/", -1);
    // "", then the admin path's segments.
    String first = segments.length > 1 ? segments[1] : "";
    switch (first) {
      case "health" -> {
        exact(segments, 2, method, "GET");
        return health();
      }
      case "operations" -> {
        exact(segments, 2, method, "POST");
        return seed(body);
      }
      case "devices" -> {
        if (segments.length == 5 && segments[4].equals("commands")) {
          allow(method, "POST");
          return issueCommand(segments[2], segments[3], AdminBody.parse(body));
        }
        throw notFound(path);
      }
      case "cancel-outcomes" -> {
        exact(segments, 2, method, "POST");
        return cancelOutcome(AdminBody.parse(body));
      }
      case "faults" -> {
        exact(segments, 2, method, "POST", "DELETE");
        return method.equals("DELETE") ? clearFaults() : fault(AdminBody.parse(body));
      }
      case "journal" -> {
        exact(segments, 2, method, "GET", "DELETE");
        if (method.equals("DELETE")) {
          server.clearJournal();
          return Answer.json(write(json -> json.writeStringField("cleared", "journal")));
        }
        return journal();
      }
      case "clock" -> {
        if (segments.length == 2) {
          allow(method, "GET");
          return clock();
        }
        if (segments.length == 3 && segments[2].equals("advance")) {
          allow(method, "POST");
          return advance(AdminBody.parse(body));
        }
        throw notFound(path);
      }
      case "certificate" -> {
        exact(segments, 2, method, "GET");
        return certificate();
      }
      default -> throw notFound(path);
    }
  }

  private static void exact(String[] segments, int length, String method, String... allowed) {
    if (segments.length != length) {
      throw notFound(String.join("/", segments));
    }
    allow(method, allowed);
  }

  private static void allow(String method, String... allowed) {
    if (!List.of(allowed).contains(method)) {
      String allow = String.join(", ", allowed);
      throw new Refused(
          Answer.error(
              405,
              method + " is not allowed here; use " + String.join(" or ", allowed),
              Map.of("Allow", allow)),
          method);
    }
  }

  private static Refused notFound(String path) {
    return new Refused(
        Answer.error(
            404,
            "no admin endpoint "
                + PREFIX
                + FakeStatuses.printable(path)
                + "; there are health, operations, devices/{enterprise}/{device}/commands,"
                + " cancel-outcomes, faults, journal, clock, clock/advance, certificate"),
        path);
  }

  private Answer health() {
    Clock clock = server.clock();
    return Answer.json(
        write(
            json -> {
              json.writeStringField("status", "ok");
              json.writeStringField("endpoint", server.endpoint().toString());
              json.writeStringField("clock", clock instanceof FakeClock ? "fake" : "system");
              json.writeStringField("now", clock.instant().toString());
            }));
  }

  private Answer seed(byte[] body) {
    List<Operation> seeded = server.operations().seedJson(body);
    return Answer.json(
        write(
            json -> {
              json.writeArrayFieldStart("seeded");
              for (Operation operation : seeded) {
                json.writeString(operation.name().toString());
              }
              json.writeEndArray();
            }));
  }

  private Answer issueCommand(String enterprise, String device, AdminBody body) {
    DeviceName name;
    try {
      name = DeviceName.of(enterprise, device);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the path names no device: " + e.getMessage(), e);
    }
    Command.Builder command = Command.builder(CommandType.of(body.requiredString("type")));
    body.duration("duration").ifPresent(command::duration);
    body.string("userName").ifPresent(command::userName);
    body.checkAllTaken();
    Operation issued = server.operations().issueCommand(name, command.build());
    return Answer.json(WireFormat.writeOperation(issued));
  }

  private Answer cancelOutcome(AdminBody body) {
    Optional<OperationName> operation = body.operation("operation");
    String outcome = body.requiredString("outcome");
    OnCancel onCancel =
        switch (outcome) {
          case "SUCCEEDS" -> OnCancel.succeeds();
          case "UNIMPLEMENTED" -> OnCancel.unimplemented();
          case "COMPLETES_ANYWAY" -> OnCancel.completesAnyway();
          case "REJECTED_WHEN_DONE" -> OnCancel.rejectedWhenDone();
          case "TAKES_EFFECT_AFTER_GETS" ->
              OnCancel.takesEffectAfterGets(
                  body.integer("gets", 0, Integer.MAX_VALUE)
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "field gets is required with TAKES_EFFECT_AFTER_GETS: how many gets"
                                      + " still read the operation pending")));
          case "FAILS_WITH" -> OnCancel.failsWith(status(body));
          default ->
              throw new IllegalArgumentException(
                  "field outcome must be SUCCEEDS, UNIMPLEMENTED, COMPLETES_ANYWAY, FAILS_WITH,"
                      + " TAKES_EFFECT_AFTER_GETS or REJECTED_WHEN_DONE, was \""
                      + FakeStatuses.printable(outcome)
                      + "\"");
        };
    body.checkAllTaken();
    if (operation.isPresent()) {
      server.operations().onCancel(operation.get(), onCancel);
    } else {
      server.operations().onCancelOfAll(onCancel);
    }
    return Answer.json(
        write(
            json -> {
              json.writeStringField("operation", operation.map(Object::toString).orElse("*"));
              json.writeStringField("outcome", outcome);
            }));
  }

  /** The {@code status} of a {@code FAILS_WITH}: {@code {"code":..., "message":...}}. */
  private static Status status(AdminBody body) {
    AdminBody status =
        body.object("status")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "field status is required with FAILS_WITH: {\"code\":\"INTERNAL\","
                            + " \"message\":\"...\"}"));
    Code code =
        status
            .code("code")
            .orElseThrow(() -> new IllegalArgumentException("field status.code is required"));
    String message = status.string("message").orElse("");
    status.checkAllTaken();
    return Status.of(code, message);
  }

  private Answer fault(AdminBody body) {
    if (body.has("failNextCalls")) {
      int count = body.integer("failNextCalls", 1, 1_000_000).orElseThrow();
      Code code = body.code("code").orElse(Code.UNAVAILABLE);
      int httpStatus = body.integer("httpStatus", 400, 599).orElse(code.httpStatus());
      Duration retryAfter = body.duration("retryAfter").orElse(Duration.ZERO);
      body.checkAllTaken();
      server.operations().failNextCalls(count, code, httpStatus, retryAfter);
      return Answer.json(
          write(
              json -> {
                json.writeNumberField("failNextCalls", count);
                json.writeStringField("code", code.name());
                json.writeNumberField("httpStatus", httpStatus);
              }));
    }
    if (body.has("latency")) {
      Duration latency = body.requiredDuration("latency");
      body.checkAllTaken();
      server.operations().latency(latency);
      return Answer.json(write(json -> json.writeStringField("latency", seconds(latency))));
    }
    String kind =
        body.string("fault")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the body names no fault: give \"fault\" (connectionReset, emptyResponse,"
                            + " randomDataThenClose, malformedChunk, dribble, delay),"
                            + " \"failNextCalls\" or \"latency\""));
    WireFault fault =
        switch (kind) {
          case "connectionReset" -> WireFault.connectionReset();
          case "emptyResponse" -> WireFault.emptyResponse();
          case "randomDataThenClose" -> WireFault.randomDataThenClose();
          case "malformedChunk" -> WireFault.malformedChunk();
          case "dribble" ->
              WireFault.dribble(
                  body.integer("chunks", 1, 1_000_000)
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "field chunks is required with dribble")),
                  body.requiredDuration("over"));
          case "delay" -> WireFault.delay(delay(body));
          default ->
              throw new IllegalArgumentException(
                  "field fault must be connectionReset, emptyResponse, randomDataThenClose,"
                      + " malformedChunk, dribble or delay, was \""
                      + FakeStatuses.printable(kind)
                      + "\"");
        };
    Optional<OperationName> operation = body.operation("operation");
    Optional<Integer> next = body.integer("next", 1, 1_000_000);
    body.checkAllTaken();
    if (operation.isPresent() && next.isPresent()) {
      throw new IllegalArgumentException(
          "give either next (the next N requests) or operation (every request to it), not both");
    }
    if (operation.isPresent()) {
      server.faultRequestsTo(operation.get(), fault);
    } else {
      server.faultNextRequests(next.orElse(1), fault);
    }
    return Answer.json(
        write(
            json -> {
              json.writeStringField("fault", kind);
              if (operation.isPresent()) {
                json.writeStringField("operation", operation.get().toString());
              } else {
                json.writeNumberField("next", next.orElse(1));
              }
            }));
  }

  /**
   * A delay: {@code "delay"} fixed, {@code "min"} and {@code "max"}, or {@code "median"}/{@code
   * "sigma"}.
   */
  private static FakeDelay delay(AdminBody body) {
    if (body.has("min") || body.has("max")) {
      return FakeDelay.uniform(body.requiredDuration("min"), body.requiredDuration("max"));
    }
    if (body.has("median")) {
      return FakeDelay.lognormal(
          body.requiredDuration("median"),
          body.number("sigma")
              .orElseThrow(
                  () -> new IllegalArgumentException("field sigma is required with median")));
    }
    return FakeDelay.fixed(body.requiredDuration("delay"));
  }

  private Answer clearFaults() {
    server.clearWireFaults();
    server.operations().clearFaults();
    return Answer.json(write(json -> json.writeStringField("cleared", "faults")));
  }

  private Answer journal() {
    List<RecordedRequest> requests = server.requests();
    return Answer.json(
        write(
            json -> {
              json.writeArrayFieldStart("requests");
              for (RecordedRequest request : requests) {
                json.writeStartObject();
                json.writeStringField("method", request.method());
                json.writeStringField("path", request.path());
                json.writeStringField("query", request.redactedQuery());
                json.writeObjectFieldStart("headers");
                for (String name : request.headers().keySet()) {
                  json.writeArrayFieldStart(name.toLowerCase(Locale.ROOT));
                  for (String value : request.redactedHeader(name)) {
                    json.writeString(value);
                  }
                  json.writeEndArray();
                }
                json.writeEndObject();
                json.writeStringField("body", request.bodyAsString());
                json.writeStringField("time", request.time().toString());
                json.writeEndObject();
              }
              json.writeEndArray();
            }));
  }

  private Answer clock() {
    Clock clock = server.clock();
    return Answer.json(
        write(
            json -> {
              json.writeStringField("now", clock.instant().toString());
              json.writeBooleanField("fake", clock instanceof FakeClock);
            }));
  }

  private Answer advance(AdminBody body) {
    Duration by = body.requiredDuration("by");
    body.checkAllTaken();
    if (!(server.clock() instanceof FakeClock fake)) {
      throw new IllegalStateException(
          "the server runs on the system clock, which the admin API cannot move: start it on a"
              + " FakeClock (amapi-ops fake-server --clock fake)");
    }
    return Answer.json(write(json -> json.writeStringField("now", fake.advance(by).toString())));
  }

  private Answer certificate() {
    if (!server.endpoint().getScheme().equals("https")) {
      throw new IllegalStateException("the server speaks plain http: it has no certificate");
    }
    String pem;
    try {
      pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(FakeAmapiServer.certificate().getEncoded())
              + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the certificate: " + e.getMessage(), e);
    }
    return new Answer(
        200, "application/x-pem-file", pem.getBytes(StandardCharsets.US_ASCII), Map.of());
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() / 1000.0 + "s";
  }

  /** Writes one JSON object's fields. */
  private interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  private static byte[] write(Fields fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
