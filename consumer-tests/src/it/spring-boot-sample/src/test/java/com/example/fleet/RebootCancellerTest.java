package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import dev.amapi.ops.spring.test.AutoConfigureAmapiFake;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.OnCancel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's test, in an application of its own on Spring Boot 4. */
@SpringBootTest
@AutoConfigureAmapiFake
class RebootCancellerTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @Autowired FakeAmapiServer amapi;
  @Autowired RebootCanceller canceller;
  @Autowired DeviceOperations operations;

  @Test
  void pendingReboot_isCancelled() {
    OperationName reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();

    assertThat(canceller.cancel(reboot)).isEqualTo(CancelOutcome.Kind.CANCELLED);
    amapi.operations().assertCancelledOnce(reboot);
    assertThat(amapi.lastRequest().header("authorization"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer "));
  }

  @Test
  void serverWithoutCancellation_isNotSupported() {
    OperationName reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
    amapi.operations().onCancel(reboot, OnCancel.unimplemented());

    assertThat(canceller.cancel(reboot)).isEqualTo(CancelOutcome.Kind.NOT_SUPPORTED);
  }

  @Test
  void applicationYaml_stillApplies_onSpringBoot4() {
    assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
    assertThat(operations.toString())
        .contains("endpoint=" + amapi.endpoint())
        .contains("callTimeout=PT30S")
        .contains("maxAttempts=3");
  }
}
