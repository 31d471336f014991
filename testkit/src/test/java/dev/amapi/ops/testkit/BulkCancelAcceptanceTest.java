package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.usecase.BulkCancel;
import dev.amapi.ops.domain.usecase.BulkCancelListener;
import dev.amapi.ops.domain.usecase.BulkCancelReport;
import dev.amapi.ops.domain.usecase.BulkOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The issue's acceptance test: 1,000 devices with 3 pending operations each (and a done one), 5 %
 * of calls failing ({@code UNAVAILABLE}, {@code RESOURCE_EXHAUSTED} with a {@code Retry-After}),
 * one device denied; over the in-memory fake at 2,000 calls a second.
 */
class BulkCancelAcceptanceTest {
  private static final int DEVICES = 1000;
  private static final double RATE = 2000;
  private static final int CONCURRENCY = 4;
  private static final Duration GUARD = Duration.ofSeconds(60);
  private static final DeviceName DENIED = device(500);

  private final FakeOperations fake = FakeOperations.create();
  private final FlakyFleet flaky = new FlakyFleet(fake);
  private final List<DeviceName> devices = new ArrayList<>();
  private final List<OperationName> pending = new ArrayList<>();
  private final List<OperationName> done = new ArrayList<>();

  /** Every operation's outcome as the listener heard it, across runs; a second report fails. */
  private final Map<OperationName, BulkOutcome> heard = new ConcurrentHashMap<>();

  private final List<String> reportedTwice = new ArrayList<>();

  private static DeviceName device(int i) {
    return DeviceName.of("LC03k6enk8", String.format("%016x", 0x36c3399000000000L + i));
  }

  BulkCancelAcceptanceTest() {
    Instant created = Instant.parse("2026-08-06T10:00:00Z");
    long id = 1786048723669L;
    for (int i = 0; i < DEVICES; i++) {
      DeviceName device = device(i);
      devices.add(device);
      done.add(
          fake.seed(
                  Operation.builder(device.operation(Long.toString(id++)))
                      .metadata(Command.builder(CommandType.LOCK).createTime(created).build())
                      .result(OperationResult.Succeeded.issueCommandResponse())
                      .build())
              .name());
      for (CommandType type : List.of(CommandType.REBOOT, CommandType.LOCK, CommandType.WIPE)) {
        OperationName name = device.operation(Long.toString(id++));
        fake.seed(Operation.pending(name, Command.builder(type).createTime(created).build()));
        if (!device.equals(DENIED)) {
          pending.add(name);
        }
      }
    }
  }

  private BulkCancel bulk() {
    return BulkCancel.builder(flaky)
        .concurrency(CONCURRENCY)
        .ratePerSecond(RATE)
        .backoff(Duration.ofMillis(10))
        .build();
  }

  private BulkCancelListener listener(AtomicReference<BulkCancel.Run> stopAt, int stopAfter) {
    return new BulkCancelListener() {
      @Override
      public void operationDone(OperationDone event) {
        if (heard.putIfAbsent(event.name(), event.outcome()) != null) {
          reportedTwice.add(event.name() + " " + event.outcome());
        }
        if (stopAfter > 0 && heard.size() == stopAfter) {
          BulkCancel.Run run = stopAt.get();
          if (run != null) {
            run.stop();
          }
        }
      }
    };
  }

  @Test
  void wholeFleet_everyPendingOperationCountedOnce_deniedDeviceReported_rateHeld() {
    BulkCancelReport report =
        assertTimeoutPreemptively(
            GUARD, () -> bulk().run(devices, listener(new AtomicReference<>(), 0)));

    assertThat(reportedTwice).isEmpty();
    assertThat(report.stopped()).isFalse();
    assertThat(report.counts()).isEqualTo(Map.of(BulkOutcome.CANCELLED, (long) pending.size()));
    assertThat(report.devicesListed()).isEqualTo(DEVICES - 1);
    assertThat(report.devicesFailed()).isEqualTo(1);
    assertThat(heard.keySet()).containsExactlyInAnyOrderElementsOf(pending);
    assertThat(flaky.failures()).isGreaterThan(300);
    assertEveryPendingCancelledOnce_andNoDoneOneCancelled();
    assertRateHeld();
  }

