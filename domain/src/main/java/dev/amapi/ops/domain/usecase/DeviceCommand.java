package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.DeviceOperations;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * A handle on one device command's life: issue it (or pick up one issued before by its operation
 * name), follow it to its end, and call it off.
 *
 * <pre>{@code
 * DeviceCommand reboot = DeviceCommand.issue(ops, device, Command.builder(CommandType.REBOOT).build());
 * CommandOutcome outcome = reboot.await(Duration.ofMinutes(2)); // COMPLETED, FAILED, CANCELLED...
 * CancelOutcome cancelled = reboot.cancel(Duration.ofSeconds(30)); // calls the command off
 * }</pre>
 *
 * <p><strong>Waiting is not cancelling.</strong> {@link #await} and {@link #awaitAsync} only read
 * the operation; cancelling the future {@code awaitAsync} returns stops <em>the waiting</em>, and
 * the command goes on. Only {@link #cancel(Duration)} and {@link #cancelAsync(Duration)} call the
 * command off on the server ({@code POST …:cancel}, then reads until it is confirmed: {@link
 * CancelAndConfirm}).
 *
 * <p>Following reads the operation ({@code GET}) at once, then again with growing intervals ({@link
 * PollingPolicy}, by default 200 ms growing 1.5 times to 5 s), never past the deadline, one last
 * read at the deadline; the outcome is {@link CommandOutcome.Kind#PENDING} when the deadline passes
 * first. Errors the ports throw are thrown as they are ({@link AmapiException}).
 *
 * <p>Immutable and thread-safe; holds no resources: the client stays the caller's to close.
 */
public final class DeviceCommand {
  private final DeviceOperations operations;
  private final OperationName name;
  private final @Nullable Operation issued;
  private final PollingPolicy pollingPolicy;
  private final CancelAndConfirm.Timing timing;

  DeviceCommand(
      DeviceOperations operations,
      OperationName name,
      @Nullable Operation issued,
      PollingPolicy pollingPolicy,
      CancelAndConfirm.Timing timing) {
    this.operations = requireNonNull(operations, "operations");
    this.name = requireNonNull(name, "name");
    this.issued = issued;
    this.pollingPolicy = requireNonNull(pollingPolicy, "pollingPolicy");
    this.timing = requireNonNull(timing, "timing");
  }

  /**
   * Issues the command ({@code POST v1/{device}:issueCommand}) and returns a handle on it.
   *
   * @param operations the client that issues, reads and cancels
   * @param device the device the command is for
   * @param command the command, validated when it was built
   * @return a handle on the new operation
   * @throws AmapiException as {@link DeviceOperations#issueCommand} throws it
   */
  public static DeviceCommand issue(
      DeviceOperations operations, DeviceName device, Command command) {
    requireNonNull(operations, "operations");
    Operation operation = operations.issueCommand(device, command);
    return new DeviceCommand(
        operations, operation.name(), operation, PollingPolicy.DEFAULT, CancelAndConfirm.SYSTEM);
  }

  /**
   * Issues the command without blocking the caller.
   *
   * @param operations the client that issues, reads and cancels
   * @param device the device the command is for
   * @param command the command, validated when it was built
   * @return a future of the handle, or completed exceptionally as {@link
   *     DeviceOperations#issueCommandAsync} is
   */
  public static CompletableFuture<DeviceCommand> issueAsync(
      DeviceOperations operations, DeviceName device, Command command) {
    requireNonNull(operations, "operations");
    return operations
        .issueCommandAsync(device, command)
        .thenApply(
            operation ->
                new DeviceCommand(
                    operations,
                    operation.name(),
                    operation,
                    PollingPolicy.DEFAULT,
                    CancelAndConfirm.SYSTEM));
  }

  /**
   * Returns a handle on a command issued before, by its operation's name. Sends nothing.
   *
   * @param operations the client that reads and cancels
   * @param name the command's operation
   * @return a handle on it
   */
  public static DeviceCommand follow(DeviceOperations operations, OperationName name) {
    return new DeviceCommand(
        operations, name, null, PollingPolicy.DEFAULT, CancelAndConfirm.SYSTEM);
  }

  /**
   * Returns a copy that polls with this policy; this handle is unchanged.
   *
   * @param pollingPolicy how often to read the operation
   * @return a new handle on the same command
   */
  public DeviceCommand withPollingPolicy(PollingPolicy pollingPolicy) {
    return new DeviceCommand(operations, name, issued, pollingPolicy, timing);
  }

  /**
   * Returns the command's operation name.
   *
   * @return the name {@code get} and {@code cancel} take
   */
  public OperationName name() {
    return name;
  }

  /**
   * Returns the operation as issuing returned it.
   *
   * @return the issued operation; empty for a handle made by {@link #follow}
   */
  public Optional<Operation> issued() {
    return Optional.ofNullable(issued);
  }

  /**
   * Follows the command until it ends or the deadline passes, blocking the calling thread. Only
   * reads: the command is not touched.
   *
   * <p>An interrupt stops the wait at once: the interrupt flag is set again and an {@link
   * AmapiException} with {@link Code#CANCELLED} is thrown. The command goes on.
   *
   * @param deadline how long to wait from now; zero reads once
   * @return how the command ended, or {@code PENDING} with the last read
   * @throws IllegalArgumentException if {@code deadline} is negative
   * @throws AmapiException as the get port threw it, or {@code CANCELLED} when interrupted
   */
  public CommandOutcome await(Duration deadline) {
    long deadlineNanos = deadlineNanos(deadline);
    long start = timing.nanoTime();
    Duration interval = pollingPolicy.initialInterval();
    while (true) {
      Operation operation = operations.get(name);
      long remaining = deadlineNanos - (timing.nanoTime() - start);
      if (operation.done() || remaining <= 0) {
        return CommandOutcome.of(operation);
      }
      try {
        timing.sleep(PollingPolicy.waitWithin(interval, remaining));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AmapiException(
            Status.of(
                Code.CANCELLED,
                "Interrupted while waiting for " + name + " to end; the command goes on"),
            e);
      }
      interval = pollingPolicy.next(interval);
    }
  }

  /**
   * Follows the command as {@link #await} does, without blocking a thread.
   *
   * <p><strong>Cancelling the returned future stops waiting only:</strong> no read is sent after
   * it, and the command goes on, on the device and on the server. To call the command off, use
   * {@link #cancel(Duration)}.
   *
   * @param deadline how long to wait from now; zero reads once
   * @return a future of how the command ended, or completed exceptionally with the {@link
   *     AmapiException} a read failed with
   * @throws IllegalArgumentException if {@code deadline} is negative
   */
  public CompletableFuture<CommandOutcome> awaitAsync(Duration deadline) {
    long deadlineNanos = deadlineNanos(deadline);
    return new AsyncWait(deadlineNanos, timing.nanoTime()).start();
  }

  /**
   * Calls the command off: cancels it on the server ({@code POST …:cancel}) and reads it back until
   * the cancel is confirmed, the command ended anyway, or the deadline passes ({@link
   * CancelAndConfirm}).
   *
   * @param deadline how long to wait for the confirmation; positive
   * @return what came of the cancel
   * @throws IllegalArgumentException if {@code deadline} is not positive
   * @throws AmapiException as {@link CancelAndConfirm#cancelAndConfirm} throws it
   */
  public CancelOutcome cancel(Duration deadline) {
    return canceller().cancelAndConfirm(name, deadline);
  }

  /**
   * Calls the command off as {@link #cancel(Duration)} does, without blocking a thread. Cancelling
   * the returned future stops waiting for the confirmation; the cancel request already sent stays
   * sent.
   *
   * @param deadline how long to wait for the confirmation; positive
   * @return a future of what came of the cancel
   * @throws IllegalArgumentException if {@code deadline} is not positive
   */
  public CompletableFuture<CancelOutcome> cancelAsync(Duration deadline) {
    return canceller().cancelAndConfirmAsync(name, deadline);
  }

  private CancelAndConfirm canceller() {
    return new CancelAndConfirm(operations, operations, pollingPolicy, timing);
  }

  @Override
  public String toString() {
    return "DeviceCommand{" + name + '}';
  }

  /** One async wait: the caller's future and the reads that complete it. */
  private final class AsyncWait {
    private final long deadlineNanos;
    private final long start;
    private final CompletableFuture<CommandOutcome> result = new CompletableFuture<>();

    AsyncWait(long deadlineNanos, long start) {
      this.deadlineNanos = deadlineNanos;
      this.start = start;
    }

    CompletableFuture<CommandOutcome> start() {
      read(pollingPolicy.initialInterval());
      return result;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // every outcome reaches result
    private void read(Duration interval) {
      if (result.isDone()) {
        return; // the caller stopped waiting: send nothing more
      }
      CompletableFuture<Operation> read;
      try {
        read = operations.getAsync(name);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      read.whenComplete(
          (operation, error) -> {
            if (result.isDone()) {
              return;
            }
            try {
              if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
              }
              Operation read1 = requireNonNull(operation, "operation");
              long remaining = deadlineNanos - (timing.nanoTime() - start);
              if (read1.done() || remaining <= 0) {
                result.complete(CommandOutcome.of(read1));
                return;
              }
              Duration next = pollingPolicy.next(interval);
              timing.after(PollingPolicy.waitWithin(interval, remaining)).execute(() -> read(next));
            } catch (RuntimeException | Error e) {
              result.completeExceptionally(e);
            }
          });
    }
  }

  private static long deadlineNanos(Duration deadline) {
    requireNonNull(deadline, "deadline");
    if (deadline.isNegative()) {
      throw new IllegalArgumentException("deadline must not be negative: " + deadline);
    }
    return PollingPolicy.deadlineNanos(deadline);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
