package dev.amapi.ops.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/**
 * What only the JDK transport does; what every transport does is in {@link JdkHttpContractTest}.
 */
class JdkHttpOperationsTest {
  private static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @Test
  void close_leavesTheCallersClientWorking() {
    HttpClient own = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      OperationName name =
          server
              .operations()
              .issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build())
              .name();
      JdkHttpOperations.Builder builder =
          JdkHttpOperations.builder()
              .endpoint(server.endpoint())
              .tokenSource(AccessTokenSource.fixed(AccessToken.of("test-token")))
              .retryPolicy(RetryPolicy.none())
              .httpClient(own);
      DeviceOperations first = builder.build();
      first.get(name);

      first.close();

      try (DeviceOperations second = builder.build()) {
        assertThat(second.get(name).name()).isEqualTo(name);
      }
      assertThat(server.requestCount()).isEqualTo(2);
    }
  }
}
