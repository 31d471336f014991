package dev.amapi.ops.testkit;

import static dev.amapi.ops.testkit.TestOperations.PENDING_REBOOT;
import static dev.amapi.ops.testkit.TestOperations.completedLock;
import static dev.amapi.ops.testkit.TestOperations.pendingReboot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.amapi.ops.rest.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault menu (WireMock's), as a client sees it through a real {@code java.net.http} client or a
 * raw socket. Hang guards only: no assertion on how long anything took.
 */
class WireFaultTest {
  private static final Duration GUARD = Duration.ofSeconds(20);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final FakeAmapiServer server = FakeAmapiServer.start();

  @AfterEach
  void closeServer() {
    server.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Delays

  @Test
  void fakeDelay_drawsWithinItsDistribution_repeatablyForASeed() {
    FakeDelay uniform = FakeDelay.uniform(Duration.ofMillis(10), Duration.ofMillis(20));
    Random random = new Random(1);
    for (int i = 0; i < 1000; i++) {
      assertThat(uniform.sample(random)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
    }
    assertThat(FakeDelay.lognormal(Duration.ofMillis(40), 0).sample(random))
        .isEqualTo(Duration.ofMillis(40));
    assertThat(FakeDelay.lognormal(Duration.ofMillis(40), 3).sample(new Random(9)))
        .isEqualTo(FakeDelay.lognormal(Duration.ofMillis(40), 3).sample(new Random(9)))
        .isLessThanOrEqualTo(FakeDelay.MAX_LOGNORMAL);
    assertThat(FakeDelay.fixed(Duration.ofMillis(5)).sample(random))
        .isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void fakeDelay_rejectsNonsense() {
    assertThatThrownBy(() -> FakeDelay.fixed(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeDelay.uniform(Duration.ofMillis(5), Duration.ofMillis(4)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeDelay.lognormal(Duration.ofMillis(5), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeDelay.lognormal(Duration.ofMillis(5), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(FakeDelay.uniform(Duration.ZERO, Duration.ofSeconds(1)))
        .isEqualTo(FakeDelay.uniform(Duration.ZERO, Duration.ofSeconds(1)))
        .hasToString("FakeDelay.uniform(PT0S, PT1S)");
  }

  @Test
  void scriptedAnswer_withRandomDelays_isAnsweredWhole() {
    server.randomSeed(3);
    server.enqueue(
        FakeResponse.json(200, "{}")
            .withDelay(FakeDelay.uniform(Duration.ofMillis(1), Duration.ofMillis(30))));
    server.enqueue(
        FakeResponse.json(200, "{}").withDelay(FakeDelay.lognormal(Duration.ofMillis(5), 0.5)));

    assertTimeoutPreemptively(
        GUARD,
        () -> {
          assertThat(post().statusCode()).isEqualTo(200);
          assertThat(post().statusCode()).isEqualTo(200);
        });
  }

  @Test
  void statefulDelay_answersTheRealAnswer() {
    server.operations().seed(pendingReboot());
    server.faultNextRequests(1, WireFault.delay(FakeDelay.fixed(Duration.ofMillis(20))));

    HttpResponse<byte[]> response = assertTimeoutPreemptively(GUARD, this::post);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.operations().operation(PENDING_REBOOT).orElseThrow().isCancelled()).isTrue();
  }

  // ---------------------------------------------------------------------------------------------
  // Dribble

  @Test
  void dribble_clientGetsTheWholeBody_inThatManyChunks() throws Exception {
    String body = "{\"name\": \"" + PENDING_REBOOT + "\", \"done\": false}";
    server.enqueue(FakeResponse.json(200, body).withDribble(4, Duration.ofMillis(100)));
    server.enqueue(FakeResponse.json(200, body).withDribble(4, Duration.ofMillis(100)));

    HttpResponse<byte[]> response = assertTimeoutPreemptively(GUARD, this::post);
    String raw = assertTimeoutPreemptively(GUARD, () -> rawPost(server));

    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(body);
    assertThat(raw).containsIgnoringCase("Transfer-encoding: chunked");
    assertThat(chunkSizes(raw)).hasSize(4).allMatch(size -> size > 0);
  }

  @Test
  void statefulDribble_ofAnOperation_answersItWhole() {
    server.operations().seed(pendingReboot());
    server.faultRequestsTo(PENDING_REBOOT, WireFault.dribble(3, Duration.ofMillis(60)));

    HttpResponse<byte[]> response = assertTimeoutPreemptively(GUARD, () -> get(PENDING_REBOOT));

    assertThat(WireFormat.readOperation(response.body())).isEqualTo(pendingReboot());
  }

  // ---------------------------------------------------------------------------------------------
  // Connection faults

  @Test
  void emptyResponse_clientGetsIOException() {
    server.enqueue(FakeResponse.emptyResponse());

    assertTimeoutPreemptively(
        GUARD, () -> assertThatThrownBy(this::post).isInstanceOf(IOException.class));
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void connectionReset_clientSeesAReset() {
    server.enqueue(FakeResponse.connectionReset());

    assertTimeoutPreemptively(
        GUARD,
        () ->
            assertThatThrownBy(this::post)
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(messages(e)).containsIgnoringCase("reset")));
  }

  @Test
  void connectionReset_rawSocketReadsAReset() {
    server.enqueue(FakeResponse.connectionReset());

    assertTimeoutPreemptively(
        GUARD,
        () ->
            assertThatThrownBy(() -> rawPost(server))
                .isInstanceOf(java.net.SocketException.class)
                .hasMessageContaining("reset"));
  }

  @Test
  void randomData_clientGetsIOException_andTheBytesRepeatForASeed() {
    server.randomSeed(7);
    server.enqueue(FakeResponse.randomDataThenClose());
    server.enqueue(FakeResponse.randomDataThenClose());
    server.enqueue(FakeResponse.randomDataThenClose());

    assertTimeoutPreemptively(
        GUARD,
        () -> {
          assertThatThrownBy(this::post).isInstanceOf(IOException.class);
          String first = rawPost(server);
          String second = rawPost(server);
          assertThat(first).hasSize(1024).doesNotStartWith("HTTP/");
          assertThat(second).hasSize(1024).isNotEqualTo(first);
          try (FakeAmapiServer again = FakeAmapiServer.start()) {
            again.randomSeed(7);
            again.enqueue(FakeResponse.randomDataThenClose());
            again.enqueue(FakeResponse.randomDataThenClose());
            again.enqueue(FakeResponse.randomDataThenClose());
            rawPost(again);
            assertThat(rawPost(again)).isEqualTo(first);
          }
        });
  }

  @Test
  void malformedChunk_clientGetsIOException_afterAGoodChunk() {
    server.enqueue(FakeResponse.json(200, "{\"done\": true}").withMalformedChunk());
    server.enqueue(FakeResponse.json(200, "{\"done\": true}").withMalformedChunk());

    assertTimeoutPreemptively(
        GUARD,
        () -> {
          assertThatThrownBy(this::post).isInstanceOf(IOException.class);
          String raw = rawPost(server);
          assertThat(raw).startsWith("HTTP/1.1 200 ").contains("Transfer-Encoding: chunked");
          assertThat(raw).endsWith("\r\n\r\n7\r\n{\"done\"\r\nzz-not-a-chunk-size\r\n");
        });
  }

  @Test
  void statefulConnectionFaults_forTheNextRequests_neverReachTheState() {
    server.operations().seed(pendingReboot());
    server.faultNextRequests(1, WireFault.connectionReset());
    server.faultNextRequests(1, WireFault.emptyResponse());
    server.faultNextRequests(1, WireFault.randomDataThenClose());

    assertTimeoutPreemptively(
        GUARD,
        () -> {
          for (int i = 0; i < 3; i++) {
            assertThatThrownBy(this::post).isInstanceOf(IOException.class);
          }
          assertThat(server.operations().operation(PENDING_REBOOT).orElseThrow().done()).isFalse();
          assertThat(post().statusCode()).isEqualTo(200);
        });
    assertThat(server.operations().operation(PENDING_REBOOT).orElseThrow().isCancelled()).isTrue();
  }

  @Test
  void statefulMalformedChunk_reachesTheState() {
    server.operations().seed(pendingReboot());
    server.faultNextRequests(1, WireFault.malformedChunk());

    assertTimeoutPreemptively(
        GUARD, () -> assertThatThrownBy(this::post).isInstanceOf(IOException.class));

    assertThat(server.operations().operation(PENDING_REBOOT).orElseThrow().isCancelled()).isTrue();
  }

  @Test
  void faultRequestsTo_touchesOnlyThatOperation_untilCleared() {
    server.operations().seed(pendingReboot());
    server.operations().seed(completedLock());
    server.faultRequestsTo(PENDING_REBOOT, WireFault.connectionReset());

    assertTimeoutPreemptively(
        GUARD,
        () -> {
          assertThatThrownBy(() -> get(PENDING_REBOOT)).isInstanceOf(IOException.class);
          assertThatThrownBy(() -> get(PENDING_REBOOT)).isInstanceOf(IOException.class);
          assertThat(get(TestOperations.COMPLETED_LOCK).statusCode()).isEqualTo(200);
          server.clearWireFaults();
          assertThat(WireFormat.readOperation(get(PENDING_REBOOT).body()))
              .isEqualTo(pendingReboot());
        });
  }

  @Test
  void wireFault_valuesAreValidatedAndComparable() {
    assertThatThrownBy(() -> WireFault.dribble(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WireFault.dribble(2, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.faultNextRequests(0, WireFault.emptyResponse()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeResponse.stall().withDribble(2, Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
    assertThat(WireFault.connectionReset()).isEqualTo(WireFault.connectionReset());
    assertThat(WireFault.dribble(2, Duration.ofSeconds(1)))
        .hasToString("WireFault.dribble(2, PT1S)");
    assertThat(FakeResponse.emptyResponse()).isEqualTo(FakeResponse.disconnect());
  }

  @Test
  void faultNextRequests_onAScriptedServer_throwsIllegalState() {
    server.enqueue(FakeResponse.json(200, "{}"));

    assertThatThrownBy(() -> server.faultNextRequests(1, WireFault.connectionReset()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scripted mode");
  }

  private HttpResponse<byte[]> post() throws IOException, InterruptedException {
    return CLIENT.send(
        authorized(server.endpoint().resolve("/v1/" + PENDING_REBOOT + ":cancel"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> get(dev.amapi.ops.domain.OperationName name)
      throws IOException, InterruptedException {
    return CLIENT.send(
        authorized(server.endpoint().resolve("/v1/" + name)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest.Builder authorized(URI uri) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer t")
        .timeout(Duration.ofSeconds(10));
  }

  /** Posts a cancel over a raw socket and returns every byte the server sent until it closed. */
  private static String rawPost(FakeAmapiServer target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", target.endpoint().getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /v1/"
                      + PENDING_REBOOT
                      + ":cancel HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Authorization: Bearer t\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** Returns the sizes of the chunks of a raw chunked answer, the last (0) left out. */
  private static java.util.List<Integer> chunkSizes(String raw) {
    java.util.List<Integer> sizes = new java.util.ArrayList<>();
    int at = raw.indexOf("\r\n\r\n") + 4;
    while (at < raw.length()) {
      int lineEnd = raw.indexOf("\r\n", at);
      int size = Integer.parseInt(raw.substring(at, lineEnd).strip(), 16);
      if (size == 0) {
        break;
      }
      sizes.add(size);
      at = lineEnd + 2 + size + 2;
    }
    return sizes;
  }

  private static String messages(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    }
    return out.toString();
  }
}
