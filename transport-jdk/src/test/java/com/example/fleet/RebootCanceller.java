package com.example.fleet;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;

/**
 * Consumer code, as a fleet service would write it against the ports: cancels a pending reboot,
 * then reads it back and says how it ended. It knows nothing of HTTP or of the testkit.
 */
final class RebootCanceller {
  /** How a cancelled reboot ended, as far as one read-back can tell. */
  enum Outcome {
    CANCELLED,
    COMPLETED_ANYWAY,
    FAILED,
    NOT_SUPPORTED,
    STILL_PENDING,
    NOT_FOUND
  }

  private final DeviceOperations operations;

  RebootCanceller(DeviceOperations operations) {
    this.operations = operations;
  }

  /**
   * Cancels the reboot and reads it back.
   *
   * @throws AmapiException for a failure this service cannot explain, such as an outage
   */
  Outcome cancel(OperationName reboot) {
    try {
      operations.cancel(reboot);
    } catch (AmapiException e) {
      switch (e.code()) {
        case UNIMPLEMENTED:
          return Outcome.NOT_SUPPORTED;
        case NOT_FOUND:
          return Outcome.NOT_FOUND;
        case FAILED_PRECONDITION:
          break; // already done: the read-back says how
        default:
          throw e;
      }
    }
    Operation after = operations.get(reboot);
    if (!after.done()) {
      return Outcome.STILL_PENDING;
    }
    if (after.isCancelled()) {
      return Outcome.CANCELLED;
    }
    return after.error().isPresent() ? Outcome.FAILED : Outcome.COMPLETED_ANYWAY;
  }
}
