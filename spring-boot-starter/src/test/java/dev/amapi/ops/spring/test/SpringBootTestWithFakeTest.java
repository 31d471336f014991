package dev.amapi.ops.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.usecase.CancelAndConfirm;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.OnCancel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/** The annotation as an application's {@code @SpringBootTest} uses it. */
@SpringBootTest(properties = "amapi.ops.retry.max-attempts=1")
@AutoConfigureAmapiFake
class SpringBootTestWithFakeTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @Autowired FakeAmapiServer amapi;
  @Autowired DeviceOperations operations;

  @Test
  void pendingReboot_isCancelled() {
    OperationName reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();

    CancelOutcome outcome =
        CancelAndConfirm.of(operations).cancelAndConfirm(reboot, Duration.ofSeconds(10));

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
    amapi.operations().assertCancelledOnce(reboot);
  }

  @Test
  void unimplementedCancel_isNotSupported() {
    OperationName reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
    amapi.operations().onCancel(reboot, OnCancel.unimplemented());

    CancelOutcome outcome =
        CancelAndConfirm.of(operations).cancelAndConfirm(reboot, Duration.ofSeconds(10));

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.NOT_SUPPORTED);
  }

  /** The application: auto-configuration only. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class FleetApplication {}
}
