package dev.amapi.ops.domain;

import java.time.Duration;
import java.time.Instant;

/** Test data: real-shaped operations, with sensible defaults, to vary one thing at a time. */
public final class Operations {
  /** A real-shaped operation name. */
  public static final OperationName NAME =
      OperationName.of("LC03k6enk8", "36c339908766f292", "1786048723669");

  private Operations() {}

  /** Returns the metadata of a reboot issued by an admin. */
  public static Command reboot() {
    return Command.builder(CommandType.REBOOT)
        .createTime(Instant.parse("2026-08-06T10:15:23.669Z"))
        .duration(Duration.ofMinutes(10))
        .userName("enterprises/LC03k6enk8/users/admin")
        .build();
  }

  /** Returns a reboot the device has not run yet. */
  public static Operation pendingReboot() {
    return Operation.pending(NAME, reboot());
  }

  /** Returns a reboot that was cancelled. */
  public static Operation cancelledReboot() {
    return pendingReboot()
        .withResult(new OperationResult.Failed(Status.of(Code.CANCELLED, "Operation cancelled")));
  }

  /** Returns a reboot the device ran. */
  public static Operation succeededReboot() {
    return pendingReboot().withResult(OperationResult.Succeeded.issueCommandResponse());
  }

  /** Returns a pending operation with this operation ID and no metadata. */
  public static Operation pending(String operationId) {
    return Operation.builder(NAME.device().operation(operationId)).build();
  }
}
