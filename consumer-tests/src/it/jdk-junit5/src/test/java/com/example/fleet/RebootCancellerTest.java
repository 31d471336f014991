package com.example.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.fleet.RebootCanceller.Outcome;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.testkit.OnCancel;
import dev.amapi.ops.testkit.junit5.FakeAmapiExtension;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RebootCancellerTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @RegisterExtension
  final FakeAmapiExtension amapi =
      FakeAmapiExtension.perTest().withClient(JdkHttpOperations::builder);

  RebootCanceller canceller;
  OperationName reboot;

  @BeforeEach
  void issueAReboot() {
    canceller = new RebootCanceller(amapi.client());
    reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
  }

  @Test
  void pendingReboot_isCancelled() {
    assertEquals(Outcome.CANCELLED, canceller.cancel(reboot));
    amapi.operations().assertCancelledOnce(reboot);
  }

  @Test
  void serverWithoutCancellation_isNotSupported() {
    amapi.operations().onCancel(reboot, OnCancel.unimplemented());

    assertEquals(Outcome.NOT_SUPPORTED, canceller.cancel(reboot));
  }

  @Test
  void rebootThatFinishedFirst_completedAnyway() {
    amapi.operations().onCancel(reboot, OnCancel.completesAnyway());

    assertEquals(Outcome.COMPLETED_ANYWAY, canceller.cancel(reboot));
  }

  @Test
  void runsOnTheJUnitThisProjectPicked() {
    String version = Test.class.getPackage().getImplementationVersion();

    assertTrue(version.startsWith("5."), "JUnit Jupiter API " + version);
  }
}
