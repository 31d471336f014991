package dev.amapi.ops.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RestJsonPropertiesTest {
  private static final OperationName NAME =
      OperationName.of("LC03k6enk8", "36c339908766f292", "1786048723669");

  /** Tests that every duration in protobuf's range survives a write and a read. */
  @Property(tries = 1000)
  void duration_anyInProtobufRange_roundTrips(
      @ForAll @LongRange(min = -315_576_000_000L, max = 315_576_000_000L) long seconds,
      @ForAll("nanos") int nanos) {
    Operation operation =
        Operation.pending(
            NAME,
            Command.builder(CommandType.LOCK).duration(Duration.ofSeconds(seconds, nanos)).build());

    assertThat(RestJson.readOperation(RestJson.writeOperation(operation))).isEqualTo(operation);
  }

  /** Tests that every instant survives a write and a read. */
  @Property(tries = 500)
  void createTime_anyInstant_roundTrips(
      @ForAll @LongRange(min = 0, max = 253_402_300_799L) long epochSecond,
      @ForAll("nanos") int nanos) {
    Operation operation =
        Operation.pending(
            NAME,
            Command.builder(CommandType.LOCK)
                .createTime(Instant.ofEpochSecond(epochSecond, nanos))
                .build());

    assertThat(RestJson.readOperation(RestJson.writeOperation(operation))).isEqualTo(operation);
  }

  /** Tests that any status, written in the error envelope, reads back equal. */
  @Property(tries = 500)
  void errorEnvelope_anyStatus_roundTrips(
      @ForAll("statuses") Status status, @ForAll @IntRange(min = 400, max = 599) int http) {
    byte[] envelope = RestJson.writeErrorEnvelope(status, http);

    assertThat(HttpErrors.statusOf(http, envelope, false)).isEqualTo(status);
  }

  /** Tests that any cut of a valid body is refused with IllegalArgumentException only. */
  @Property(tries = 300)
  void readOperation_anyPrefix_onlyIllegalArgument(@ForAll @IntRange(min = 0, max = 600) int cut) {
    byte[] whole = Reference.bytes("operations/failed-clear-app-data.json");
    byte[] prefix = Arrays.copyOf(whole, Math.min(cut, whole.length - 2));

    assertThatThrownBy(() -> RestJson.readOperation(prefix))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Tests that arbitrary bytes are either an operation or an IllegalArgumentException. */
  @Property(tries = 1000)
  void readOperation_anyBytes_onlyIllegalArgument(@ForAll byte[] body) {
    assertThatThrownBy(() -> RestJson.readOperation(body))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Tests that statusOf never throws and always gives a one-line message. */
  @Property(tries = 1000)
  void statusOf_anyText_neverThrowsAndMessageIsOneLine(
      @ForAll("bodies") String body,
      @ForAll @IntRange(min = 100, max = 599) int http,
      @ForAll boolean truncated) {
    Status status = HttpErrors.statusOf(http, body.getBytes(UTF_8), truncated);

    // An envelope's own message is kept as the server sent it; only ours must be one line.
    assertThat(status.message())
        .satisfiesAnyOf(
            message -> assertThat(message).doesNotStartWith("HTTP " + http + " with "),
            message -> assertThat(message).doesNotContain("\n", "\r", "\u0000"));
  }

  /** Tests that an excerpt is never longer than the cap plus the ellipsis. */
  @Property(tries = 500)
  void excerpt_anyBytes_boundedLength(@ForAll byte[] body) {
    assertThat(HttpErrors.excerpt(body).length())
        .isLessThanOrEqualTo(HttpErrors.MAX_EXCERPT_LENGTH + 3);
  }

  @Provide
  Arbitrary<Integer> nanos() {
    return Arbitraries.oneOf(
        Arbitraries.just(0),
        Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
        Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000),
        Arbitraries.integers().between(0, 999_999_999));
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300),
        Arbitraries.strings().withChars("{}[]\":,<>/ \n\tabc0123").ofMaxLength(300),
        Arbitraries.of(
            "{\"error\":{\"status\":\"NOT_FOUND\",\"message\":\"m\"}}",
            "{\"error\":{\"details\":[{\"@type\":\"x\"}],\"errors\":[{}]}}",
            "<html><body>down</body></html>"));
  }

  @Provide
  Arbitrary<Status> statuses() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30);
    Arbitrary<ErrorDetail> detail =
        Arbitraries.oneOf(
            Combinators.combine(text, text)
                .as(
                    (reason, domain) ->
                        new ErrorDetail.ErrorInfo(
                            reason,
                            domain,
                            Map.of(),
                            RestJsonPropertiesTest.errorInfoJson(reason, domain))),
            Arbitraries.integers()
                .between(0, 100_000)
                .map(
                    millis ->
                        new ErrorDetail.RetryInfo(
                            Duration.ofMillis(millis),
                            "{\"@type\":\""
                                + ErrorDetail.RETRY_INFO
                                + "\",\"retryDelay\":\""
                                + RestJson.formatDuration(Duration.ofMillis(millis))
                                + "\"}")),
            Arbitraries.just(
                new ErrorDetail.Unknown(
                    "type.example.com/X", "{\"@type\":\"type.example.com/X\"}")));
    Arbitrary<Status.LegacyError> legacy =
        Combinators.combine(text, text, text, text, text).as(Status.LegacyError::new);
    return Combinators.combine(
            Arbitraries.of(Code.class),
            text,
            detail.list().ofMaxSize(3),
            legacy.list().ofMaxSize(2))
        .as(Status::new);
  }

  private static String errorInfoJson(String reason, String domain) {
    Status status =
        Status.of(Code.OK, "", List.of(new ErrorDetail.ErrorInfo(reason, domain, Map.of(), "")));
    // Let the writer render the detail; read it back to get the exact JSON it keeps.
    byte[] written =
        RestJson.writeOperation(
            Operation.builder(NAME).result(new OperationResult.Failed(status)).build());
    return RestJson.readOperation(written).error().orElseThrow().details().get(0).json();
  }
}
