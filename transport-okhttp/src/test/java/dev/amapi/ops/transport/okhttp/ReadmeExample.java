package dev.amapi.ops.transport.okhttp;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.testkit.FakeAmapiServer;

/** The README's transport-okhttp example, compiled and run by {@code ReadmeExampleTest}. */
public final class ReadmeExample {
  private ReadmeExample() {}

  /** Cancels a pending reboot on the testkit's fake server and prints what became of it. */
  public static void main(String[] args) {
    // README:okhttp:start
    DeviceName device = DeviceName.of("LC03k6enk8", "36c339908766f292");
    try (FakeAmapiServer server = FakeAmapiServer.start();
        DeviceOperations ops =
            OkHttpOperations.builder()
                .endpoint(server.endpoint())
                .tokenSource(AccessTokenSource.fixed(AccessToken.of("test-token")))
                .build()) {
      Operation reboot =
          server.operations().issueCommand(device, Command.builder(CommandType.REBOOT).build());

      ops.cancel(reboot.name());
      Operation after = ops.get(reboot.name());

      System.out.println(after.name() + " cancelled: " + after.isCancelled());
    }
    // README:okhttp:end
  }
}