  @Test
  void stopHalfway_isReported_andARerunFinishesTheRest_cancellingNothingTwice() throws Exception {
    AtomicReference<BulkCancel.Run> run = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    BulkCancelListener stopping = listener(run, pending.size() / 2);
    BulkCancelListener first =
        new BulkCancelListener() {
          @Override
          public void operationDone(OperationDone event) {
            assertTimeoutPreemptively(GUARD, () -> started.await());
            stopping.operationDone(event);
          }
        };

    BulkCancelReport stopped =
        assertTimeoutPreemptively(
            GUARD,
            () -> {
              run.set(bulk().start(devices, first));
              started.countDown();
              return run.get().await();
            });

    assertThat(stopped.stopped()).isTrue();
    assertThat(stopped.operations()).isBetween((long) pending.size() / 2, pending.size() / 2L + 4);
    assertThat(stopped.count(BulkOutcome.CANCELLED) + stopped.count(BulkOutcome.CANCEL_REQUESTED))
        .isEqualTo(stopped.operations());
    assertThat(stopped.devicesListed()).isLessThan(DEVICES);

    BulkCancelReport rest =
        assertTimeoutPreemptively(
            GUARD, () -> bulk().run(devices, listener(new AtomicReference<>(), 0)));

    assertThat(reportedTwice).isEmpty();
    assertThat(rest.stopped()).isFalse();
    assertThat(rest.devicesFailed()).isEqualTo(1);
    assertThat(stopped.operations() + rest.operations()).isEqualTo(pending.size());
    assertThat(heard.keySet()).containsExactlyInAnyOrderElementsOf(pending);
    assertEveryPendingCancelledOnce_andNoDoneOneCancelled();
    for (OperationName name : pending) {
      assertThat(fake.operation(name).orElseThrow().isCancelled()).isTrue();
    }
  }

  /**
   * As {@link FakeOperations#assertCancelledOnce} for every pending operation, with the scripted
   * failures allowed for (a cancel that failed changed nothing, so it was sent again), and {@link
   * FakeOperations#assertNeverCancelled} for every done one; counted from the journal in one pass.
   */
  private void assertEveryPendingCancelledOnce_andNoDoneOneCancelled() {
    Map<String, Integer> cancels = new HashMap<>();
    for (PortCall call : fake.calls()) {
      if (call.method() == PortCall.Method.CANCEL) {
        cancels.merge(call.name(), 1, Integer::sum);
      }
    }
    for (OperationName name : pending) {
      assertThat(cancels.getOrDefault(name.toString(), 0))
          .as("cancels of %s, %d of them scripted to fail", name, flaky.failedCancels(name))
          .isEqualTo(1 + flaky.failedCancels(name));
    }
    for (OperationName name : done) {
      assertThat(cancels).as("cancels of the done %s", name).doesNotContainKey(name.toString());
    }
  }

  /** In any 100 ms of the journal, no more calls than the rate allows, plus one per worker. */
  private void assertRateHeld() {
    List<Instant> times = fake.calls().stream().map(PortCall::time).sorted().toList();
    assertThat(times).hasSizeGreaterThan(3 * DEVICES);
    Duration window = Duration.ofMillis(100);
    long allowed = (long) (RATE * window.toNanos() / 1e9) + CONCURRENCY + 1;
    int from = 0;
    for (int to = 0; to < times.size(); to++) {
      while (Duration.between(times.get(from), times.get(to)).compareTo(window) >= 0) {
        from++;
      }
      assertThat(to - from + 1L)
          .as("calls in the 100 ms from %s", times.get(from))
          .isLessThanOrEqualTo(allowed);
    }
  }

  /**
   * The fake with one call in twenty failing, scripted with {@link FakeOperations#failNextCalls}
   * (three {@code UNAVAILABLE}, then one {@code RESOURCE_EXHAUSTED} with {@code Retry-After: 1}),
   * and every list of {@link #DENIED} answered {@code PERMISSION_DENIED}. Calls go through one at a
   * time so that each scripted failure lands on the call that scripted it.
   */
  private static final class FlakyFleet implements DeviceOperations {
    private final FakeOperations fake;
    private final Map<OperationName, Integer> failedCancels = new ConcurrentHashMap<>();
    private int calls;
    private int failures;

    FlakyFleet(FakeOperations fake) {
      this.fake = fake;
    }

    synchronized int failures() {
      return failures;
    }

    int failedCancels(OperationName name) {
      return failedCancels.getOrDefault(name, 0);
    }

    /** Scripts a failure for the call about to be made, if it is its turn; says whether it did. */
    private boolean script() {
      calls++;
      if (calls % 20 != 0) {
        return false;
      }
      failures++;
      if (failures % 4 == 0) {
        fake.failNextCalls(1, Code.RESOURCE_EXHAUSTED, 429, Duration.ofSeconds(1));
      } else {
        fake.failNextCalls(1, Code.UNAVAILABLE);
      }
      return true;
    }

    @Override
    public Operation issueCommand(DeviceName device, Command command) {
      return fake.issueCommand(device, command);
    }

    @Override
    public CompletableFuture<Operation> issueCommandAsync(DeviceName device, Command command) {
      return fake.issueCommandAsync(device, command);
    }

    @Override
    public synchronized void cancel(OperationName name) {
      if (script()) {
        failedCancels.merge(name, 1, Integer::sum);
      }
      fake.cancel(name);
    }

    @Override
    public synchronized Operation get(OperationName name) {
      script();
      return fake.get(name);
    }

    @Override
    public synchronized OperationsPage list(DeviceName device, ListOperationsRequest request) {
      if (device.equals(DENIED)) {
        fake.failNextCalls(1, Code.PERMISSION_DENIED);
      } else {
        script();
      }
      return fake.list(device, request);
    }

    @Override
    public CompletableFuture<Void> cancelAsync(OperationName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Operation> getAsync(OperationName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<OperationsPage> listAsync(
        DeviceName device, ListOperationsRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      fake.close();
    }
  }
}
