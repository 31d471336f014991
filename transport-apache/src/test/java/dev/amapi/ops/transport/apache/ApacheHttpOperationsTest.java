package dev.amapi.ops.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only the Apache transport does: its connection pool and the caller's own client. What every
 * transport does is in {@link ApacheHttpContractTest}.
 */
class ApacheHttpOperationsTest {
  private static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");
  private static final AccessTokenSource TOKENS =
      AccessTokenSource.fixed(AccessToken.of("test-token"));

  private FakeAmapiServer server;

  @BeforeEach
  void start() {
    server = FakeAmapiServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ApacheHttpOperations.Builder builder(URI endpoint) {
    return ApacheHttpOperations.builder()
        .endpoint(endpoint)
        .tokenSource(TOKENS)
        .retryPolicy(RetryPolicy.none());
  }

  private Operation pendingReboot() {
    return server.operations().issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build());
  }

  @Test
  void getAsync_manyAtOnceOverASmallPool_allAnswered() {
    OperationName name = pendingReboot().name();
    try (DeviceOperations small = builder(server.endpoint()).maxConnections(2).build()) {
      List<CompletableFuture<Operation>> answers =
          IntStream.range(0, 20).mapToObj(i -> small.getAsync(name)).collect(Collectors.toList());

      assertThat(answers).allSatisfy(answer -> assertThat(answer.join().name()).isEqualTo(name));
    }
  }

  @Test
  void close_leavesTheCallersClientRunning() throws Exception {
    OperationName name = pendingReboot().name();
    CloseableHttpClient own =
        HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().build();
    try {
      DeviceOperations first = builder(server.endpoint()).httpClient(own).build();
      first.get(name);
      first.close();

      try (DeviceOperations second = builder(server.endpoint()).httpClient(own).build()) {
        assertThat(second.get(name).name()).isEqualTo(name);
      }
      // Still open: the caller's own request through it is answered.
      HttpGet get = new HttpGet(server.endpoint().resolve("v1/" + name));
      get.addHeader("authorization", "Bearer test-token");
      int status =
          own.execute(
              get,
              response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
              });
      assertThat(status).isEqualTo(200);
    } finally {
      own.close(CloseMode.IMMEDIATE);
    }
  }

  @Test
  void build_nonPositiveMaxConnections_throwsNamingIt() {
    assertThatThrownBy(() -> builder(server.endpoint()).maxConnections(0).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxConnections must be positive, was 0");
  }

  @Test
  void build_maxConnectionsWithTheCallersClient_throws() {
    CloseableHttpClient own = HttpClients.custom().build();
    try {
      assertThatThrownBy(() -> builder(server.endpoint()).httpClient(own).maxConnections(8).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("maxConnections");
    } finally {
      own.close(CloseMode.IMMEDIATE);
    }
  }
}
