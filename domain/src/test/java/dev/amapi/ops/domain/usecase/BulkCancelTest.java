package dev.amapi.ops.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkCancelTest {
  private static final Instant NOW = Instant.parse("2026-08-06T12:00:00Z");
  private static final Duration GUARD = Duration.ofSeconds(20);

  private final BulkTiming timing = new BulkTiming();
  private final FleetPorts fleet = new FleetPorts(timing::nanoTime);

  private static DeviceName device(int i) {
    return DeviceName.of("LC03k6enk8", String.format("d%05d", i));
  }

  private static Operation pending(DeviceName device, long id, CommandType type, Instant created) {
    return Operation.pending(
        device.operation(Long.toString(id)), Command.builder(type).createTime(created).build());
  }

  private static Operation done(DeviceName device, long id) {
    return pending(device, id, CommandType.LOCK, NOW.minusSeconds(3600))
        .withResult(OperationResult.Succeeded.issueCommandResponse());
  }

  private static AmapiException error(Code code) {
    return new AmapiException(Status.of(code, "scripted " + code), code.httpStatus());
  }

  /**
   * Devices 0..n-1, each with a done LOCK and three pending: REBOOT, WIPE, LOCK of ages 1h, 5m, 1m.
   */
  private List<DeviceName> seedFleet(int devices) {
    List<DeviceName> names = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      DeviceName d = device(i);
      names.add(d);
      fleet.add(done(d, 1));
      fleet.add(pending(d, 2, CommandType.REBOOT, NOW.minus(Duration.ofHours(1))));
      fleet.add(pending(d, 3, CommandType.WIPE, NOW.minus(Duration.ofMinutes(5))));
      fleet.add(pending(d, 4, CommandType.LOCK, NOW.minus(Duration.ofMinutes(1))));
    }
    return names;
  }

  private BulkCancel.Builder bulk() {
    return BulkCancel.builder(fleet, fleet, fleet)
        .timing(timing)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .ratePerSecond(1000)
        .backoff(Duration.ofSeconds(2));
  }

  /** Collects the listener's per-operation events. */
  private static final class Recorder implements BulkCancelListener {
    final List<OperationDone> events = Collections.synchronizedList(new ArrayList<>());
    final List<DeviceName> failedDevices = Collections.synchronizedList(new ArrayList<>());
    final List<Status> deviceErrors = Collections.synchronizedList(new ArrayList<>());
    volatile BulkCancelReport lastProgress;

    @Override
    public void operationDone(OperationDone event) {
      events.add(event);
    }

    @Override
    public void deviceFailed(DeviceName device, Status error) {
      failedDevices.add(device);
      deviceErrors.add(error);
    }

    @Override
    public void progress(BulkCancelReport soFar) {
      lastProgress = soFar;
    }
  }

  @Test
  void cancelsEveryPendingOperation_once_andLeavesDoneOnesAlone() {
    List<DeviceName> devices = seedFleet(25);
    Recorder recorder = new Recorder();

    BulkCancelReport report =
        assertTimeoutPreemptively(
            GUARD, () -> bulk().concurrency(4).build().run(devices, recorder));

    assertThat(report.counts()).isEqualTo(Map.of(BulkOutcome.CANCELLED, 75L));
    assertThat(report.devicesListed()).isEqualTo(25);
    assertThat(report.devicesFailed()).isZero();
    assertThat(report.stopped()).isFalse();
    assertThat(recorder.events).hasSize(75);
    for (DeviceName d : devices) {
      assertThat(fleet.count("cancel", d.operation("1"))).isZero();
      for (String id : List.of("2", "3", "4")) {
        assertThat(fleet.count("cancel", d.operation(id))).isEqualTo(1);
        assertThat(fleet.operation(d.operation(id)).isCancelled()).isTrue();
      }
    }
    assertThat(recorder.lastProgress).isEqualTo(report);
  }

  @Test
  void selection_byTypeAndAge_cancelsOnlyThose() {
    List<DeviceName> devices = seedFleet(3);
    Recorder recorder = new Recorder();
    OperationSelection rebootsAndWipesOlderThan2m =
        OperationSelection.allPending()
            .withTypes(CommandType.REBOOT, CommandType.WIPE, CommandType.LOCK)
            .olderThan(Duration.ofMinutes(2));

    BulkCancelReport report =
        bulk().selection(rebootsAndWipesOlderThan2m).build().run(devices, recorder);

    assertThat(report.count(BulkOutcome.CANCELLED)).isEqualTo(6);
    assertThat(recorder.events).extracting(e -> e.name().operationId()).containsOnly("2", "3");

    BulkCancelReport wipes =
        bulk()
            .selection(OperationSelection.allPending().withTypes(CommandType.LOCK))
            .build()
            .run(devices, BulkCancelListener.NONE);
    assertThat(wipes.count(BulkOutcome.CANCELLED)).isEqualTo(3);
    assertThat(fleet.count("cancel", device(0).operation("1"))).isZero();
  }

  @Test
  void deviceThatCannotBeListed_isReported_andTheOthersGoOn() {
    List<DeviceName> devices = seedFleet(5);
    fleet.failAlways("list", device(2), error(Code.PERMISSION_DENIED));
    Recorder recorder = new Recorder();

    BulkCancelReport report = bulk().concurrency(2).build().run(devices, recorder);

    assertThat(report.count(BulkOutcome.CANCELLED)).isEqualTo(12);
    assertThat(report.devicesListed()).isEqualTo(4);
    assertThat(report.devicesFailed()).isEqualTo(1);
    assertThat(recorder.failedDevices).containsExactly(device(2));
    assertThat(recorder.deviceErrors.get(0).code()).isEqualTo(Code.PERMISSION_DENIED);
    // PERMISSION_DENIED is not retried.
    assertThat(fleet.calls()).filteredOn(c -> c.name().equals(device(2).toString())).hasSize(1);
  }

  @Test
  void operationThatCannotBeCancelled_isAnError_andTheOthersGoOn() {
    List<DeviceName> devices = seedFleet(2);
    OperationName refused = device(0).operation("3");
    fleet.failAlways("cancel", refused, error(Code.PERMISSION_DENIED));
    Recorder recorder = new Recorder();

    BulkCancelReport report = bulk().build().run(devices, recorder);

    assertThat(report.counts()).isEqualTo(Map.of(BulkOutcome.CANCELLED, 5L, BulkOutcome.ERROR, 1L));
    assertThat(recorder.events)
        .filteredOn(e -> e.outcome() == BulkOutcome.ERROR)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo(refused);
              assertThat(e.status().orElseThrow().code()).isEqualTo(Code.PERMISSION_DENIED);
            });
  }

  @Test
  void unavailable_isRetried_untilTheAttemptsRunOut() {
    List<DeviceName> devices = seedFleet(2);
    fleet.failNext("list", device(0), error(Code.UNAVAILABLE), error(Code.UNAVAILABLE));
    fleet.failNext("cancel", device(0).operation("2"), error(Code.UNAVAILABLE));
    fleet.failNext("get", device(0).operation("2"), error(Code.UNAVAILABLE));
    fleet.failAlways("cancel", device(1).operation("4"), error(Code.UNAVAILABLE));

    BulkCancelReport report =
        bulk().concurrency(1).maxAttempts(3).build().run(devices, BulkCancelListener.NONE);

    assertThat(report.counts()).isEqualTo(Map.of(BulkOutcome.CANCELLED, 5L, BulkOutcome.ERROR, 1L));
    assertThat(fleet.count("cancel", device(1).operation("4"))).isEqualTo(3);
    // The worker's own backoff, growing with each attempt: 2 s, 4 s.
    assertThat(timing.sleeps()).contains(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void resourceExhausted_pausesForTheServersRetryInfo_thenRetries() {
    List<DeviceName> devices = seedFleet(1);
    AmapiException quota =
        new AmapiException(
            Status.of(
                Code.RESOURCE_EXHAUSTED,
                "Quota exceeded",
                List.of(new ErrorDetail.RetryInfo(Duration.ofSeconds(7), "{}"))),
            429);
    fleet.failNext("cancel", device(0).operation("3"), quota);

    BulkCancelReport report = bulk().concurrency(1).build().run(devices, BulkCancelListener.NONE);

    assertThat(report.count(BulkOutcome.CANCELLED)).isEqualTo(3);
    List<FleetPorts.Call> cancels =
        fleet.calls().stream()
            .filter(c -> c.name().equals(device(0).operation("3").toString()))
            .filter(c -> c.method().equals("cancel"))
            .toList();
    assertThat(cancels).hasSize(2);
    assertThat(cancels.get(1).time().minus(cancels.get(0).time()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void resourceExhausted_withoutRetryInfo_pausesEveryWorkerForTheBackoff() {
    List<DeviceName> devices = seedFleet(8);
    fleet.failNext("list", device(0), error(Code.RESOURCE_EXHAUSTED));

    BulkCancelReport report =
        bulk()
            .concurrency(1)
            .backoff(Duration.ofSeconds(3))
            .build()
            .run(devices, BulkCancelListener.NONE);

    assertThat(report.count(BulkOutcome.CANCELLED)).isEqualTo(24);
    FleetPorts.Call failed = fleet.calls().get(0);
    assertThat(fleet.calls().subList(1, fleet.calls().size()))
        .allSatisfy(
            call ->
                assertThat(call.time().minus(failed.time()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3)));
  }

  @Test
  void pause_holdsBackEveryWorker() {
    List<DeviceName> devices = seedFleet(40);
    fleet.failNext("list", device(0), error(Code.RESOURCE_EXHAUSTED));
    BulkTiming unused = timing;
    AtomicInteger seen = new AtomicInteger();

    BulkCancelReport report =
        assertTimeoutPreemptively(
            GUARD,
            () ->
                BulkCancel.builder(fleet, fleet, fleet)
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .concurrency(4)
                    .ratePerSecond(100_000)
                    .backoff(Duration.ofMillis(300))
                    .build()
                    .run(
                        devices,
                        new BulkCancelListener() {
                          @Override
                          public void operationDone(OperationDone event) {
                            seen.incrementAndGet();
                          }
                        }));

    assertThat(unused).isNotNull();
    assertThat(report.count(BulkOutcome.CANCELLED)).isEqualTo(120);
    assertThat(seen).hasValue(120);
  }

  @Test
  void rateLimit_spacesCalls_retriesIncluded() {
    List<DeviceName> devices = seedFleet(6);
    fleet.failNext("get", device(1).operation("3"), error(Code.UNAVAILABLE));

    bulk()
        .concurrency(1)
        .ratePerSecond(10)
        .backoff(Duration.ofMillis(1))
        .build()
        .run(devices, BulkCancelListener.NONE);

    List<FleetPorts.Call> calls = fleet.calls();
    // 12 lists (two pages a device), 18 cancels, 18 gets and one retry.
    assertThat(calls).hasSize(49);
    for (int i = 10; i < calls.size(); i++) {
      // Any 11 calls in a row span at least a second at 10 calls a second.
      assertThat(calls.get(i).time().minus(calls.get(i - 10).time()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void stop_isPrompt_reported_andARerunFinishesTheRest_cancellingNothingTwice() {
    List<DeviceName> devices = seedFleet(30);
    BulkCancel bulk = bulk().concurrency(3).build();
    AtomicInteger done = new AtomicInteger();
    BulkCancel.Run[] run = new BulkCancel.Run[1];
    CountDownLatch started = new CountDownLatch(1);
    BulkCancelListener stopAfter20 =
        new BulkCancelListener() {
          @Override
          public void operationDone(OperationDone event) {
            assertTimeoutPreemptively(GUARD, () -> started.await());
            if (done.incrementAndGet() == 20) {
              run[0].stop();
            }
          }
        };

    BulkCancelReport first =
        assertTimeoutPreemptively(
            GUARD,
            () -> {
              run[0] = bulk.start(devices, stopAfter20);
              started.countDown();
              return run[0].await();
            });

    assertThat(first.stopped()).isTrue();
    assertThat(first.operations()).isBetween(20L, 22L);
    assertThat(first.count(BulkOutcome.CANCELLED) + first.count(BulkOutcome.CANCEL_REQUESTED))
        .isEqualTo(first.operations());

    BulkCancelReport second =
        assertTimeoutPreemptively(GUARD, () -> bulk.run(devices, BulkCancelListener.NONE));

    assertThat(second.stopped()).isFalse();
    assertThat(second.devicesListed()).isEqualTo(30);
    assertThat(first.operations() + second.operations()).isEqualTo(90);
    for (DeviceName d : devices) {
      for (String id : List.of("2", "3", "4")) {
        assertThat(fleet.count("cancel", d.operation(id))).as(d + "/" + id).isEqualTo(1);
      }
    }
  }

  @Test
  void stop_duringConfirmation_reportsCancelRequested() throws Exception {
    DeviceName d = device(0);
    fleet.add(pending(d, 2, CommandType.REBOOT, NOW));
    fleet.cancelNeverTakesEffect(d.operation("2"));
    CountDownLatch cancelled = new CountDownLatch(1);
    FleetPorts watched = fleet;
    BulkCancel bulk =
        BulkCancel.builder(
                new dev.amapi.ops.domain.port.CancelPort() {
                  @Override
                  public void cancel(OperationName name) {
                    watched.cancel(name);
                    cancelled.countDown();
                  }

                  @Override
                  public java.util.concurrent.CompletableFuture<Void> cancelAsync(
                      OperationName name) {
                    throw new UnsupportedOperationException();
                  }
                },
                watched,
                watched)
            .confirmDeadline(Duration.ofMinutes(5))
            .ratePerSecond(1000)
            .build();
    Recorder recorder = new Recorder();

    BulkCancel.Run run = bulk.start(List.of(d), recorder);
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
    run.stop();
    BulkCancelReport report = assertTimeoutPreemptively(GUARD, run::await);

    assertThat(report.stopped()).isTrue();
    assertThat(report.counts()).isEqualTo(Map.of(BulkOutcome.CANCEL_REQUESTED, 1L));
    assertThat(recorder.events)
        .singleElement()
        .extracting(e -> e.name())
        .isEqualTo(d.operation("2"));
  }

  @Test
  void cancellingTheReportFuture_stopsTheRun() throws Exception {
    DeviceName d = device(0);
    fleet.add(pending(d, 2, CommandType.REBOOT, NOW));
    fleet.cancelNeverTakesEffect(d.operation("2"));
    BulkCancel.Run run =
        BulkCancel.builder(fleet, fleet, fleet)
            .ratePerSecond(1000)
            .build()
            .start(List.of(d), BulkCancelListener.NONE);

    run.report().cancel(false);
    BulkCancelReport report = assertTimeoutPreemptively(GUARD, run::await);

    assertThat(run.isStopped()).isTrue();
    assertThat(report.stopped()).isTrue();
  }

  @Test
  void namedOperations_doneOnesAreReportedAlreadyDone_andNotCancelled() {
    seedFleet(1);
    DeviceName d = device(0);
    Recorder recorder = new Recorder();

    BulkCancelReport report =
        bulk()
            .build()
            .startNamed(
                List.of(d.operation("1"), d.operation("2"), d.operation("404")).iterator(),
                recorder)
            .await();

    assertThat(report.counts())
        .isEqualTo(
            Map.of(
                BulkOutcome.CANCELLED,
                1L,
                BulkOutcome.ALREADY_DONE,
                1L,
                BulkOutcome.NOT_FOUND,
                1L));
    assertThat(fleet.count("cancel", d.operation("1"))).isZero();
    assertThat(fleet.count("cancel", d.operation("404"))).isZero();
  }

  @Test
  void dryRun_reportsWhatItWouldCancel_andCancelsNothing() {
    List<DeviceName> devices = seedFleet(4);

    BulkCancelReport report = bulk().dryRun(true).build().run(devices, BulkCancelListener.NONE);

    assertThat(report.counts()).isEqualTo(Map.of(BulkOutcome.WOULD_CANCEL, 12L));
    assertThat(fleet.calls()).allSatisfy(c -> assertThat(c.method()).isEqualTo("list"));
  }

  @Test
  void devices_areReadLazily() {
    seedFleet(3);
    AtomicInteger taken = new AtomicInteger();
    Iterator<DeviceName> endless =
        IntStream.iterate(0, i -> i + 1)
            .mapToObj(i -> device(i % 3))
            .peek(d -> taken.incrementAndGet())
            .iterator();
    BulkCancel.Run[] run = new BulkCancel.Run[1];
    CountDownLatch started = new CountDownLatch(1);
    BulkCancelListener stopAt50Devices =
        new BulkCancelListener() {
          @Override
          public void progress(BulkCancelReport soFar) {
            assertTimeoutPreemptively(GUARD, () -> started.await());
            if (soFar.devicesListed() >= 50) {
              run[0].stop();
            }
          }
        };

    BulkCancelReport report =
        assertTimeoutPreemptively(
            GUARD,
            () -> {
              run[0] = bulk().concurrency(2).build().start(endless, stopAt50Devices);
              started.countDown();
              return run[0].await();
            });

    assertThat(report.stopped()).isTrue();
    assertThat(taken.get()).isBetween(50, 53);
  }

  @Test
  void listenerThatThrows_endsTheRun_withItsError() {
    List<DeviceName> devices = seedFleet(3);
    BulkCancelListener broken =
        new BulkCancelListener() {
          @Override
          public void operationDone(OperationDone event) {
            throw new IllegalStateException("listener broke");
          }
        };

    BulkCancel.Run run = bulk().build().start(devices, broken);

    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> assertTimeoutPreemptively(GUARD, run::await)))
        .hasMessage("listener broke");
    assertThat(run.report()).isCompletedExceptionally();
  }

  @Test
  void stream_isClosedWhenTheRunEnds() {
    List<DeviceName> devices = seedFleet(3);
    java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();

    BulkCancelReport report =
        assertTimeoutPreemptively(
            GUARD,
            () ->
                bulk()
                    .build()
                    .start(
                        devices.stream().onClose(() -> closed.set(true)), BulkCancelListener.NONE)
                    .await());

    assertThat(report.count(BulkOutcome.CANCELLED)).isEqualTo(9);
    assertThat(closed).isTrue();
  }

  @Test
  void builder_rejectsOutOfRangeSettings() {
    BulkCancel.Builder builder = BulkCancel.builder(fleet, fleet, fleet);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.concurrency(0))
        .withMessageContaining("concurrency");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.ratePerSecond(0))
        .withMessageContaining("ratePerSecond");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.maxAttempts(0))
        .withMessageContaining("maxAttempts");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> OperationSelection.allPending().olderThan(Duration.ofSeconds(-1)))
        .withMessageContaining("age");
  }
}
