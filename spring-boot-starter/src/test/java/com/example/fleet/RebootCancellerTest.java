// README:spring-test:start
package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import dev.amapi.ops.spring.test.AutoConfigureAmapiFake;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.OnCancel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@AutoConfigureAmapiFake // DeviceOperations talks to a FakeAmapiServer on loopback: no credentials
class RebootCancellerTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @Autowired FakeAmapiServer amapi; // the fake: seed it, script it, read its journal
  @Autowired RebootCanceller canceller; // your bean, built on the starter's DeviceOperations

  @Test
  void pendingReboot_isCancelled() {
    OperationName reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();

    assertThat(canceller.cancel(reboot)).isEqualTo(CancelOutcome.Kind.CANCELLED);
    amapi.operations().assertCancelledOnce(reboot);
  }

  @Test
  void serverWithoutCancellation_isNotSupported() {
    OperationName reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
    amapi.operations().onCancel(reboot, OnCancel.unimplemented());

    assertThat(canceller.cancel(reboot)).isEqualTo(CancelOutcome.Kind.NOT_SUPPORTED);
  }
}
// README:spring-test:end
