package com.example.fleet;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;

/** A fleet service's own code: cancels a pending reboot, then reads it back. */
public final class RebootCanceller {
  /** How a cancelled reboot ended, as far as one read-back can tell. */
  public enum Outcome {
    CANCELLED,
    COMPLETED_ANYWAY,
    NOT_SUPPORTED,
    STILL_PENDING
  }

  private final DeviceOperations operations;

  public RebootCanceller(DeviceOperations operations) {
    this.operations = operations;
  }

  public Outcome cancel(OperationName reboot) {
    try {
      operations.cancel(reboot);
    } catch (AmapiException e) {
      if (e.code() == Code.UNIMPLEMENTED) {
        return Outcome.NOT_SUPPORTED;
      }
      throw e;
    }
    Operation after = operations.get(reboot);
    if (!after.done()) {
      return Outcome.STILL_PENDING;
    }
    return after.isCancelled() ? Outcome.CANCELLED : Outcome.COMPLETED_ANYWAY;
  }
}
