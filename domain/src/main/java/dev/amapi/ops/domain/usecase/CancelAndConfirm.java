package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.CancelPort;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.port.GetOperationPort;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Cancels an operation and reads it back until it is done or a deadline passes, to report what came
 * of the cancel as a {@link CancelOutcome}.
 *
 * <p>Cancel is best effort: a successful cancel call only means cancellation was requested, and the
 * operation may still finish. So this sends one cancel ({@code POST …:cancel}), then reads the
 * operation ({@code GET}) at once and again with growing intervals (by default 200 ms, then 1.5
 * times longer each time, at most 5 s; see {@link PollingPolicy}) until it is done. The outcome is
 * one of:
 *
 * <ul>
 *   <li>{@code CANCELLED}: the operation ended with error code 1 ({@code CANCELLED});
 *   <li>{@code COMPLETED}: it finished with a response, the cancel came too late;
 *   <li>{@code FAILED}: it ended with another error, carried as the outcome's status;
 *   <li>{@code STILL_RUNNING}: the deadline passed with the operation not done; the last state read
 *       is carried;
 *   <li>{@code NOT_SUPPORTED}: the server answered the cancel with {@code UNIMPLEMENTED}; its
 *       status is carried and no read is sent;
 *   <li>{@code NOT_FOUND}: the server answered the cancel or a read with {@code NOT_FOUND}.
 * </ul>
 *
 * <p>A server may refuse to cancel an operation that is already done ({@code FAILED_PRECONDITION}):
 * then the operation is read back once, and if it is done its outcome is reported as above; if not,
 * the refusal is thrown.
 *
 * <p>Any other error the server answers (such as {@code PERMISSION_DENIED}), or a call that gets no
 * answer, is not an outcome: it is thrown as the port threw it, an {@link AmapiException}.
 *
 * <p>The deadline is counted from the start of the call and bounds the waiting: no wait runs past
 * it, the last read is sent when it is reached, and then the outcome is {@code STILL_RUNNING}. At
 * least one read follows the cancel whatever the deadline, so a short deadline still reports a
 * cancel that took effect at once. A call already sent is not cut short at the deadline; the
 * transport's request timeout bounds it.
 *
 * <p>Thread-safe and immutable: one instance serves any number of concurrent calls.
 */
public final class CancelAndConfirm {

  /** How the use case waits and tells time; tests pass one that does neither for real. */
  interface Timing {
    /** Returns a monotonic time in nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Blocks the calling thread for this long. */
    void sleep(Duration duration) throws InterruptedException;

    /** Returns an executor that runs each task this long after it is submitted. */
    Executor after(Duration duration);
  }

