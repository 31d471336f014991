package com.example.modular.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.modular.RebootCanceller;
import com.example.modular.RebootCanceller.Outcome;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.junit5.FakeAmapi;
import dev.amapi.ops.testkit.junit5.contract.OperationsContract;
import org.junit.jupiter.api.Test;

/** The server comes from {@code @FakeAmapi}'s resolver, which JUnit makes reflectively. */
@FakeAmapi
class RebootCancellerTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @Test
  void pendingReboot_isCancelled(FakeAmapiServer server) {
    OperationName reboot = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();

    try (RebootCanceller canceller = new RebootCanceller(server.endpoint(), "test-token")) {
      assertEquals(Outcome.CANCELLED, canceller.cancel(reboot));
    }
    server.operations().assertCancelledOnce(reboot);
  }

  @Test
  void everythingRunsInNamedModules() {
    assertNamed("com.example.modular.test", getClass().getModule());
    assertNamed("com.example.modular", RebootCanceller.class.getModule());
    assertNamed("dev.amapi.ops.domain", DeviceOperations.class.getModule());
    assertNamed("dev.amapi.ops.testkit", FakeAmapiServer.class.getModule());
    assertNamed("dev.amapi.ops.testkit.junit5", OperationsContract.class.getModule());
    assertNamed("org.junit.jupiter.api", Test.class.getModule());
  }

  private static void assertNamed(String expected, Module module) {
    assertTrue(module.isNamed(), module + " is named");
    assertFalse(module.getDescriptor().isAutomatic(), module + " has a module-info");
    assertEquals(expected, module.getName());
  }
}
