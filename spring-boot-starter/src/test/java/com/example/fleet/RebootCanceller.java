package com.example.fleet;

import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.usecase.CancelAndConfirm;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import java.time.Duration;
import org.springframework.stereotype.Service;

/** A consumer's service: cancels a pending command and says what came of it. */
@Service
public class RebootCanceller {
  private final DeviceOperations operations;

  public RebootCanceller(DeviceOperations operations) {
    this.operations = operations;
  }

  public CancelOutcome.Kind cancel(OperationName reboot) {
    return CancelAndConfirm.of(operations).cancelAndConfirm(reboot, Duration.ofSeconds(10)).kind();
  }
}
