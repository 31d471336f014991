package dev.amapi.ops.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandErrorCode;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Operations;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.DeviceOperations;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeviceCommandTest {
  private final FakeTiming timing = new FakeTiming();
  private final ScriptedOperationPorts ports = new ScriptedOperationPorts(timing);

  private DeviceCommand handle() {
    return new DeviceCommand(
        new OverPorts(ports), Operations.NAME, null, PollingPolicy.DEFAULT, timing);
  }

  @Test
  void await_pollsWithGrowingIntervals_untilDone() {
    ports.thenGet(
        Operations.pendingReboot(), Operations.pendingReboot(), Operations.succeededReboot());

    CommandOutcome outcome = handle().await(Duration.ofMinutes(1));

    assertThat(outcome.kind()).isEqualTo(CommandOutcome.Kind.COMPLETED);
    assertThat(outcome.response()).isPresent();
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(300));
    assertThat(ports.cancels()).isZero();
  }

  @Test
  void awaitAsync_schedulesTheSameWaits() {
    ports.thenGet(
        Operations.pendingReboot(), Operations.pendingReboot(), Operations.cancelledReboot());

    CommandOutcome outcome = handle().awaitAsync(Duration.ofMinutes(1)).join();

    assertThat(outcome.kind()).isEqualTo(CommandOutcome.Kind.CANCELLED);
    assertThat(timing.scheduledWaits())
        .containsExactly(Duration.ofMillis(200), Duration.ofMillis(300));
  }

  @Test
  void await_deadlinePassed_isPendingWithTheLastRead() {
    ports.thenGet(Operations.pendingReboot());

    CommandOutcome outcome = handle().await(Duration.ofMillis(450));

    assertThat(outcome.kind()).isEqualTo(CommandOutcome.Kind.PENDING);
    assertThat(outcome.operation()).isEqualTo(Operations.pendingReboot());
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(250));
  }

  @Test
  void cancellingTheAwaitFuture_stopsWaiting_andCallsNothingOff() {
    timing.holdScheduledTasks();
    ports.thenGet(Operations.pendingReboot());

    CompletableFuture<CommandOutcome> waiting = handle().awaitAsync(Duration.ofMinutes(1));
    waiting.cancel(true);
    timing.runHeldTasks();

    assertThat(ports.gets()).isEqualTo(1);
    assertThat(ports.cancels()).isZero();
  }

  @Test
  void cancel_callsTheCommandOff_withConfirmation() {
    ports.thenGet(Operations.cancelledReboot());

    CancelOutcome outcome = handle().cancel(Duration.ofSeconds(10));

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
    assertThat(ports.cancels()).isEqualTo(1);
  }

  @Test
  void outcomes_tellExpiryFromFailure() {
    Operation expired =
        Operations.pendingReboot()
            .withResult(new OperationResult.Failed(Status.of(Code.DEADLINE_EXCEEDED, "expired")));
    Command failedCommand =
        Operations.reboot().toBuilder().errorCode(CommandErrorCode.API_LEVEL).build();
    Operation failed =
        Operation.builder(Operations.NAME)
            .metadata(failedCommand)
            .result(new OperationResult.Failed(Status.of(Code.FAILED_PRECONDITION, "API level")))
            .build();

    assertThat(CommandOutcome.of(expired).kind()).isEqualTo(CommandOutcome.Kind.EXPIRED);
    assertThat(CommandOutcome.of(failed).kind()).isEqualTo(CommandOutcome.Kind.FAILED);
    assertThat(CommandOutcome.of(failed).errorCode()).contains(CommandErrorCode.API_LEVEL);
  }

  @Test
  void negativeDeadline_isRefused() {
    assertThatThrownBy(() -> handle().await(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The scripted cancel and get ports as a client; nothing else is called. */
  private static final class OverPorts implements DeviceOperations {
    private final ScriptedOperationPorts ports;

    OverPorts(ScriptedOperationPorts ports) {
      this.ports = ports;
    }

    @Override
    public Operation issueCommand(DeviceName device, Command command) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Operation> issueCommandAsync(DeviceName device, Command command) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void cancel(OperationName name) {
      ports.cancel(name);
    }

    @Override
    public CompletableFuture<Void> cancelAsync(OperationName name) {
      return ports.cancelAsync(name);
    }

    @Override
    public Operation get(OperationName name) {
      return ports.get(name);
    }

    @Override
    public CompletableFuture<Operation> getAsync(OperationName name) {
      return ports.getAsync(name);
    }

    @Override
    public OperationsPage list(DeviceName device, ListOperationsRequest request) {
      return new OperationsPage(List.of(), "", List.of(), java.util.Map.of());
    }

    @Override
    public CompletableFuture<OperationsPage> listAsync(
        DeviceName device, ListOperationsRequest request) {
      return CompletableFuture.completedFuture(list(device, request));
    }

    @Override
    public void close() {}
  }
}
