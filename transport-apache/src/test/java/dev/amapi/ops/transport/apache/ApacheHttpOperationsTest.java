package dev.amapi.ops.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeResponse;
import dev.amapi.ops.testkit.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheHttpOperationsTest {
  private static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final AccessTokenSource TOKENS =
      AccessTokenSource.fixed(AccessToken.of("test-token"));

  private FakeAmapiServer server;
  private DeviceOperations ops;

  @BeforeEach
  void start() {
    server = FakeAmapiServer.start();
    ops = builder(server.endpoint()).build();
  }

  @AfterEach
  void stop() {
    ops.close();
    server.close();
  }

  private static ApacheHttpOperations.Builder builder(URI endpoint) {
    return ApacheHttpOperations.builder()
        .endpoint(endpoint)
        .tokenSource(TOKENS)
        .retryPolicy(RetryPolicy.none());
  }

  private Operation pendingReboot() {
    return server
        .operations()
        .issueCommand(
            DEVICE,
            Command.builder(CommandType.REBOOT)
                .createTime(Instant.parse("2026-08-06T20:38:43.669Z"))
                .duration(Duration.ofMinutes(10))
                .build());
  }

  @Test
  void cancel_pendingOperation_getsItBackCancelledAndListsItAcrossPages() {
    Operation first = pendingReboot();
    Operation second = pendingReboot();
    Operation reboot = pendingReboot();

    ops.cancel(reboot.name());
    Operation after = ops.get(reboot.name());
    OperationsPage page1 = ops.list(DEVICE, ListOperationsRequest.firstPage().withPageSize(2));
    OperationsPage page2 =
        ops.list(
            DEVICE,
            ListOperationsRequest.firstPage().withPageSize(2).withPageToken(page1.nextPageToken()));

    assertThat(after.done()).isTrue();
    assertThat(after.isCancelled()).isTrue();
    assertThat(after.error().orElseThrow().code()).isEqualTo(Code.CANCELLED);
    assertThat(after.metadata().orElseThrow().type()).isEqualTo(CommandType.REBOOT);
    assertThat(page1.operations())
        .extracting(Operation::name)
        .containsExactly(first.name(), second.name());
    assertThat(page1.nextPage()).isPresent();
    assertThat(page2.operations()).containsExactly(after);
    assertThat(page2.nextPage()).isEmpty();
  }

  @Test
  void cancel_sendsAnEmptyPostWithTheSdksHeaders() {
    OperationName name = pendingReboot().name();

    ops.cancel(name);

    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/" + name + ":cancel");
    assertThat(request.body()).isEmpty();
    assertThat(request.header("content-length")).hasValue("0");
    assertThat(request.header("transfer-encoding")).isEmpty();
    assertThat(request.header("content-encoding")).isEmpty();
    assertThat(request.header("content-type")).isEmpty();
    assertThat(request.header("authorization")).hasValue("Bearer test-token");
    assertThat(request.header("user-agent").orElseThrow()).startsWith("amapi-ops/");
    assertThat(request.header("x-goog-api-client").orElseThrow())
        .contains("amapi-ops/")
        .startsWith("gl-java/");
  }

  @Test
  void get_sendsAGetWithoutABody() {
    OperationName name = pendingReboot().name();

    ops.get(name);

    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/" + name);
    assertThat(request.body()).isEmpty();
    assertThat(request.header("transfer-encoding")).isEmpty();
    assertThat(request.header("cookie")).isEmpty();
  }

  @Test
  void cancelAsync_pendingOperation_completesAndCancels() {
    OperationName name = pendingReboot().name();

    ops.cancelAsync(name).join();

    assertThat(ops.getAsync(name).join().isCancelled()).isTrue();
  }

  @Test
  void cancel_unknownOperation_throwsNotFoundKeepingTheServersWords() {
    OperationName missing = DEVICE.operation("404");

    assertThatThrownBy(() -> ops.cancel(missing))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
              assertThat(e.httpStatus()).hasValue(404);
              assertThat(e.status().message()).isNotEmpty();
            });
  }

  @Test
  void listAll_walksEveryPageLazily() {
    List<OperationName> issued =
        IntStream.range(0, 5).mapToObj(i -> pendingReboot().name()).collect(Collectors.toList());

    List<OperationName> listed =
        ops.listAll(DEVICE, ListOperationsRequest.firstPage().withPageSize(2))
            .map(Operation::name)
            .collect(Collectors.toList());

    assertThat(listed).containsExactlyElementsOf(issued);
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void operationIdThatNeedsEscaping_reachesTheRightOperation() {
    OperationName odd = DEVICE.operation("a:b+cé");
    server.operations().seed(Operation.pending(odd, Command.builder(CommandType.LOCK).build()));

    ops.cancel(odd);

    assertThat(server.takeRequest(WAIT).path())
        .isEqualTo(
            "/v1/enterprises/LC03k6enk8/devices/36c339908766f292/operations/a%3Ab%2Bc%C3%A9:cancel");
    assertThat(server.operations().operation(odd).orElseThrow().isCancelled()).isTrue();
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
  void callAfterClose_throwsWithoutSending() {
    ops.close();

    assertThatThrownBy(() -> ops.get(DEVICE.operation("1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void close_twice_isHarmless() {
    ops.close();
    ops.close();

    assertThat(ops.getAsync(DEVICE.operation("1"))).isCompletedExceptionally();
  }

  @Test
  void cancel_stalledServer_failsWithDeadlineExceeded() {
    server.enqueue(FakeResponse.stall());
    try (DeviceOperations impatient =
        builder(server.endpoint()).requestTimeout(Duration.ofMillis(300)).build()) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> impatient.cancel(DEVICE.operation("1")))
          .isInstanceOfSatisfying(
              AmapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
                assertThat(e.httpStatus()).isEmpty();
                // Whichever fires first: the hard deadline or the client's response timeout.
                assertThat(e.getCause())
                    .isInstanceOfAny(TimeoutException.class, SocketTimeoutException.class);
                assertThat(e.getMessage()).contains("300 ms");
              });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void getAsync_stalledServer_failsWithDeadlineExceeded() {
    server.enqueue(FakeResponse.stall());
    try (DeviceOperations impatient =
        builder(server.endpoint()).requestTimeout(Duration.ofMillis(300)).build()) {

      CompletableFuture<Operation> answer = impatient.getAsync(DEVICE.operation("1"));

      assertThatThrownBy(answer::join)
          .cause()
          .isInstanceOfSatisfying(
              AmapiException.class, e -> assertThat(e.code()).isEqualTo(Code.DEADLINE_EXCEEDED));
    }
  }

  @Test
  void getAsync_cancelledByTheCaller_isCancelled() {
    server.enqueue(FakeResponse.stall());

    CompletableFuture<Operation> answer = ops.getAsync(DEVICE.operation("1"));
    server.takeRequest(WAIT);
    answer.cancel(true);

    assertThat(answer).isCancelled();
  }

  @Test
  void get_refusedConnection_failsWithUnavailable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    try (DeviceOperations nowhere = builder(URI.create("http://127.0.0.1:" + port + "/")).build()) {

      assertThatThrownBy(() -> nowhere.get(DEVICE.operation("1")))
          .isInstanceOfSatisfying(
              AmapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(Code.UNAVAILABLE);
                assertThat(e.httpStatus()).isEmpty();
                assertThat(e.getCause()).isInstanceOf(IOException.class);
              });
    }
  }

  @Test
  void get_serverDropsTheConnection_failsWithUnavailable() {
    server.enqueue(FakeResponse.disconnect());

    assertThatThrownBy(() -> ops.get(DEVICE.operation("1")))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.UNAVAILABLE);
              assertThat(e.getCause()).isInstanceOf(IOException.class);
            });
  }

  @Test
  void get_bodyLargerThanMaxResponseBytes_failsWithoutReadingItAll() {
    byte[] huge = new byte[16 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    server.enqueue(FakeResponse.raw(200, FakeResponse.JSON_CONTENT_TYPE, huge));
    server.enqueue(FakeResponse.json(200, "{}"));
    try (DeviceOperations capped = builder(server.endpoint()).maxResponseBytes(1024).build()) {

      assertThatThrownBy(() -> capped.get(DEVICE.operation("1")))
          .isInstanceOfSatisfying(
              AmapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(Code.OUT_OF_RANGE);
                assertThat(e.getMessage()).contains("maxResponseBytes");
              });
      // The cut connection is not reused: the next call gets a fresh one and its own answer.
      capped.cancel(DEVICE.operation("2"));
    }
  }

  @Test
  void close_leavesTheCallersClientRunning() throws Exception {
    OperationName name = pendingReboot().name();
    CloseableHttpAsyncClient own =
        HttpAsyncClients.custom().disableAutomaticRetries().disableRedirectHandling().build();
    own.start();
    try {
      DeviceOperations first = builder(server.endpoint()).httpClient(own).build();
      first.get(name);
      first.close();

      try (DeviceOperations second = builder(server.endpoint()).httpClient(own).build()) {
        assertThat(second.get(name).name()).isEqualTo(name);
      }
      assertThat(own.getStatus()).isEqualTo(IOReactorStatus.ACTIVE);
    } finally {
      own.close(CloseMode.IMMEDIATE);
    }
  }

  @Test
  void close_endsTheThreadsTheSdkStarted() throws InterruptedException {
    ops.get(pendingReboot().name());
    assertThat(sdkThreads()).isNotEmpty();

    ops.close();

    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (!sdkThreads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(sdkThreads()).isEmpty();
  }

  @Test
  void build_nonPositiveMaxConnections_throwsNamingIt() {
    assertThatThrownBy(() -> builder(server.endpoint()).maxConnections(0).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxConnections must be positive, was 0");
  }

  @Test
  void build_maxConnectionsWithTheCallersClient_throws() {
    CloseableHttpAsyncClient own = HttpAsyncClients.custom().build();
    try {
      assertThatThrownBy(() -> builder(server.endpoint()).httpClient(own).maxConnections(8).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("maxConnections");
    } finally {
      own.close(CloseMode.IMMEDIATE);
    }
  }

  private static List<String> sdkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("amapi-apache-http"))
        .collect(Collectors.toList());
  }
}
