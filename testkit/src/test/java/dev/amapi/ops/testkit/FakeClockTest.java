package dev.amapi.ops.testkit;

import static dev.amapi.ops.testkit.TestOperations.DEVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.rest.WireFormat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Time that moves only when the test moves it: completions and expiry, with no sleep. */
class FakeClockTest {
  private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

  private final FakeClock clock = FakeClock.at(START);
  private final FakeOperations fake = FakeOperations.create(clock);

  @Test
  void advance_movesTheClockAndNeverBack() {
    assertThat(clock.advance(Duration.ofMinutes(3))).isEqualTo(START.plusSeconds(180));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(180));
    assertThat(clock.withZone(java.time.ZoneId.of("Europe/Paris")).instant())
        .isEqualTo(START.plusSeconds(180));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void issueCommand_namesTheOperationByTheFakeClock() {
    Operation issued = fake.issueCommand(DEVICE, CommandType.REBOOT);

    assertThat(issued.name().operationId()).isEqualTo(Long.toString(START.toEpochMilli()));
    // Issuing is a port call, recorded as one at the fake clock's time.
    assertThat(fake.calls())
        .containsExactly(new PortCall(PortCall.Method.ISSUE_COMMAND, DEVICE.toString(), START));
  }

  @Test
  void completesAfter_completesOnceTheClockGetsThere() {
    Operation issued = fake.issueCommand(DEVICE, CommandType.REBOOT);
    fake.completesAfter(issued.name(), Duration.ofSeconds(30));

    clock.advance(Duration.ofSeconds(29));
    assertThat(fake.get(issued.name()).done()).isFalse();

    clock.advance(Duration.ofSeconds(1));
    assertThat(fake.get(issued.name()).result())
        .isEqualTo(OperationResult.Succeeded.issueCommandResponse());
  }

  @Test
  void cancel_arrivingTooLate_changesNothing() {
    fake.devicesPickUpCommandsAfter(Duration.ofSeconds(5));
    Operation issued = fake.issueCommand(DEVICE, CommandType.LOCK);

    clock.advance(Duration.ofSeconds(6));
    fake.cancel(issued.name());

    Operation read = fake.get(issued.name());
    assertThat(read.done()).isTrue();
    assertThat(read.isCancelled()).isFalse();
    assertThat(read.result()).isEqualTo(OperationResult.Succeeded.issueCommandResponse());
  }

  @Test
  void cancel_arrivingInTime_cancels() {
    fake.devicesPickUpCommandsAfter(Duration.ofSeconds(5));
    Operation issued = fake.issueCommand(DEVICE, CommandType.LOCK);

    clock.advance(Duration.ofSeconds(4));
    fake.cancel(issued.name());
    clock.advance(Duration.ofSeconds(10));

    assertThat(fake.get(issued.name()).isCancelled()).isTrue();
  }

  @Test
  void expireCommands_failsAPendingCommandAfterItsDuration() {
    fake.expireCommands(true);
    Operation issued =
        fake.issueCommand(
            DEVICE, Command.builder(CommandType.REBOOT).duration(Duration.ofMinutes(2)).build());

    clock.advance(Duration.ofMinutes(1));
    assertThat(fake.get(issued.name()).done()).isFalse();
    clock.advance(Duration.ofMinutes(1));

    Operation expired = fake.get(issued.name());
    assertThat(expired.done()).isTrue();
    assertThat(expired.error().orElseThrow().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(expired.error().orElseThrow().message()).isEqualTo(FakeOperations.EXPIRED_MESSAGE);
  }

  @Test
  void expiryBeforePickUp_wins() {
    fake.expireCommands(true);
    fake.devicesPickUpCommandsAfter(Duration.ofMinutes(20));
    Operation issued = fake.issueCommand(DEVICE, CommandType.REBOOT);

    clock.advance(Duration.ofMinutes(30));

    assertThat(fake.operation(issued.name()).orElseThrow().error().orElseThrow().code())
        .isEqualTo(Code.DEADLINE_EXCEEDED);
  }

  @Test
  void completesAfter_rejectsNegative() {
    assertThatThrownBy(
            () -> fake.completesAfter(TestOperations.PENDING_REBOOT, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void server_onAFakeClock_answersCompletionOverHttp() throws Exception {
    try (FakeAmapiServer server = FakeAmapiServer.start(clock)) {
      Operation issued = server.operations().issueCommand(DEVICE, CommandType.REBOOT);
      server.operations().completesAfter(issued.name(), Duration.ofSeconds(10));
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest get =
          HttpRequest.newBuilder(server.endpoint().resolve("/v1/" + issued.name()))
              .header("Authorization", "Bearer t")
              .timeout(Duration.ofSeconds(5))
              .build();

      Operation before =
          WireFormat.readOperation(
              client.send(get, HttpResponse.BodyHandlers.ofByteArray()).body());
      clock.advance(Duration.ofSeconds(10));
      Operation after =
          WireFormat.readOperation(
              client.send(get, HttpResponse.BodyHandlers.ofByteArray()).body());

      assertThat(before.done()).isFalse();
      assertThat(after.result()).isEqualTo(OperationResult.Succeeded.issueCommandResponse());
    }
  }
}
