package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.Status;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hears the progress of a {@link BulkCancel} run: each operation's outcome, each device that could
 * not be listed, and the running totals. Every method does nothing by default.
 *
 * <p>The run calls the listener from its worker threads, one call at a time (never two at once), so
 * an implementation needs no locking of its own; it should return quickly, since workers wait for
 * it. A listener that throws ends the run: the run's report future fails with what it threw.
 */
public interface BulkCancelListener {

  /** A listener that ignores everything. */
  BulkCancelListener NONE = new BulkCancelListener() {};

  /**
   * Hears that an operation's part of the run is over.
   *
   * @param event the operation, its outcome and what it rests on
   */
  default void operationDone(OperationDone event) {}

  /**
   * Hears that a device could not be listed to the end, after the retries; the run goes on with the
   * other devices.
   *
   * @param device the device
   * @param error what the server said, or the failure of a call that got no answer
   */
  default void deviceFailed(DeviceName device, Status error) {}

  /**
   * Hears the totals so far, after each operation and each device.
   *
   * @param soFar the counts up to now; {@link BulkCancelReport#stopped()} says whether a stop was
   *     asked
   */
  default void progress(BulkCancelReport soFar) {}

  /**
   * What came of one operation: its name, its outcome, the operation as last read (if it was read),
   * and the status the outcome rests on: the operation's error ({@code CANCELLED}, {@code FAILED}),
   * the server's answer ({@code NOT_SUPPORTED}, {@code NOT_FOUND}), or the call's error ({@code
   * ERROR}). Immutable.
   */
  final class OperationDone {
    private final OperationName name;
    private final BulkOutcome outcome;
    private final @Nullable Operation operation;
    private final @Nullable Status status;

    /**
     * Rejects a null name or outcome.
     *
     * @param name the operation
     * @param outcome what came of it
     * @param operation the operation as last read, or null if it was not read
     * @param status the status the outcome rests on, or null for none
     */
    public OperationDone(
        OperationName name,
        BulkOutcome outcome,
        @Nullable Operation operation,
        @Nullable Status status) {
      this.name = requireNonNull(name, "name");
      this.outcome = requireNonNull(outcome, "outcome");
      this.operation = operation;
      this.status = status;
    }

    /**
     * Returns the operation's name.
     *
     * @return the name
     */
    public OperationName name() {
      return name;
    }

    /**
     * Returns what came of the operation.
     *
     * @return the outcome
     */
    public BulkOutcome outcome() {
      return outcome;
    }

    /**
     * Returns the operation as last read.
     *
     * @return the operation, or empty if it was not read
     */
    public Optional<Operation> operation() {
      return Optional.ofNullable(operation);
    }

    /**
     * Returns the status the outcome rests on.
     *
     * @return the status, or empty for none (such as {@code COMPLETED})
     */
    public Optional<Status> status() {
      return Optional.ofNullable(status);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof OperationDone other
          && name.equals(other.name)
          && outcome == other.outcome
          && Objects.equals(operation, other.operation)
          && Objects.equals(status, other.status);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, outcome, operation, status);
    }

    @Override
    public String toString() {
      return "OperationDone{"
          + name
          + ": "
          + outcome
          + (status == null ? "" : ", " + status.code())
          + '}';
    }
  }
}
