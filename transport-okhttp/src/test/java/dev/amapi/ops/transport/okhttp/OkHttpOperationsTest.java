package dev.amapi.ops.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only the OkHttp transport does: the caller's own client, and what OkHttp would do by itself.
 * What every transport does is in {@link OkHttpContractTest}.
 */
class OkHttpOperationsTest {
  private static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");
  private static final AccessTokenSource TOKENS =
      AccessTokenSource.fixed(AccessToken.of("test-token"));
  private static final Duration WAIT = Duration.ofSeconds(5);

  private FakeAmapiServer server;

  @BeforeEach
  void start() {
    server = FakeAmapiServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static OkHttpOperations.Builder builder(URI endpoint) {
    return OkHttpOperations.builder()
        .endpoint(endpoint)
        .tokenSource(TOKENS)
        .retryPolicy(RetryPolicy.none());
  }

  /** A caller's client as OkHttp builds it by default: it follows redirects and retries. */
  private static OkHttpClient callersClient() {
    return new OkHttpClient.Builder().build();
  }

  private static void shutDown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Operation pendingReboot() {
    return server.operations().issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build());
  }

  @Test
  void close_leavesTheCallersClientRunning() throws Exception {
    OperationName name = pendingReboot().name();
    OkHttpClient own = callersClient();
    try {
      DeviceOperations first = builder(server.endpoint()).httpClient(own).build();
      first.get(name);
      first.close();

      try (DeviceOperations second = builder(server.endpoint()).httpClient(own).build()) {
        assertThat(second.get(name).name()).isEqualTo(name);
      }
      // Still open: the caller's own request through it is answered.
      Request get =
          new Request.Builder()
              .url(server.endpoint().resolve("v1/" + name).toString())
              .header("authorization", "Bearer test-token")
              .build();
      try (Response response = own.newCall(get).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
      assertThat(own.dispatcher().executorService().isShutdown()).isFalse();
    } finally {
      shutDown(own);
    }
  }

  @Test
  void callersClientThatFollowsRedirects_theSdksRequestsDoNotFollowThem() {
    OkHttpClient own = callersClient();
    assertThat(own.followRedirects()).isTrue();
    String elsewhere = server.endpoint().resolve("elsewhere").toString();
    server.enqueue(
        FakeResponse.raw(302, "text/plain", "moved".getBytes(StandardCharsets.UTF_8))
            .withHeader("location", elsewhere));
    try (DeviceOperations ops = builder(server.endpoint()).httpClient(own).build()) {

      AmapiException e = assertThrows(AmapiException.class, () -> ops.get(DEVICE.operation("1")));

      assertThat(e.httpStatus()).hasValue(302);
      assertThat(server.requestCount()).as("the redirect is not followed").isEqualTo(1);
    } finally {
      shutDown(own);
    }
  }

  @Test
  void callersClientThatRetries_theSdksRequestsAreNotResentByOkHttp() {
    OkHttpClient own = callersClient();
    assertThat(own.retryOnConnectionFailure()).isTrue();
    server.enqueue(FakeResponse.disconnect());
    server.enqueue(FakeResponse.json(200, "{}"));
    try (DeviceOperations ops = builder(server.endpoint()).httpClient(own).build()) {

      assertThatThrownBy(() -> ops.get(DEVICE.operation("1")))
          .isInstanceOfSatisfying(
              AmapiException.class, e -> assertThat(e.code()).isEqualTo(Code.UNAVAILABLE));

      assertThat(server.requestCount()).isEqualTo(1);
    } finally {
      shutDown(own);
    }
  }

  @Test
  void requests_askForNoCompression() {
    OperationName name = pendingReboot().name();
    try (DeviceOperations ops = builder(server.endpoint()).build()) {

      ops.get(name);

      // OkHttp would ask for gzip and unzip behind the binding's back.
      assertThat(server.takeRequest(WAIT).header("accept-encoding")).contains("identity");
    }
  }
}
