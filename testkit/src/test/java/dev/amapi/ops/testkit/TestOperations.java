package dev.amapi.ops.testkit;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;
import java.time.Duration;
import java.time.Instant;

/** Test data with sensible defaults, shaped like the reference bodies. */
final class TestOperations {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");
  static final DeviceName OTHER_DEVICE = DeviceName.of("LC03k6enk8", "a1b2c3d4e5f60718");
  static final OperationName PENDING_REBOOT = DEVICE.operation("1786048723669");
  static final OperationName COMPLETED_LOCK = DEVICE.operation("1786048799001");
  static final OperationName UNKNOWN = DEVICE.operation("1786048700000");

  private TestOperations() {}

  static Command reboot() {
    return Command.builder(CommandType.REBOOT)
        .createTime(Instant.parse("2026-08-06T20:38:43.669Z"))
        .duration(Duration.ofSeconds(600))
        .build();
  }

  static Operation pendingReboot() {
    return pendingReboot(PENDING_REBOOT);
  }

  static Operation pendingReboot(OperationName name) {
    return Operation.pending(name, reboot());
  }

  static Operation completedLock() {
    return Operation.builder(COMPLETED_LOCK)
        .metadata(
            Command.builder(CommandType.LOCK)
                .createTime(Instant.parse("2026-08-06T20:40:00.001Z"))
                .build())
        .result(OperationResult.Succeeded.issueCommandResponse())
        .build();
  }

  static Operation failed(OperationName name) {
    return pendingReboot(name)
        .withResult(new OperationResult.Failed(Status.of(Code.INTERNAL, "device said no")));
  }
}
