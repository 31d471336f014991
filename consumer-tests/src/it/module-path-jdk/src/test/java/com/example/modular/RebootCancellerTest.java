package com.example.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.modular.RebootCanceller.Outcome;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.OnCancel;
import dev.amapi.ops.testkit.junit5.FakeAmapiExtension;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs patched into com.example.modular, on the module path. */
class RebootCancellerTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @RegisterExtension final FakeAmapiExtension amapi = FakeAmapiExtension.perTest();

  RebootCanceller canceller;
  OperationName reboot;

  @BeforeEach
  void issueAReboot() {
    canceller = new RebootCanceller(amapi.endpoint(), "test-token");
    reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
  }

  @AfterEach
  void close() {
    canceller.close();
  }

  @Test
  void pendingReboot_isCancelledOverTheJdkTransport() {
    assertEquals(Outcome.CANCELLED, canceller.cancel(reboot));
    amapi.operations().assertCancelledOnce(reboot);
  }

  @Test
  void serverWithoutCancellation_isNotSupported() {
    amapi.operations().onCancel(reboot, OnCancel.unimplemented());

    assertEquals(Outcome.NOT_SUPPORTED, canceller.cancel(reboot));
  }

  @Test
  void runsOnTheModulePath_besideAmapiOpsNamedModules() {
    Module self = getClass().getModule();
    assertTrue(self.isNamed(), "the test runs in a named module");
    assertEquals("com.example.modular", self.getName());

    assertNamed("dev.amapi.ops.domain", DeviceOperations.class.getModule());
    assertNamed("dev.amapi.ops.rest", RetryPolicy.class.getModule());
    assertNamed("dev.amapi.ops.rest", canceller.operations().getClass().getModule());
    assertNamed("dev.amapi.ops.transport.jdk", JdkHttpOperations.class.getModule());
  }

  @Test
  void internalPackages_areNotExported_andReflectionCannotReachThem() throws Exception {
    Module self = getClass().getModule();
    Module rest = RetryPolicy.class.getModule();
    assertTrue(self.canRead(rest), "transport.jdk requires rest transitively");
    assertTrue(rest.isExported("dev.amapi.ops.rest"));
    assertTrue(rest.isExported("dev.amapi.ops.rest.event"));
    assertFalse(rest.isExported("dev.amapi.ops.rest.internal"));
    assertFalse(rest.isOpen("dev.amapi.ops.rest.internal"));
    // The transport SPI is exported: a transport of one's own implements it.
    assertTrue(rest.isExported("dev.amapi.ops.rest.spi"));

    // A public class with a public static method, in a package rest keeps to itself.
    Class<?> internal = Class.forName("dev.amapi.ops.rest.internal.RequestUris");
    Method escape = internal.getMethod("escape", String.class);
    assertEquals(rest, internal.getModule());
    assertThrows(IllegalAccessException.class, () -> escape.invoke(null, "a b"));
    assertThrows(InaccessibleObjectException.class, () -> escape.setAccessible(true));
  }

  private static void assertNamed(String expected, Module module) {
    assertTrue(module.isNamed(), module + " is named");
    assertFalse(module.getDescriptor().isAutomatic(), module + " has a module-info");
    assertEquals(expected, module.getName());
  }
}
