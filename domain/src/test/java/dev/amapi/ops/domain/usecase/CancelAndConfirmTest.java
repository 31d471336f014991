package dev.amapi.ops.domain.usecase;

import static dev.amapi.ops.domain.Operations.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Operations;
import dev.amapi.ops.domain.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CancelAndConfirmTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Duration CAP = PollingPolicy.DEFAULT_MAX_INTERVAL;

  private static final Operation PENDING = Operations.pendingReboot();
  private static final Operation CANCELLED = Operations.cancelledReboot();
  private static final Operation SUCCEEDED = Operations.succeededReboot();
  private static final Status DEVICE_OFFLINE =
      Status.of(Code.FAILED_PRECONDITION, "The device is not reachable");
  private static final Operation FAILED =
      PENDING.withResult(new OperationResult.Failed(DEVICE_OFFLINE));

  private static final AmapiException UNIMPLEMENTED =
      new AmapiException(
          Status.of(Code.UNIMPLEMENTED, "Operation cancellation is not supported"), 501);
  private static final AmapiException NOT_FOUND =
      new AmapiException(Status.of(Code.NOT_FOUND, "Requested entity was not found."), 404);
  private static final AmapiException PERMISSION_DENIED =
      new AmapiException(
          Status.of(Code.PERMISSION_DENIED, "The caller does not have permission"), 403);

  private final FakeTiming timing = new FakeTiming();
  private final ScriptedOperationPorts ports = new ScriptedOperationPorts(timing);
  private final CancelAndConfirm useCase =
      new CancelAndConfirm(ports, ports, PollingPolicy.DEFAULT, timing);

  /** Returns a pending read told apart from the others by its number. */
  private static Operation pendingRead(int number) {
    return PENDING.toBuilder().otherField("read", Integer.toString(number)).build();
  }

  private static Duration millis(double millis) {
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  // Sync form: the outcomes.

  private static final AmapiException ALREADY_DONE =
      new AmapiException(Status.of(Code.FAILED_PRECONDITION, "The operation is already done"), 400);

  @Test
  void cancelRefusedBecauseDone_isReadBack_andReportsTheOutcome() {
    ports.cancelFails(ALREADY_DONE).thenGet(SUCCEEDED);

    assertThat(useCase.cancelAndConfirm(NAME, DEADLINE).kind())
        .isEqualTo(CancelOutcome.Kind.COMPLETED);
    assertThat(ports.gets()).isEqualTo(1);
  }

  @Test
  void cancelRefused_operationStillPending_throwsTheRefusal() {
    ports.cancelFails(ALREADY_DONE).thenGet(PENDING);

    assertThatThrownBy(() -> useCase.cancelAndConfirm(NAME, DEADLINE)).isSameAs(ALREADY_DONE);
    assertThat(ports.gets()).isEqualTo(1);
  }

  @Test
  void async_cancelRefusedBecauseDone_isReadBack() {
    ports.cancelFails(ALREADY_DONE).thenGet(CANCELLED);

    assertThat(useCase.cancelAndConfirmAsync(NAME, DEADLINE).join().kind())
        .isEqualTo(CancelOutcome.Kind.CANCELLED);
  }

  @Test
  void cancelAndConfirm_cancelledAtOnce_isCancelled() {
    ports.thenGet(CANCELLED);

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, DEADLINE);

    assertThat(outcome).isEqualTo(CancelOutcome.ofDone(CANCELLED));
    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
    assertThat(outcome.status()).map(Status::code).contains(Code.CANCELLED);
    assertThat(ports.cancels()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void cancelAndConfirm_pendingThenCancelled_isCancelled() {
    ports.thenGet(PENDING, PENDING, PENDING, CANCELLED);

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, DEADLINE);

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
    assertThat(outcome.operation()).contains(CANCELLED);
    assertThat(ports.gets()).isEqualTo(4);
  }

  @Test
  void cancelAndConfirm_finishedAnyway_isCompleted() {
    ports.thenGet(PENDING, SUCCEEDED);

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, DEADLINE);

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.COMPLETED);
    assertThat(outcome.operation()).contains(SUCCEEDED);
    assertThat(outcome.status()).isEmpty();
  }

  @Test
  void cancelAndConfirm_endedWithFailedPrecondition_isFailedCarryingTheStatus() {
    ports.thenGet(PENDING, FAILED);

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, DEADLINE);

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.FAILED);
    assertThat(outcome.status()).contains(DEVICE_OFFLINE);
    assertThat(outcome.operation()).contains(FAILED);
  }

  @Test
  void cancelAndConfirm_pendingPastDeadline_isStillRunningWithTheLastRead() {
    ports.thenGet(pendingRead(1), pendingRead(2), pendingRead(3), pendingRead(4), pendingRead(5));

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, Duration.ofSeconds(1));

    // Reads at 0, 200, 500 and 950 ms, and the last at the deadline.
    assertThat(outcome).isEqualTo(CancelOutcome.stillRunning(pendingRead(5)));
    assertThat(ports.getTimes())
        .containsExactly(
            Duration.ZERO, millis(200), millis(500), millis(950), Duration.ofSeconds(1));
  }

  @Test
  void cancelAndConfirm_cancelUnimplemented_isNotSupportedKeepingTheMessage() {
    ports.cancelFails(UNIMPLEMENTED).thenGet(PENDING);

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, DEADLINE);

    assertThat(outcome).isEqualTo(CancelOutcome.notSupported(NAME, UNIMPLEMENTED.status()));
    assertThat(outcome.status())
        .map(Status::message)
        .contains("Operation cancellation is not supported");
    assertThat(ports.gets()).isZero();
  }

  @Test
  void cancelAndConfirm_cancelNotFound_isNotFound() {
    ports.cancelFails(NOT_FOUND).thenGet(PENDING);

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, DEADLINE);

    assertThat(outcome).isEqualTo(CancelOutcome.notFound(NAME, NOT_FOUND.status()));
    assertThat(ports.gets()).isZero();
  }

  @Test
  void cancelAndConfirm_getNotFound_isNotFound() {
    ports.thenGet(PENDING).thenGetFails(NOT_FOUND);

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, DEADLINE);

    assertThat(outcome).isEqualTo(CancelOutcome.notFound(NAME, NOT_FOUND.status()));
  }

  @Test
  void cancelAndConfirm_cancelPermissionDenied_throwsIt() {
    ports.cancelFails(PERMISSION_DENIED).thenGet(PENDING);

    assertThatThrownBy(() -> useCase.cancelAndConfirm(NAME, DEADLINE)).isSameAs(PERMISSION_DENIED);
    assertThat(ports.gets()).isZero();
  }

  @Test
  void cancelAndConfirm_getPermissionDenied_throwsIt() {
    ports.thenGet(PENDING).thenGetFails(PERMISSION_DENIED);

    assertThatThrownBy(() -> useCase.cancelAndConfirm(NAME, DEADLINE)).isSameAs(PERMISSION_DENIED);
  }

  // Sync form: the waits.

  @Test
  void cancelAndConfirm_pending_waitsGrowByTheMultiplierUpToTheCap() {
    ports.thenGet(PENDING);

    useCase.cancelAndConfirm(NAME, DEADLINE);

    assertThat(timing.sleeps())
        .startsWith(
            millis(200),
            millis(300),
            millis(450),
            millis(675),
            millis(1012.5),
            millis(1518.75),
            millis(2278.125),
            millis(3417.1875),
            CAP,
            CAP)
        .allSatisfy(sleep -> assertThat(sleep).isLessThanOrEqualTo(CAP));
  }

  @Test
  void cancelAndConfirm_pending_lastWaitEndsAtTheDeadline() {
    ports.thenGet(PENDING);

    useCase.cancelAndConfirm(NAME, DEADLINE);

    // 9851.5625 ms of growing waits, four of 5 s, then what is left: 148.4375 ms.
    assertThat(timing.sleeps()).last().isEqualTo(millis(148.4375));
    assertThat(timing.waitEnds()).last().isEqualTo(DEADLINE);
    assertThat(ports.getTimes()).last().isEqualTo(DEADLINE);
  }

  @Test
  void cancelAndConfirm_slowReads_noWaitEndsPastTheDeadline() {
    ScriptedOperationPorts slow =
        new ScriptedOperationPorts(timing, Duration.ofMillis(700)).thenGet(PENDING);
    CancelAndConfirm slowUseCase = new CancelAndConfirm(slow, slow, PollingPolicy.DEFAULT, timing);

    CancelOutcome outcome = slowUseCase.cancelAndConfirm(NAME, Duration.ofSeconds(2));

    // Reads take 0-0.7 s, 0.9-1.6 s and 1.9-2.6 s: the third is in flight at the deadline.
    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.STILL_RUNNING);
    assertThat(timing.sleeps()).containsExactly(millis(200), millis(300));
    assertThat(timing.waitEnds()).allSatisfy(end -> assertThat(end).isLessThan(DEADLINE));
  }

  @Test
  void cancelAndConfirm_deadlineShorterThanTheFirstInterval_waitsOnlyUntilIt() {
    ports.thenGet(PENDING);

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, Duration.ofMillis(50));

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.STILL_RUNNING);
    assertThat(timing.sleeps()).containsExactly(millis(50));
    assertThat(ports.gets()).isEqualTo(2);
  }

  @Test
  void cancelAndConfirm_customPollingPolicy_waitsByIt() {
    ports.thenGet(PENDING);
    PollingPolicy doubling = new PollingPolicy(Duration.ofMillis(100), 2, Duration.ofMillis(500));

    useCase.withPollingPolicy(doubling).cancelAndConfirm(NAME, Duration.ofSeconds(2));

    assertThat(timing.sleeps())
        .containsExactly(
            millis(100), millis(200), millis(400), millis(500), millis(500), millis(300));
  }

  // Sync form: interrupt and input.

  @Test
  void cancelAndConfirm_interruptedWhileWaiting_throwsCancelledAndKeepsTheFlag() throws Exception {
    ports.thenGet(PENDING);
    CancelAndConfirm realTime = CancelAndConfirm.of(ports, ports);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                realTime.cancelAndConfirm(NAME, Duration.ofMinutes(1));
              } catch (RuntimeException e) {
                thrown.set(e);
              }
              flagKept.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    while (ports.gets() == 0) {
      Thread.sleep(5);
    }

    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(5));

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOfSatisfying(
            AmapiException.class, e -> assertThat(e.code()).isEqualTo(Code.CANCELLED))
        .hasCauseInstanceOf(InterruptedException.class)
        .hasMessageContaining(NAME.toString());
    assertThat(flagKept).isTrue();
  }

  @Test
  void cancelAndConfirm_zeroDeadline_throwsNamingDeadline() {
    assertThatThrownBy(() -> useCase.cancelAndConfirm(NAME, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadline");
    assertThat(ports.cancels()).isZero();
  }

  @Test
  void cancelAndConfirm_negativeDeadline_throwsNamingDeadline() {
    assertThatThrownBy(() -> useCase.cancelAndConfirm(NAME, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadline");
    assertThat(ports.cancels()).isZero();
  }

  @Test
  void cancelAndConfirm_hugeDeadline_isAsGoodAsNone() {
    ports.thenGet(PENDING, PENDING, CANCELLED);

    CancelOutcome outcome = useCase.cancelAndConfirm(NAME, Duration.ofSeconds(Long.MAX_VALUE));

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
  }

  @Test
  void cancelAndConfirmAsync_zeroDeadline_throwsNamingDeadline() {
    assertThatThrownBy(() -> useCase.cancelAndConfirmAsync(NAME, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadline");
    assertThat(ports.cancels()).isZero();
  }

  @Test
  void publicMethods_null_throwNamingTheParameter() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(OperationName.class, NAME)
            .setDefault(Duration.class, DEADLINE)
            .setDefault(PollingPolicy.class, PollingPolicy.DEFAULT);

    tester.testAllPublicStaticMethods(CancelAndConfirm.class);
    tester.testAllPublicInstanceMethods(useCase);
  }

  @Test
  void of_defaults_pollsByTheDefaultPolicy() {
    assertThat(CancelAndConfirm.of(ports, ports).pollingPolicy()).isEqualTo(PollingPolicy.DEFAULT);
  }

  // Async form: the outcomes.

  /** Keeps what a progress listener hears, as lines. */
  private static final class HeardProgress implements CancelProgress {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void cancelSent(OperationName name) {
      lines.add("cancel sent " + name);
    }

    @Override
    public void polled(int poll, Operation operation) {
      lines.add("poll " + poll + (operation.done() ? " done" : " pending"));
    }
  }

  @Test
  void withProgress_hearsTheCancelAndEachPoll() {
    ports.thenGet(PENDING, PENDING, CANCELLED);
    HeardProgress heard = new HeardProgress();

    CancelOutcome outcome = useCase.withProgress(heard).cancelAndConfirm(NAME, DEADLINE);

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
    assertThat(heard.lines)
        .containsExactly("cancel sent " + NAME, "poll 1 pending", "poll 2 pending", "poll 3 done");
  }

  @Test
  void withProgress_async_hearsTheCancelAndEachPoll() {
    ports.thenGet(PENDING, CANCELLED);
    HeardProgress heard = new HeardProgress();

    CompletableFuture<CancelOutcome> outcome =
        useCase.withProgress(heard).cancelAndConfirmAsync(NAME, DEADLINE);

    assertThat(outcome).isCompletedWithValue(CancelOutcome.ofDone(CANCELLED));
    assertThat(heard.lines).containsExactly("cancel sent " + NAME, "poll 1 pending", "poll 2 done");
  }

  @Test
  void withProgress_thatThrows_changesNoOutcome() {
    ports.thenGet(PENDING, CANCELLED);
    CancelProgress throwing =
        new CancelProgress() {
          @Override
          public void cancelSent(OperationName name) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void polled(int poll, Operation operation) {
            throw new IllegalStateException("listener bug");
          }
        };

    CancelOutcome outcome = useCase.withProgress(throwing).cancelAndConfirm(NAME, DEADLINE);

    assertThat(outcome).isEqualTo(CancelOutcome.ofDone(CANCELLED));
  }

  @Test
  void cancelAndConfirmAsync_cancelledAtOnce_isCancelled() {
    ports.thenGet(CANCELLED);

    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThat(outcome).isCompletedWithValue(CancelOutcome.ofDone(CANCELLED));
  }

  @Test
  void cancelAndConfirmAsync_pendingThenCancelled_isCancelled() {
    ports.thenGet(PENDING, PENDING, PENDING, CANCELLED);

    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThat(outcome).isCompletedWithValue(CancelOutcome.ofDone(CANCELLED));
    assertThat(ports.gets()).isEqualTo(4);
  }

  @Test
  void cancelAndConfirmAsync_finishedAnyway_isCompleted() {
    ports.thenGet(PENDING, SUCCEEDED);

    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThat(outcome).isCompletedWithValue(CancelOutcome.ofDone(SUCCEEDED));
  }

  @Test
  void cancelAndConfirmAsync_endedWithFailedPrecondition_isFailedCarryingTheStatus() {
    ports.thenGet(PENDING, FAILED);

    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThat(outcome.join().kind()).isEqualTo(CancelOutcome.Kind.FAILED);
    assertThat(outcome.join().status()).contains(DEVICE_OFFLINE);
  }

  @Test
  void cancelAndConfirmAsync_pendingPastDeadline_isStillRunningWithTheLastRead() {
    ports.thenGet(pendingRead(1), pendingRead(2), pendingRead(3), pendingRead(4), pendingRead(5));

    CompletableFuture<CancelOutcome> outcome =
        useCase.cancelAndConfirmAsync(NAME, Duration.ofSeconds(1));

    assertThat(outcome).isCompletedWithValue(CancelOutcome.stillRunning(pendingRead(5)));
  }

  @Test
  void cancelAndConfirmAsync_cancelUnimplemented_isNotSupportedKeepingTheMessage() {
    ports.cancelFails(UNIMPLEMENTED).thenGet(PENDING);

    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThat(outcome)
        .isCompletedWithValue(CancelOutcome.notSupported(NAME, UNIMPLEMENTED.status()));
    assertThat(ports.gets()).isZero();
  }

  @Test
  void cancelAndConfirmAsync_cancelNotFound_isNotFound() {
    ports.cancelFails(NOT_FOUND).thenGet(PENDING);

    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThat(outcome).isCompletedWithValue(CancelOutcome.notFound(NAME, NOT_FOUND.status()));
  }

  @Test
  void cancelAndConfirmAsync_getNotFound_isNotFound() {
    ports.thenGet(PENDING).thenGetFails(NOT_FOUND);

    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThat(outcome).isCompletedWithValue(CancelOutcome.notFound(NAME, NOT_FOUND.status()));
  }

  @Test
  void cancelAndConfirmAsync_cancelPermissionDenied_failsWithIt() {
    ports.cancelFails(PERMISSION_DENIED).thenGet(PENDING);

    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThatThrownBy(outcome::join)
        .isInstanceOf(CompletionException.class)
        .hasCause(PERMISSION_DENIED);
  }

  @Test
  void cancelAndConfirmAsync_getPermissionDenied_failsWithIt() {
    ports.thenGet(PENDING).thenGetFails(PERMISSION_DENIED);

    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThatThrownBy(outcome::join)
        .isInstanceOf(CompletionException.class)
        .hasCause(PERMISSION_DENIED);
  }

  @Test
  void cancelAndConfirmAsync_portFailsWrapped_failsWithTheUnwrappedError() {
    ScriptedOperationPorts wrapping =
        new ScriptedOperationPorts(timing) {
          @Override
          public CompletableFuture<Operation> getAsync(OperationName name) {
            return CompletableFuture.failedFuture(new CompletionException(PERMISSION_DENIED));
          }
        };
    wrapping.thenGet(PENDING);
    CancelAndConfirm wrappingUseCase =
        new CancelAndConfirm(wrapping, wrapping, PollingPolicy.DEFAULT, timing);

    CompletableFuture<CancelOutcome> outcome =
        wrappingUseCase.cancelAndConfirmAsync(NAME, DEADLINE);

    assertThatThrownBy(outcome::join).hasCause(PERMISSION_DENIED);
  }

  // Async form: the waits and the caller's cancel.

  @Test
  void cancelAndConfirmAsync_pending_schedulesTheSameWaitsWithoutSleeping() {
    ports.thenGet(PENDING);

    useCase.cancelAndConfirmAsync(NAME, DEADLINE).join();

    assertThat(timing.sleeps()).isEmpty();
    assertThat(timing.scheduledWaits())
        .startsWith(millis(200), millis(300), millis(450), millis(675))
        .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(CAP))
        .last()
        .isEqualTo(millis(148.4375));
    assertThat(timing.waitEnds()).last().isEqualTo(DEADLINE);
  }

  @Test
  void cancelAndConfirmAsync_callerCancelsDuringAWait_sendsNoFurtherGet() {
    timing.holdScheduledTasks();
    ports.thenGet(PENDING);
    CompletableFuture<CancelOutcome> outcome = useCase.cancelAndConfirmAsync(NAME, DEADLINE);
    assertThat(ports.gets()).isEqualTo(1);
    assertThat(timing.heldTasks()).isEqualTo(1);

    outcome.cancel(true);
    timing.runHeldTasks();

    assertThat(ports.gets()).isEqualTo(1);
    assertThat(timing.heldTasks()).isZero();
    assertThat(ports.cancels()).isEqualTo(1);
  }

  @Test
  void cancelAndConfirmAsync_callerCancelsWithRealWaits_stopsPolling() throws Exception {
    ports.thenGet(PENDING);
    PollingPolicy every10ms = new PollingPolicy(Duration.ofMillis(10), 1, Duration.ofMillis(10));
    CancelAndConfirm realTime = CancelAndConfirm.of(ports, ports).withPollingPolicy(every10ms);
    CompletableFuture<CancelOutcome> outcome =
        realTime.cancelAndConfirmAsync(NAME, Duration.ofMinutes(1));
    while (ports.gets() < 3) {
      Thread.sleep(5);
    }

    outcome.cancel(true);
    int getsAtCancel = ports.gets();
    Thread.sleep(200);

    // A get the timer had already started may still land; none after it.
    assertThat(ports.gets()).isBetween(getsAtCancel, getsAtCancel + 1);
    assertThat(outcome).isCancelled();
  }

  @Test
  void cancelAndConfirmAsync_realWaits_doNotBlockTheCaller() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    ports.thenGet(PENDING, PENDING, CANCELLED);
    PollingPolicy every200ms = new PollingPolicy(Duration.ofMillis(200), 1, Duration.ofMillis(200));
    CancelAndConfirm realTime = CancelAndConfirm.of(ports, ports).withPollingPolicy(every200ms);

    CompletableFuture<CancelOutcome> outcome =
        realTime.cancelAndConfirmAsync(NAME, Duration.ofMinutes(1));
    outcome.thenRun(cancelled::countDown);

    assertThat(ports.gets()).isEqualTo(1);
    assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(outcome.join().kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
  }
}
