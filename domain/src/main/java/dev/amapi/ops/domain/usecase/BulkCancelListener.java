package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.Status;
import java.util.Optional;

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
   * What came of one operation.
   *
   * @param name the operation
   * @param outcome what came of it
   * @param operation the operation as last read, if it was read
   * @param status the operation's error ({@code CANCELLED}, {@code FAILED}), the server's answer
   *     ({@code NOT_SUPPORTED}, {@code NOT_FOUND}), or the call's error ({@code ERROR}); else empty
   */
  record OperationDone(
      OperationName name,
      BulkOutcome outcome,
      Optional<Operation> operation,
      Optional<Status> status) {
    /**
     * Rejects nulls.
     *
     * @param name the operation
     * @param outcome what came of it
     * @param operation the operation as last read, if it was read
     * @param status the status the outcome rests on, if any
     */
    public OperationDone {
      requireNonNull(name, "name");
      requireNonNull(outcome, "outcome");
      requireNonNull(operation, "operation");
      requireNonNull(status, "status");
    }
  }
}