  static final Timing SYSTEM =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }

        @Override
        public Executor after(Duration duration) {
          return CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS);
        }
      };

  private final CancelPort cancelPort;
  private final GetOperationPort getPort;
  private final PollingPolicy pollingPolicy;
  private final Timing timing;
  private final CancelProgress progress;

  CancelAndConfirm(
      CancelPort cancelPort, GetOperationPort getPort, PollingPolicy pollingPolicy, Timing timing) {
    this(cancelPort, getPort, pollingPolicy, timing, CancelProgress.NONE);
  }

  private CancelAndConfirm(
      CancelPort cancelPort,
      GetOperationPort getPort,
      PollingPolicy pollingPolicy,
      Timing timing,
      CancelProgress progress) {
    this.cancelPort = requireNonNull(cancelPort, "cancelPort");
    this.getPort = requireNonNull(getPort, "getPort");
    this.pollingPolicy = requireNonNull(pollingPolicy, "pollingPolicy");
    this.timing = requireNonNull(timing, "timing");
    this.progress = requireNonNull(progress, "progress");
  }

  /**
   * Returns the use case over these ports, polling with {@link PollingPolicy#DEFAULT}.
   *
   * @param cancelPort sends the cancel
   * @param getPort reads the operation back
   * @return the use case; it holds no resources of its own
   */
  public static CancelAndConfirm of(CancelPort cancelPort, GetOperationPort getPort) {
    return new CancelAndConfirm(cancelPort, getPort, PollingPolicy.DEFAULT, SYSTEM);
  }

  /**
   * Returns the use case over this client, polling with {@link PollingPolicy#DEFAULT}. The client
   * stays the caller's to close.
   *
   * @param operations sends the cancel and reads the operation back
   * @return the use case; it holds no resources of its own
   */
  public static CancelAndConfirm of(DeviceOperations operations) {
    requireNonNull(operations, "operations");
    return of(operations, operations);
  }

  /**
   * Returns a copy that polls with this policy; this instance is unchanged.
   *
   * @param pollingPolicy how often to read the operation back
   * @return a new instance over the same ports
   */
  public CancelAndConfirm withPollingPolicy(PollingPolicy pollingPolicy) {
    return new CancelAndConfirm(cancelPort, getPort, pollingPolicy, timing, progress);
  }

  /**
   * Returns a copy that tells this listener of the cancel sent and of each read; this instance is
   * unchanged. What the listener throws is caught and changes no outcome.
   *
   * @param progress the listener, or {@link CancelProgress#NONE}
   * @return a new instance over the same ports
   */
  public CancelAndConfirm withProgress(CancelProgress progress) {
    return new CancelAndConfirm(cancelPort, getPort, pollingPolicy, timing, progress);
  }

  /**
   * Returns how this instance polls.
   *
   * @return the policy, {@link PollingPolicy#DEFAULT} unless set with {@link #withPollingPolicy}
   */
  public PollingPolicy pollingPolicy() {
    return pollingPolicy;
  }

  /**
   * Cancels the operation and reads it back until it is done or the deadline passes, blocking the
   * calling thread meanwhile.
   *
   * <p>An interrupt stops the wait at once: the thread's interrupt flag is set again and an {@link
   * AmapiException} with {@link Code#CANCELLED} is thrown, the {@link InterruptedException} as its
   * cause. (Not {@code STILL_RUNNING}, which says the deadline passed.) The cancel request has been
   * sent by then; the interrupt does not withdraw it.
   *
   * @param name the operation to cancel
   * @param deadline how long to wait, from now, for the operation to be done; positive
   * @return what came of the cancel
   * @throws IllegalArgumentException if {@code deadline} is zero or negative
   * @throws AmapiException as a port threw it, for any error but {@code NOT_FOUND}, a cancel's
   *     {@code UNIMPLEMENTED} and a cancel's {@code FAILED_PRECONDITION} on an operation read back
   *     done (which are outcomes); with {@link Code#CANCELLED} when interrupted
   */
  public CancelOutcome cancelAndConfirm(OperationName name, Duration deadline) {
    requireNonNull(name, "name");
    long deadlineNanos = deadlineNanos(deadline);
    long start = timing.nanoTime();
    try {
      cancelPort.cancel(name);
    } catch (AmapiException e) {
      if (e.code() == Code.FAILED_PRECONDITION) {
        return readBackRefused(name, e);
      }
      return outcomeOfCancelError(name, e);
    }
    tellCancelSent(name);
    Duration interval = pollingPolicy.initialInterval();
    for (int poll = 1; ; poll++) {
      Operation operation;
      try {
        operation = getPort.get(name);
      } catch (AmapiException e) {
        return outcomeOfGetError(name, e);
      }
      tellPolled(poll, operation);
      if (operation.done()) {
        return CancelOutcome.ofDone(operation);
      }
      long remaining = deadlineNanos - (timing.nanoTime() - start);
      if (remaining <= 0) {
        return CancelOutcome.stillRunning(operation);
      }
      try {
        timing.sleep(PollingPolicy.waitWithin(interval, remaining));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AmapiException(
            Status.of(
                Code.CANCELLED,
                "Interrupted while waiting for " + name + " to finish; its cancel was requested"),
            e);
      }
      interval = pollingPolicy.next(interval);
    }
  }

  /**
   * Does what {@link #cancelAndConfirm(OperationName, Duration)} does without blocking a thread:
   * the calls use the ports' async forms and the waits are scheduled, not slept.
   *
   * <p>Cancelling the returned future stops the waiting promptly: no read is sent after it. It does
   * <em>not</em> cancel the server's operation any further, nor withdraw a cancel already sent; it
   * only stops watching.
   *
   * @param name the operation to cancel
   * @param deadline how long to wait, from now, for the operation to be done; positive
   * @return a future of what came of the cancel, or completed exceptionally with the {@link
   *     AmapiException} the sync form would throw
   * @throws IllegalArgumentException if {@code deadline} is zero or negative
   */
  public CompletableFuture<CancelOutcome> cancelAndConfirmAsync(
      OperationName name, Duration deadline) {
    requireNonNull(name, "name");
    long deadlineNanos = deadlineNanos(deadline);
    return new AsyncRun(name, deadlineNanos, timing.nanoTime()).start();
  }

  /** One async call: the future handed to the caller and the steps that complete it. */
  private final class AsyncRun {
    private final OperationName name;
    private final long deadlineNanos;
    private final long start;
    private final CompletableFuture<CancelOutcome> result = new CompletableFuture<>();
    private int polls; // each read starts after the last one ended: never two at once

    AsyncRun(OperationName name, long deadlineNanos, long start) {
      this.name = name;
      this.deadlineNanos = deadlineNanos;
      this.start = start;
    }

    // step() ends the run with whatever a callback throws, so the callbacks' own futures never
    // hold an error worth checking.
    @SuppressWarnings("FutureReturnValueIgnored")
    CompletableFuture<CancelOutcome> start() {
      CompletableFuture<Void> cancel;
      try {
        cancel = cancelPort.cancelAsync(name);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return result;
      }
      cancel.whenComplete(
          (ignored, error) ->
              step(
                  () -> {
                    if (error != null) {
                      RuntimeException cause = unwrap(error);
                      if (cause instanceof AmapiException refusal
                          && refusal.code() == Code.FAILED_PRECONDITION) {
                        readBackRefused(refusal);
                      } else {
                        result.complete(outcomeOfCancelError(name, cause));
                      }
                    } else {
                      tellCancelSent(name);
                      read(pollingPolicy.initialInterval());
                    }
                  }));
      return result;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // See start().
    private void readBackRefused(AmapiException refusal) {
      getPort
          .getAsync(name)
          .whenComplete(
              (operation, error) ->
                  step(
                      () -> {
                        if (operation != null && operation.done()) {
                          result.complete(CancelOutcome.ofDone(operation));
                        } else {
                          if (error != null) {
                            refusal.addSuppressed(unwrap(error));
                          }
                          result.completeExceptionally(refusal);
                        }
                      }));
    }

    @SuppressWarnings("FutureReturnValueIgnored") // See start().
    private void read(Duration interval) {
      // The caller cancelled (or the run ended): send nothing more.
      if (result.isDone()) {
        return;
      }
      getPort
          .getAsync(name)
          .whenComplete(
              (operation, error) ->
                  step(
                      () -> {
                        if (error != null) {
                          result.complete(outcomeOfGetError(name, unwrap(error)));
                        } else {
                          Operation read = requireNonNull(operation, "operation");
                          tellPolled(++polls, read);
                          readDone(read, interval);
                        }
                      }));
    }

    private void readDone(Operation operation, Duration interval) {
      if (operation.done()) {
        result.complete(CancelOutcome.ofDone(operation));
        return;
      }
      long remaining = deadlineNanos - (timing.nanoTime() - start);
      if (remaining <= 0) {
        result.complete(CancelOutcome.stillRunning(operation));
        return;
      }
      Duration next = pollingPolicy.next(interval);
      timing
          .after(PollingPolicy.waitWithin(interval, remaining))
          .execute(() -> step(() -> read(next)));
    }

    /** Runs a step, ending the run with whatever it throws instead of losing it in a callback. */
    private void step(Runnable step) {
      if (result.isDone()) {
        return;
      }
      try {
        step.run();
      } catch (RuntimeException | Error e) {
        // A callback's own future is never read: the caller's future must hear of it.
        result.completeExceptionally(e);
      }
    }
  }

  /** Reads back an operation whose cancel was refused: done, its outcome; else the refusal. */
  private CancelOutcome readBackRefused(OperationName name, AmapiException refusal) {
    Operation operation;
    try {
      operation = getPort.get(name);
    } catch (AmapiException e) {
      refusal.addSuppressed(e);
      throw refusal;
    }
    if (operation.done()) {
      return CancelOutcome.ofDone(operation);
    }
    throw refusal;
  }

  private void tellCancelSent(OperationName name) {
    try {
      progress.cancelSent(name);
    } catch (RuntimeException e) {
      // A listener's bug changes no outcome.
    }
  }

  private void tellPolled(int poll, Operation operation) {
    try {
      progress.polled(poll, operation);
    } catch (RuntimeException e) {
      // A listener's bug changes no outcome.
    }
  }

  private static long deadlineNanos(Duration deadline) {
    requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive: " + deadline);
    }
    return PollingPolicy.deadlineNanos(deadline);
  }

  private static CancelOutcome outcomeOfCancelError(OperationName name, RuntimeException error) {
    if (error instanceof AmapiException e) {
      if (e.code() == Code.UNIMPLEMENTED) {
        return CancelOutcome.notSupported(name, e.status());
      }
      if (e.code() == Code.NOT_FOUND) {
        return CancelOutcome.notFound(name, e.status());
      }
    }
    throw error;
  }

  private static CancelOutcome outcomeOfGetError(OperationName name, RuntimeException error) {
    if (error instanceof AmapiException e && e.code() == Code.NOT_FOUND) {
      return CancelOutcome.notFound(name, e.status());
    }
    throw error;
  }

  /** Returns what an async port failed with, unwrapped from the future's wrapper. */
  private static RuntimeException unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
  }

  @Override
  public String toString() {
    return "CancelAndConfirm{pollingPolicy=" + pollingPolicy + '}';
  }
}
