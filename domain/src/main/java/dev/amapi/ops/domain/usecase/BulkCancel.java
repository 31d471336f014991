package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationPages;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.CancelPort;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.port.GetOperationPort;
import dev.amapi.ops.domain.port.ListOperationsPort;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Calls off a fleet's pending commands: lists each device's operations page by page, cancels each
 * pending one the {@link OperationSelection} picks, reads it back ({@link CancelAndConfirm}), and
 * reports.
 *
 * <ul>
 *   <li><b>Bounded:</b> {@link Builder#concurrency(int) N} workers take devices one at a time from
 *       the caller's iterator, which is read lazily; a worker holds one page of one device. The
 *       report keeps counts only; each operation's outcome goes to the {@link BulkCancelListener}.
 *       So memory does not grow with the fleet.
 *   <li><b>Rate limited:</b> every call (list, cancel, get, retries included) takes a permit from
 *       one limiter shared by the workers: at most {@link Builder#ratePerSecond(double) R} calls a
 *       second, evenly spaced.
 *   <li><b>Backing off together:</b> a call answered {@code RESOURCE_EXHAUSTED} pauses every worker
 *       for the server's {@code RetryInfo} delay, or {@link Builder#backoff(Duration) the backoff}
 *       when it gives none, then is retried; {@code UNAVAILABLE} is retried by its worker alone
 *       after the same delay times the attempt number. At most {@link Builder#maxAttempts(int)}
 *       attempts per call.
 *   <li><b>Failures stay local:</b> an operation whose cancel or read fails otherwise is reported
 *       {@link BulkOutcome#ERROR}; a device whose list fails (such as {@code PERMISSION_DENIED}) is
 *       reported to {@link BulkCancelListener#deviceFailed} and counted in {@link
 *       BulkCancelReport#devicesFailed()}; the others go on.
 *   <li><b>Stoppable:</b> {@link Run#stop()} (or cancelling {@link Run#report()}) makes every
 *       worker stop before its next call or wait: no new cancel is sent, and an operation whose
 *       cancel was sent but not yet read done is reported {@link BulkOutcome#CANCEL_REQUESTED}.
 *   <li><b>Safe to run again:</b> a listed operation that is done is skipped, so a run after a stop
 *       or a crash sends no second cancel for what the first one finished. An operation named
 *       explicitly ({@link #startNamed}) is read first, and reported {@link
 *       BulkOutcome#ALREADY_DONE} without a cancel if it is done.
 * </ul>
 *
 * <p>Devices are listed unfiltered (the done ones are skipped here): a server-side {@code done =
 * false} filter would shift the pages under a run that cancels as it lists.
 *
 * <p>Immutable and thread-safe; each {@link #start} is a run of its own.
 */
public final class BulkCancel {

  /** The default number of workers: 4. */
  public static final int DEFAULT_CONCURRENCY = 4;

  /** The default rate limit: 10 calls a second, shared by all workers. */
  public static final double DEFAULT_RATE_PER_SECOND = 10;

  /** The default pause after {@code RESOURCE_EXHAUSTED} without {@code RetryInfo}: 5 s. */
  public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(5);

  /** The default attempts per call, the first included: 5. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** The default time to wait for each cancelled operation to be done: 30 s. */
  public static final Duration DEFAULT_CONFIRM_DEADLINE = Duration.ofSeconds(30);

  /** How a run tells time and waits; tests pass one that does not wait for real. */
  interface Timing {
    /** Returns a monotonic time in nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits this long, or returns early once {@code stop} is at zero. */
    void sleep(Duration duration, CountDownLatch stop) throws InterruptedException;
  }

  private static final Timing SYSTEM_TIMING =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration, CountDownLatch stop) throws InterruptedException {
          // Whether it was the stop or the time that ended the wait, the caller checks the stop.
          boolean unused = stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        }
      };

  private static final AtomicInteger RUNS = new AtomicInteger();

  private final CancelPort cancelPort;
  private final GetOperationPort getPort;
  private final ListOperationsPort listPort;
  private final OperationSelection selection;
  private final int concurrency;
  private final double ratePerSecond;
  private final Duration backoff;
  private final int maxAttempts;
  private final Duration confirmDeadline;
  private final PollingPolicy pollingPolicy;
  private final boolean dryRun;
  private final int pageSize;
  private final Clock clock;
  private final Timing timing;

  private BulkCancel(Builder b) {
    this.cancelPort = b.cancelPort;
    this.getPort = b.getPort;
    this.listPort = b.listPort;
    this.selection = b.selection;
    this.concurrency = b.concurrency;
    this.ratePerSecond = b.ratePerSecond;
    this.backoff = b.backoff;
    this.maxAttempts = b.maxAttempts;
    this.confirmDeadline = b.confirmDeadline;
    this.pollingPolicy = b.pollingPolicy;
    this.dryRun = b.dryRun;
    this.pageSize = b.pageSize;
    this.clock = b.clock;
    this.timing = b.timing;
  }

  /**
   * Returns a builder over this client, with the defaults. The client stays the caller's to close,
   * after the run.
   *
   * @param operations lists, cancels and reads back
   * @return a builder
   */
  public static Builder builder(DeviceOperations operations) {
    requireNonNull(operations, "operations");
    return new Builder(operations, operations, operations);
  }

  /**
   * Returns a builder over these ports, with the defaults.
   *
   * @param cancelPort sends the cancels
   * @param getPort reads operations back
   * @param listPort lists the devices' operations
   * @return a builder
   */
  public static Builder builder(
      CancelPort cancelPort, GetOperationPort getPort, ListOperationsPort listPort) {
    return new Builder(
        requireNonNull(cancelPort, "cancelPort"),
        requireNonNull(getPort, "getPort"),
        requireNonNull(listPort, "listPort"));
  }

  /**
   * Starts a run over these devices on the run's own worker threads and returns at once.
   *
   * @param devices the devices, read lazily, one at a time, as workers become free; the iterator is
   *     only used under a lock, so it need not be thread-safe
   * @param listener hears each operation's outcome and the totals
   * @return the run, to stop it or wait for its report
   */
  public Run start(Iterator<DeviceName> devices, BulkCancelListener listener) {
    requireNonNull(devices, "devices");
    return new Run(new WorkSource<>(devices, WorkItem.Device::new), listener).start();
  }

  /**
   * Starts a run over these devices; see {@link #start(Iterator, BulkCancelListener)}.
   *
   * @param devices the devices, in order
   * @param listener hears each operation's outcome and the totals
   * @return the run, to stop it or wait for its report
   */
  public Run start(Collection<DeviceName> devices, BulkCancelListener listener) {
    return start(List.copyOf(devices).iterator(), listener);
  }

  /**
   * Starts a run over these devices; see {@link #start(Iterator, BulkCancelListener)}. The run
   * reads the stream lazily and closes it when it ends.
   *
   * @param devices the devices, read lazily
   * @param listener hears each operation's outcome and the totals
   * @return the run, to stop it or wait for its report
   */
  public Run start(Stream<DeviceName> devices, BulkCancelListener listener) {
    requireNonNull(devices, "devices");
    return new Run(new WorkSource<>(devices.iterator(), WorkItem.Device::new), listener)
        .closingAtTheEnd(devices)
        .start();
  }

  /**
   * Starts a run over operations named explicitly, whatever the {@link OperationSelection}: each is
   * read first; one already done is reported {@link BulkOutcome#ALREADY_DONE} (one unknown, {@link
   * BulkOutcome#NOT_FOUND}) and the others are cancelled and confirmed.
   *
   * @param names the operations, read lazily
   * @param listener hears each operation's outcome and the totals
   * @return the run, to stop it or wait for its report
   */
  public Run startNamed(Iterator<OperationName> names, BulkCancelListener listener) {
    requireNonNull(names, "names");
    return new Run(new WorkSource<>(names, WorkItem.Named::new), listener).start();
  }

  /**
   * Runs over these devices on the calling thread's behalf and returns the report: {@link
   * #start(Collection, BulkCancelListener)} then {@link Run#await()}.
   *
   * @param devices the devices
   * @param listener hears each operation's outcome and the totals
   * @return the report
   * @throws RuntimeException what a listener threw, which ended the run
   */
  public BulkCancelReport run(Collection<DeviceName> devices, BulkCancelListener listener) {
    return start(devices, listener).await();
  }

  /**
   * Returns which operations a run cancels.
   *
   * @return the selection
   */
  public OperationSelection selection() {
    return selection;
  }

  @Override
  public String toString() {
    return "BulkCancel{selection="
        + selection
        + ", concurrency="
        + concurrency
        + ", ratePerSecond="
        + ratePerSecond
        + (dryRun ? ", dryRun" : "")
        + '}';
  }

  /** One unit of work: a device to list, or an operation named explicitly. */
  private sealed interface WorkItem {
    record Device(DeviceName name) implements WorkItem {}

    record Named(OperationName name) implements WorkItem {}
  }

  /** The caller's iterator, read under a lock, one item at a time. */
  private static final class WorkSource<T> {
    private final Iterator<T> items;
    private final java.util.function.Function<T, WorkItem> wrap;

    WorkSource(Iterator<T> items, java.util.function.Function<T, WorkItem> wrap) {
      this.items = items;
      this.wrap = wrap;
    }

    synchronized @Nullable WorkItem next() {
      if (!items.hasNext()) {
        return null;
      }
      return wrap.apply(requireNonNull(items.next(), "a device or operation name"));
    }
  }

  /** Thrown inside a worker when the run is stopped: it unwinds to the worker's loop. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped", null, false, false);
    }
  }

  /**
   * One run: its workers, its limiter, its counts. {@link #stop()} and {@link #report()} are its
   * handles.
   */
  public final class Run {
    private final WorkSource<?> work;
    private final BulkCancelListener listener;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch finished;
    private final CompletableFuture<BulkCancelReport> report = new CompletableFuture<>();
    private final long startNanos;
    private final long intervalNanos;

    // Guarded by the limiter lock.
    private final Object limiterLock = new Object();
    private long nextSlotNanos;
    private long pausedUntilNanos;

    // Guarded by countsLock; the listener is called under it too, one call at a time.
    private final Object countsLock = new Object();
    private final EnumMap<BulkOutcome, Long> counts = new EnumMap<>(BulkOutcome.class);
    private long devicesListed;
    private long devicesFailed;
    private @Nullable Throwable failure;
    private int workersLeft;

    private volatile boolean stopped;

    private Run(WorkSource<?> work, BulkCancelListener listener) {
      this.work = work;
      this.listener = requireNonNull(listener, "listener");
      this.finished = new CountDownLatch(concurrency);
      this.workersLeft = concurrency;
      this.startNanos = timing.nanoTime();
      this.nextSlotNanos = startNanos;
      this.pausedUntilNanos = startNanos;
      this.intervalNanos = Math.max(1, Math.round(1e9 / ratePerSecond));
    }

    private @Nullable AutoCloseable source;

    /** Closes the devices' source once every worker is done (not when the future is cancelled). */
    private Run closingAtTheEnd(AutoCloseable source) {
      this.source = source;
      return this;
    }

    private Run start() {
      report.whenComplete(
          (r, error) -> {
            if (error instanceof CancellationException) {
              stop();
            }
          });
      int run = RUNS.incrementAndGet();
      for (int i = 1; i <= concurrency; i++) {
        Thread worker = new Thread(this::work, "amapi-ops-bulk-cancel-" + run + "-" + i);
        worker.setDaemon(true);
        worker.start();
      }
      return this;
    }

    /**
     * Stops the run promptly: no worker starts another call or wait, no new cancel is sent, and an
     * operation whose cancel was sent is reported {@link BulkOutcome#CANCEL_REQUESTED} unless a
     * read already found it done. A call in flight is not cut short; its answer is reported.
     * Calling it again, or after the run ended, does nothing.
     */
    public void stop() {
      stopped = true;
      stopSignal.countDown();
    }

    /**
     * Says whether {@link #stop()} was called.
     *
     * @return true once stopped
     */
    public boolean isStopped() {
      return stopped;
    }

    /**
     * Returns the future of the report, completed when every worker is done. Cancelling it stops
     * the run (then {@link #await()} still hands out the partial report).
     *
     * @return the future of the final report; failed with what a listener threw, if one did
     */
    public CompletableFuture<BulkCancelReport> report() {
      return report;
    }

    /**
     * Waits for every worker to be done and returns the report. An interrupt stops the run, the
     * wait goes on until the workers are done (promptly), and the thread's interrupt flag is set
     * again.
     *
     * @return the final report, stopped or not
     * @throws RuntimeException what a listener threw, which ended the run
     */
    public BulkCancelReport await() {
      boolean interrupted = false;
      while (true) {
        try {
          finished.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          stop();
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      synchronized (countsLock) {
        Throwable error = failure;
        if (error instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (error instanceof Error fatal) {
          throw fatal;
        }
        return snapshot();
      }
    }

    /**
     * Returns the totals so far, as the listener last heard them.
     *
     * @return a report of the counts now
     */
    public BulkCancelReport progress() {
      synchronized (countsLock) {
        return snapshot();
      }
    }

    // Guarded by countsLock.
    private BulkCancelReport snapshot() {
      return BulkCancelReport.of(
          counts,
          devicesListed,
          devicesFailed,
          stopped,
          Duration.ofNanos(Math.max(0, timing.nanoTime() - startNanos)));
    }

    private void work() {
      try {
        while (!stopped) {
          WorkItem item = work.next();
          if (item == null) {
            break;
          }
          if (item instanceof WorkItem.Device device) {
            device(device.name());
          } else if (item instanceof WorkItem.Named named) {
            named(named.name());
          }
        }
      } catch (Stopped e) {
        // The run was stopped: this worker is done.
      } catch (RuntimeException | Error e) {
        synchronized (countsLock) {
          if (failure == null) {
            failure = e;
          }
        }
        stop();
      } finally {
        workerDone();
      }
    }

    private void workerDone() {
      BulkCancelReport last = null;
      Throwable error;
      boolean lastWorker;
      synchronized (countsLock) {
        workersLeft--;
        lastWorker = workersLeft == 0;
      }
      AutoCloseable closing = source;
      if (lastWorker && closing != null) {
        try {
          closing.close();
        } catch (Exception e) {
          synchronized (countsLock) {
            if (failure == null) {
              failure = e instanceof RuntimeException ? e : new IllegalStateException(e);
            }
          }
        }
      }
      synchronized (countsLock) {
        error = failure;
        if (lastWorker && error == null) {
          last = snapshot();
        }
      }
      finished.countDown();
      if (last != null) {
        report.complete(last);
      } else if (error != null && finished.getCount() == 0) {
        report.completeExceptionally(error);
      }
    }

    private void device(DeviceName device) {
      ListOperationsRequest first = ListOperationsRequest.firstPage().withPageSize(pageSize);
      try (Stream<Operation> operations =
          OperationPages.stream(
              (d, request) -> call(() -> listPort.list(d, request)), device, first)) {
        Iterator<Operation> listed = operations.iterator();
        while (listed.hasNext()) {
          Operation operation = listed.next();
          if (selection.matches(operation, clock.instant())) {
            cancel(operation.name());
          }
          checkStopped();
        }
      } catch (AmapiException e) {
        synchronized (countsLock) {
          devicesFailed++;
          listener.deviceFailed(device, e.status());
          listener.progress(snapshot());
        }
        return;
      }
      synchronized (countsLock) {
        devicesListed++;
        listener.progress(snapshot());
      }
    }

    private void named(OperationName name) {
      Operation operation;
      try {
        operation = call(() -> getPort.get(name));
      } catch (AmapiException e) {
        BulkOutcome outcome =
            e.code() == Code.NOT_FOUND ? BulkOutcome.NOT_FOUND : BulkOutcome.ERROR;
        report(name, outcome, null, e.status());
        return;
      }
      if (operation.done()) {
        report(name, BulkOutcome.ALREADY_DONE, operation, operation.error().orElse(null));
      } else {
        cancel(name);
      }
    }

    private void cancel(OperationName name) {
      checkStopped();
      if (dryRun) {
        report(name, BulkOutcome.WOULD_CANCEL, null, null);
        return;
      }
      boolean[] sent = {false};
      CancelPort sending =
          new CancelPort() {
            @Override
            public void cancel(OperationName operation) {
              call(
                  () -> {
                    try {
                      cancelPort.cancel(operation);
                      sent[0] = true;
                    } catch (AmapiException e) {
                      // An answered error cancelled nothing; with no answer, it may have.
                      sent[0] |= e.httpStatus().isEmpty();
                      throw e;
                    } catch (RuntimeException e) {
                      sent[0] = true;
                      throw e;
                    }
                    return null;
                  });
            }

            @Override
            public CompletableFuture<Void> cancelAsync(OperationName operation) {
              throw new UnsupportedOperationException("BulkCancel confirms synchronously");
            }
          };
      GetOperationPort reading =
          new GetOperationPort() {
            @Override
            public Operation get(OperationName operation) {
              return call(() -> getPort.get(operation));
            }

            @Override
            public CompletableFuture<Operation> getAsync(OperationName operation) {
              throw new UnsupportedOperationException("BulkCancel confirms synchronously");
            }
          };
      CancelAndConfirm confirm =
          new CancelAndConfirm(sending, reading, pollingPolicy, new ConfirmTiming());
      try {
        CancelOutcome outcome = confirm.cancelAndConfirm(name, confirmDeadline);
        report(
            name,
            BulkOutcome.of(outcome.kind()),
            outcome.operation().orElse(null),
            outcome.status().orElse(null));
      } catch (Stopped e) {
        if (sent[0]) {
          report(name, BulkOutcome.CANCEL_REQUESTED, null, null);
        }
        throw e;
      } catch (AmapiException e) {
        report(name, BulkOutcome.ERROR, null, e.status());
      }
    }

    private void report(
        OperationName name,
        BulkOutcome outcome,
        @Nullable Operation operation,
        @Nullable Status status) {
      BulkCancelListener.OperationDone event =
          new BulkCancelListener.OperationDone(name, outcome, operation, status);
      synchronized (countsLock) {
        counts.merge(outcome, 1L, Long::sum);
        listener.operationDone(event);
        listener.progress(snapshot());
      }
    }

    /**
     * Makes one call through the limiter, retrying {@code UNAVAILABLE} and {@code
     * RESOURCE_EXHAUSTED} up to the attempts allowed.
     */
    private <T> T call(Supplier<T> call) {
      for (int attempt = 1; ; attempt++) {
        acquire();
        try {
          return call.get();
        } catch (AmapiException e) {
          Code code = e.code();
          if ((code != Code.UNAVAILABLE && code != Code.RESOURCE_EXHAUSTED)
              || attempt >= maxAttempts) {
            throw e;
          }
          Duration asked =
              e.status()
                  .detail(ErrorDetail.RetryInfo.class)
                  .map(ErrorDetail.RetryInfo::retryDelay)
                  .or(e::retryAfter)
                  .filter(d -> !d.isNegative() && !d.isZero())
                  .orElse(null);
          if (code == Code.RESOURCE_EXHAUSTED) {
            pauseAll(asked != null ? asked : backoff);
          } else {
            sleep(asked != null ? asked : backoff.multipliedBy(attempt));
          }
        }
      }
    }

    /** Pauses every worker's next call until this long from now (or later, if already paused). */
    private void pauseAll(Duration delay) {
      synchronized (limiterLock) {
        long until = timing.nanoTime() + delay.toNanos();
        pausedUntilNanos = Math.max(pausedUntilNanos, until);
      }
    }

    /** Waits for a permit: the end of any pause, then the next free slot of the rate. */
    private void acquire() {
      while (true) {
        checkStopped();
        long wait;
        boolean reserved;
        synchronized (limiterLock) {
          long now = timing.nanoTime();
          if (now < pausedUntilNanos) {
            wait = pausedUntilNanos - now;
            reserved = false;
          } else {
            long slot = Math.max(nextSlotNanos, now);
            nextSlotNanos = slot + intervalNanos;
            wait = slot - now;
            reserved = true;
          }
        }
        if (wait > 0) {
          sleep(Duration.ofNanos(wait));
        }
        if (reserved) {
          synchronized (limiterLock) {
            // A pause that began while this worker waited for its slot holds it back too.
            if (timing.nanoTime() >= pausedUntilNanos) {
              checkStopped();
              return;
            }
          }
        }
      }
    }

    private void sleep(Duration duration) {
      checkStopped();
      try {
        timing.sleep(duration, stopSignal);
      } catch (InterruptedException e) {
        // Only the run's own threads wait here: an interrupt can only mean "stop".
        stop();
        throw new Stopped();
      }
      checkStopped();
    }

    private void checkStopped() {
      if (stopped) {
        throw new Stopped();
      }
    }

    /** CancelAndConfirm's waits between reads, cut short by a stop. */
    private final class ConfirmTiming implements CancelAndConfirm.Timing {
      @Override
      public long nanoTime() {
        return timing.nanoTime();
      }

      @Override
      public void sleep(Duration duration) {
        Run.this.sleep(duration);
      }

      @Override
      public Executor after(Duration duration) {
        throw new UnsupportedOperationException("BulkCancel confirms synchronously");
      }
    }
  }

  /** Settings of a {@link BulkCancel}; every one has a default. Not thread-safe. */
  public static final class Builder {
    private final CancelPort cancelPort;
    private final GetOperationPort getPort;
    private final ListOperationsPort listPort;
    private OperationSelection selection = OperationSelection.allPending();
    private int concurrency = DEFAULT_CONCURRENCY;
    private double ratePerSecond = DEFAULT_RATE_PER_SECOND;
    private Duration backoff = DEFAULT_BACKOFF;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration confirmDeadline = DEFAULT_CONFIRM_DEADLINE;
    private PollingPolicy pollingPolicy = PollingPolicy.DEFAULT;
    private boolean dryRun;
    private int pageSize;
    private Clock clock = Clock.systemUTC();
    private Timing timing = SYSTEM_TIMING;

    private Builder(CancelPort cancelPort, GetOperationPort getPort, ListOperationsPort listPort) {
      this.cancelPort = cancelPort;
      this.getPort = getPort;
      this.listPort = listPort;
    }

    /**
     * Sets which listed operations to cancel; default {@link OperationSelection#allPending()}.
     *
     * @param selection the selection
     * @return this builder
     */
    public Builder selection(OperationSelection selection) {
      this.selection = requireNonNull(selection, "selection");
      return this;
    }

    /**
     * Sets how many devices are worked on at once; default {@value #DEFAULT_CONCURRENCY}.
     *
     * @param concurrency the number of workers, 1 to 256
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 256) {
        throw new IllegalArgumentException("concurrency must be 1 to 256, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Sets the most calls a second, all workers together, retries included; default {@value
     * #DEFAULT_RATE_PER_SECOND}.
     *
     * @param ratePerSecond calls a second, above 0 and at most 1,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder ratePerSecond(double ratePerSecond) {
      if (!(ratePerSecond > 0) || ratePerSecond > 1_000_000) {
        throw new IllegalArgumentException(
            "ratePerSecond must be above 0 and at most 1000000, was " + ratePerSecond);
      }
      this.ratePerSecond = ratePerSecond;
      return this;
    }

    /**
     * Sets the pause of every worker after {@code RESOURCE_EXHAUSTED} without a {@code RetryInfo},
     * and the first wait before retrying {@code UNAVAILABLE}; default 5 s.
     *
     * @param backoff the delay; positive, at most an hour
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder backoff(Duration backoff) {
      requireNonNull(backoff, "backoff");
      if (backoff.isNegative() || backoff.isZero() || backoff.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("backoff must be positive, at most 1h, was " + backoff);
      }
      this.backoff = backoff;
      return this;
    }

    /**
     * Sets the attempts per call, the first included; default {@value #DEFAULT_MAX_ATTEMPTS}.
     *
     * @param maxAttempts 1 (no retry) to 100
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 100, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets how long to read each cancelled operation back before reporting it {@link
     * BulkOutcome#STILL_RUNNING}; default 30 s.
     *
     * @param confirmDeadline positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder confirmDeadline(Duration confirmDeadline) {
      requireNonNull(confirmDeadline, "confirmDeadline");
      if (confirmDeadline.isNegative() || confirmDeadline.isZero()) {
        throw new IllegalArgumentException("confirmDeadline must be positive: " + confirmDeadline);
      }
      this.confirmDeadline = confirmDeadline;
      return this;
    }

    /**
     * Sets how often a cancelled operation is read back; default {@link PollingPolicy#DEFAULT}.
     *
     * @param pollingPolicy the policy
     * @return this builder
     */
    public Builder pollingPolicy(PollingPolicy pollingPolicy) {
      this.pollingPolicy = requireNonNull(pollingPolicy, "pollingPolicy");
      return this;
    }

    /**
     * Makes the run list and select only: each selected operation is reported {@link
     * BulkOutcome#WOULD_CANCEL} and nothing is cancelled. Default false.
     *
     * @param dryRun true for a dry run
     * @return this builder
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * Sets the page size of the list calls; default 0, the server's choice.
     *
     * @param pageSize 0 to 1000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 0 || pageSize > 1000) {
        throw new IllegalArgumentException("pageSize must be 0 to 1000, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets the clock an operation's age ({@link OperationSelection#olderThan}) is measured by;
     * default the system's UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Sets how runs tell time and wait: the tests' way in. */
    Builder timing(Timing timing) {
      this.timing = requireNonNull(timing, "timing");
      return this;
    }

    /**
     * Builds the use case.
     *
     * @return the use case; it holds no resources until a run starts
     */
    public BulkCancel build() {
      return new BulkCancel(this);
    }
  }
}
