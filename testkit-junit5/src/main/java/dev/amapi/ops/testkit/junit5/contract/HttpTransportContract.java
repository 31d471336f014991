package dev.amapi.ops.testkit.junit5.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandParams;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.rest.WireFormat;
import dev.amapi.ops.rest.event.AttemptEnd;
import dev.amapi.ops.rest.event.CallEnd;
import dev.amapi.ops.rest.event.CallListener;
import dev.amapi.ops.rest.event.CallStart;
import dev.amapi.ops.rest.event.OperationKind;
import dev.amapi.ops.rest.event.RetryReason;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeResponse;
import dev.amapi.ops.testkit.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every HTTP transport does alike on the wire, on top of the {@link OperationsContract}: the
 * request it sends, how it reads every kind of error body, how it fails when no answer comes
 * (stall, refusal, dropped connection) or too much of one does (maxResponseBytes), and what close
 * and a caller's cancel leave behind. Extend it with a builder of the transport.
 */
public abstract class HttpTransportContract extends OperationsContract {
  /** The token the suite's clients send. */
  protected static final String TOKEN = "contract-token";

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

  /** For a transport's contract test, which subclasses this suite. */
  protected HttpTransportContract() {}

  /**
   * Returns a new builder of the transport under test, with its defaults.
   *
   * @return a new builder of the transport under test, with its defaults
   */
  protected abstract DeviceOperationsBuilder<?> newBuilder();

  /**
   * Returns how many times the transport's library resends a {@code GET} by itself when a
   * connection closes before any answer byte, within one of the SDK's attempts: 0 unless the
   * library cannot be told not to. The JDK's {@code HttpClient} resends once.
   *
   * @return the library's own resends per attempt
   */
  protected int libraryResendsPerAttempt() {
    return 0;
  }

  @Override
  protected final DeviceOperations connect(FakeAmapiServer server) {
    return clientOf(server.endpoint());
  }

  /** Returns a client of {@code endpoint} that sends {@link #TOKEN} and never retries. */
  private DeviceOperations clientOf(URI endpoint) {
    return clientOf(endpoint, UnaryOperator.identity());
  }

  /** Returns a client as {@link #clientOf(URI)} would, with the test's own settings on top. */
  private DeviceOperations clientOf(
      URI endpoint, UnaryOperator<DeviceOperationsBuilder<?>> settings) {
    return settings
        .apply(
            newBuilder()
                .endpoint(endpoint)
                .tokenSource(AccessTokenSource.fixed(AccessToken.of(TOKEN)))
                .retryPolicy(RetryPolicy.none()))
        .build();
  }

  /** Tests that cancel is a POST with no body, Content-Length 0, and the SDK's headers. */
  @Test
  void cancel_sendsAnEmptyPostWithTheSdksHeaders() {
    OperationName name = pendingReboot().name();

    ops().cancel(name);

    RecordedRequest request = server().takeRequest(WAIT);
    assertEquals("POST", request.method());
    assertEquals("/v1/" + name + ":cancel", request.path());
    assertEquals(0, request.body().length);
    assertEquals("0", request.header("content-length").orElse("absent"));
    // No transport may chunk or encode the empty body (Google's client gzips it: slow).
    assertTrue(request.header("transfer-encoding").isEmpty());
    assertTrue(request.header("content-encoding").isEmpty());
    assertTrue(request.header("content-type").isEmpty(), "no body, no type");
    assertEquals("Bearer " + TOKEN, request.header("authorization").orElseThrow());
    assertTrue(request.header("user-agent").orElseThrow().startsWith("amapi-ops/"));
    String apiClient = request.header("x-goog-api-client").orElseThrow();
    assertTrue(apiClient.startsWith("gl-java/") && apiClient.contains("amapi-ops/"), apiClient);
  }

  /** Tests that get is a GET of the operation's path, with the token and no body. */
  @Test
  void get_sendsAGetOfTheOperation() {
    OperationName name = pendingReboot().name();

    ops().get(name);

    RecordedRequest request = server().takeRequest(WAIT);
    assertEquals("GET", request.method());
    assertEquals("/v1/" + name, request.path());
    assertEquals("", request.query());
    assertEquals(0, request.body().length);
    assertTrue(request.header("transfer-encoding").isEmpty());
    assertTrue(request.header("cookie").isEmpty());
    assertEquals("Bearer " + TOKEN, request.header("authorization").orElseThrow());
  }

  /** Tests that list sends the page size and token as query parameters. */
  @Test
  void list_sendsPageSizeAndToken() {
    ops().list(DEVICE, dev.amapi.ops.domain.ListOperationsRequest.firstPage().withPageSize(2));

    RecordedRequest request = server().takeRequest(WAIT);
    assertEquals("/v1/" + DEVICE + "/operations", request.path());
    assertEquals("2", request.queryParameter("pageSize").orElseThrow());
  }

  /**
   * Tests that every reference error body reaches the caller as the binding decodes it: code,
   * message, details and HTTP status.
   */
  @TestFactory
  Stream<DynamicTest> errorBody_reachesTheCallerAsTheServerSaidIt() {
    return ReferencePayloads.ERROR_FILES.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file,
                    () -> {
                      try (FakeAmapiServer scripted = FakeAmapiServer.start();
                          DeviceOperations client = clientOf(scripted.endpoint())) {
                        int status = ReferencePayloads.httpStatusOf(file);
                        byte[] body = ReferencePayloads.error(file);
                        String type = file.endsWith(".json") ? "application/json" : "text/html";
                        scripted.enqueue(FakeResponse.raw(status, type, body));

                        AmapiException e =
                            assertThrows(
                                AmapiException.class, () -> client.cancel(DEVICE.operation("1")));

                        assertEquals(WireFormat.readError(status, body, false), e.status());
                        assertEquals(status, e.httpStatus().orElse(-1));
                      }
                    }));
  }

  /** Tests that a 401 asks the token source for a fresh token once and retries with it. */
  @Test
  void unauthenticated_refreshesTheTokenOnceAndRetries() {
    AtomicInteger refreshes = new AtomicInteger();
    AccessTokenSource rotating =
        new AccessTokenSource() {
          @Override
          public AccessToken token() {
            return AccessToken.of("stale");
          }

          @Override
          public AccessToken refresh(AccessToken rejected) {
            refreshes.incrementAndGet();
            return AccessToken.of("fresh");
          }
        };
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client =
            clientOf(scripted.endpoint(), builder -> builder.tokenSource(rotating))) {
      scripted.enqueue(
          FakeResponse.raw(
              401, "application/json", ReferencePayloads.error("401-unauthenticated.json")));
      scripted.enqueue(FakeResponse.json(200, "{}"));

      client.cancel(DEVICE.operation("1"));

      assertEquals(1, refreshes.get());
      assertEquals(
          "Bearer stale", scripted.takeRequest(WAIT).header("authorization").orElseThrow());
      assertEquals(
          "Bearer fresh", scripted.takeRequest(WAIT).header("authorization").orElseThrow());
    }
  }

  /** Tests that a second 401 surfaces as UNAUTHENTICATED, after one refresh. */
  @Test
  void unauthenticated_twice_throwsUnauthenticated() {
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client = clientOf(scripted.endpoint())) {
      byte[] body = ReferencePayloads.error("401-unauthenticated.json");
      scripted.enqueue(FakeResponse.raw(401, "application/json", body));
      scripted.enqueue(FakeResponse.raw(401, "application/json", body));

      AmapiException e =
          assertThrows(AmapiException.class, () -> client.get(DEVICE.operation("1")));

      assertEquals(Code.UNAUTHENTICATED, e.code());
      // A source that cannot refresh hands back the same token: no pointless retry.
      assertEquals(1, scripted.requestCount());
    }
  }

  /** Tests that UNAVAILABLE is retried as the policy says, and the retry's answer returned. */
  @Test
  void unavailable_isRetriedByThePolicy() {
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client =
            clientOf(
                scripted.endpoint(),
                builder ->
                    builder.retryPolicy(
                        RetryPolicy.of(
                            3,
                            Duration.ofMillis(5),
                            Duration.ofMillis(20),
                            EnumSet.of(Code.UNAVAILABLE))))) {
      byte[] unavailable = ReferencePayloads.error("503-unavailable.json");
      scripted.enqueue(FakeResponse.raw(503, "application/json", unavailable));
      scripted.enqueue(FakeResponse.raw(503, "application/json", unavailable));
      scripted.enqueue(FakeResponse.json(200, "{}"));

      client.cancelAsync(DEVICE.operation("1")).join();

      assertEquals(3, scripted.requestCount());
    }
  }

  /**
   * Tests that the issue goes out as the API defines it: a POST to the device's {@code
   * :issueCommand} with the command as JSON, and the server read back what was sent.
   */
  @Test
  void issueCommand_sendsTheCommandAsJson() {
    for (Command sent : everyCommandType()) {
      ops().issueCommand(DEVICE, sent);

      List<RecordedRequest> issues = server().requestsTo(DEVICE + ":issueCommand");
      RecordedRequest request = issues.get(issues.size() - 1);
      assertEquals("POST", request.method());
      assertTrue(
          request.header("content-type").orElse("").startsWith("application/json"),
          String.valueOf(request.header("content-type")));
      assertEquals(sent, WireFormat.readCommandRequest(request.body()), sent.type().name());
    }
  }

  /** Tests that a 400 with details comes back as INVALID_ARGUMENT with the server's details. */
  @Test
  void issueCommand_badRequest_carriesTheServersDetails() {
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client = clientOf(scripted.endpoint())) {
      scripted.enqueue(
          FakeResponse.json(
              400,
              "{\"error\":{\"code\":400,\"message\":\"Invalid value at 'command.type'\","
                  + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                  + "\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":"
                  + "[{\"field\":\"command.type\",\"description\":\"Invalid value\"}]}]}}"));

      AmapiException e =
          assertThrows(
              AmapiException.class,
              () -> client.issueCommand(DEVICE, Command.builder(CommandType.LOCK).build()));

      assertEquals(Code.INVALID_ARGUMENT, e.code());
      assertEquals(400, e.httpStatus().orElse(-1));
      assertTrue(String.valueOf(e.getMessage()).contains("command.type"), e.getMessage());
      assertEquals(
          "command.type",
          e.status()
              .detail(ErrorDetail.BadRequest.class)
              .orElseThrow()
              .fieldViolations()
              .get(0)
              .field());
    }
  }

  /**
   * Tests that the bare 500 the API gives some invalid payloads says what to check, and never holds
   * the new password that was sent.
   */
  @Test
  void issueCommand_500WithEmptyMessage_saysToCheckTheCommand() {
    String password = "n3w-Passw0rd-never-shown";
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client = clientOf(scripted.endpoint())) {
      scripted.enqueue(
          FakeResponse.json(
              500, "{\"error\":{\"code\":500,\"message\":\"\",\"status\":\"INTERNAL\"}}"));
      Command reset =
          Command.builder(CommandType.RESET_PASSWORD)
              .params(new CommandParams.ResetPassword(password, List.of()))
              .build();

      AmapiException e =
          assertThrows(AmapiException.class, () -> client.issueCommand(DEVICE, reset));

      assertEquals(Code.INTERNAL, e.code());
      assertEquals(500, e.httpStatus().orElse(-1));
      String message = String.valueOf(e.getMessage());
      assertTrue(message.contains("check the command's type and parameters"), message);
      assertFalse(message.contains(password), message);
      assertFalse(String.valueOf(e.status()).contains(password));
    }
  }

  /** Tests that a 200 whose body is not JSON is an error naming the body, not a parser crash. */
  @Test
  void okWithHtmlBody_throwsWithAReadableExcerpt() {
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client = clientOf(scripted.endpoint())) {
      scripted.enqueue(
          FakeResponse.raw(
              200,
              "text/html",
              "<html><body>Captive portal login</body></html>"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

      AmapiException e =
          assertThrows(AmapiException.class, () -> client.get(DEVICE.operation("1")));

      assertEquals(200, e.httpStatus().orElse(-1));
      assertTrue(String.valueOf(e.getMessage()).contains("Captive portal login"), e.getMessage());
    }
  }

  /** Tests that a server that accepts but never answers fails with DEADLINE_EXCEEDED. */
  @Test
  void stalledServer_failsWithDeadlineExceeded() {
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client =
            clientOf(scripted.endpoint(), builder -> builder.requestTimeout(SHORT_TIMEOUT))) {
      scripted.enqueue(FakeResponse.stall());

      // Bounded by a hang guard, not timed: the call must give up by itself.
      AmapiException e =
          assertThrows(
              AmapiException.class,
              () -> assertTimeoutPreemptively(WAIT, () -> client.cancel(DEVICE.operation("1"))));

      assertEquals(Code.DEADLINE_EXCEEDED, e.code());
      assertTrue(e.httpStatus().isEmpty());
      assertTrue(String.valueOf(e.getMessage()).contains("300 ms"), e.getMessage());
      // The binding's clock decides, the same for every transport and JDK: its TimeoutException,
      // with whatever the library raised as the exchange was aborted kept inside it.
      Throwable cause = e.getCause();
      assertInstanceOf(TimeoutException.class, cause, "the binding's deadline is the cause");
    }
  }

  /** Tests that the async form fails the same way on a stall. */
  @Test
  void stalledServer_asyncFailsWithDeadlineExceeded() {
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client =
            clientOf(scripted.endpoint(), builder -> builder.requestTimeout(SHORT_TIMEOUT))) {
      scripted.enqueue(FakeResponse.stall());

      CompletionException e =
          assertThrows(
              CompletionException.class, () -> client.getAsync(DEVICE.operation("1")).join());

      assertEquals(
          Code.DEADLINE_EXCEEDED, assertInstanceOf(AmapiException.class, e.getCause()).code());
    }
  }

  /** Tests that a refused connection fails with UNAVAILABLE, the cause kept. */
  @Test
  void refusedConnection_failsWithUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (DeviceOperations client = clientOf(URI.create("http://127.0.0.1:" + closedPort + "/"))) {

      AmapiException e =
          assertThrows(AmapiException.class, () -> client.cancel(DEVICE.operation("1")));

      assertEquals(Code.UNAVAILABLE, e.code());
      assertTrue(e.httpStatus().isEmpty());
      assertInstanceOf(IOException.class, e.getCause(), "the library's exception is kept");
    }
  }

  /** Tests that a cancel whose connection closes without an answer fails with UNAVAILABLE. */
  @Test
  void droppedConnection_onCancel_failsWithUnavailable() {
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client = clientOf(scripted.endpoint())) {
      scripted.enqueue(FakeResponse.disconnect());

      AmapiException e =
          assertThrows(AmapiException.class, () -> client.cancel(DEVICE.operation("1")));

      assertEquals(Code.UNAVAILABLE, e.code());
      assertNotNull(e.getCause());
      assertEquals(1, scripted.requestCount(), "a POST is never repeated by the library");
    }
  }

  /** Tests that a get whose connection closes without an answer fails with UNAVAILABLE. */
  @Test
  void droppedConnection_onGet_failsWithUnavailable() {
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client = clientOf(scripted.endpoint())) {
      // Transports differ here: the JDK's HttpClient repeats an idempotent GET once when the
      // connection closes before any answer, and no per-client switch turns that off. So the
      // server drops the connection twice.
      scripted.enqueue(FakeResponse.disconnect());
      scripted.enqueue(FakeResponse.disconnect());

      AmapiException e =
          assertThrows(AmapiException.class, () -> client.get(DEVICE.operation("1")));

      assertEquals(Code.UNAVAILABLE, e.code());
      assertInstanceOf(IOException.class, e.getCause());
    }
  }

  /** Tests that a connection the stateful server drops fails with UNAVAILABLE, state unchanged. */
  @Test
  void droppedConnection_scriptedOnTheState_failsWithUnavailableAndChangesNothing() {
    OperationName name = pendingReboot().name();
    server().dropNextRequests(1);

    AmapiException e = assertThrows(AmapiException.class, () -> ops().cancel(name));

    assertEquals(Code.UNAVAILABLE, e.code());
    assertTrue(e.httpStatus().isEmpty(), "no answer, no HTTP status");
    assertFalse(ops().get(name).done());
  }

  /**
   * Tests that an answer whose body is not JSON fails with UNKNOWN, its HTTP status and excerpt.
   */
  @Test
  void malformedAnswer_failsWithUnknownAndAnExcerpt() {
    OperationName name = pendingReboot().name();
    server().malformNextAnswers(1);

    AmapiException e = assertThrows(AmapiException.class, () -> ops().get(name));

    assertEquals(Code.UNKNOWN, e.code());
    assertEquals(200, e.httpStatus().orElse(-1));
    assertTrue(String.valueOf(e.getMessage()).contains("malformNextAnswers"), e.getMessage());
  }

  /** Tests that an answer whose JSON is cut short fails with UNKNOWN, not a parser exception. */
  @Test
  void truncatedAnswer_failsWithUnknown() {
    OperationName name = pendingReboot().name();
    server().truncateNextAnswers(2);

    AmapiException get = assertThrows(AmapiException.class, () -> ops().get(name));
    AmapiException cancel = assertThrows(AmapiException.class, () -> ops().cancel(name));

    assertEquals(Code.UNKNOWN, get.code());
    assertEquals(200, get.httpStatus().orElse(-1));
    assertEquals(Code.UNKNOWN, cancel.code());
    // The cancel reached the state; only its answer was cut.
    assertTrue(server().operations().operation(name).map(Operation::isCancelled).orElse(false));
  }

  /** Tests that a scripted failure's Retry-After reaches the retry policy, which waits for it. */
  @Test
  void failNextCalls_withRetryAfter_isHonouredByTheRetryPolicy() {
    OperationName name = pendingReboot().name();
    server().operations().failNextCalls(1, Code.RESOURCE_EXHAUSTED, 429, Duration.ofSeconds(1));
    // A backoff of 1 ms, so the wait is the server's; its cap above the Retry-After, which the
    // policy would refuse to wait for otherwise.
    try (DeviceOperations client =
        clientOf(
            server().endpoint(),
            builder ->
                builder.retryPolicy(
                    RetryPolicy.of(
                        2,
                        Duration.ofMillis(1),
                        Duration.ofSeconds(2),
                        EnumSet.of(Code.RESOURCE_EXHAUSTED))))) {
      long start = System.nanoTime();

      client.cancel(name);

      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(elapsed.compareTo(Duration.ofMillis(950)) >= 0, "retried after " + elapsed);
      assertEquals(2, server().requestsTo(name + ":cancel").size());
    }
  }

  /** Tests that a scripted latency longer than the request timeout fails with DEADLINE_EXCEEDED. */
  @Test
  void latencyLongerThanTheTimeout_failsWithDeadlineExceeded() {
    OperationName name = pendingReboot().name();
    server().operations().latency(Duration.ofSeconds(3));
    try (DeviceOperations client =
        clientOf(server().endpoint(), builder -> builder.requestTimeout(SHORT_TIMEOUT))) {

      AmapiException e = assertThrows(AmapiException.class, () -> client.get(name));

      assertEquals(Code.DEADLINE_EXCEEDED, e.code());
    }
  }

  /** Tests that a token the server was told not to accept gets UNAUTHENTICATED. */
  @Test
  void tokenNotAccepted_failsWithUnauthenticated() {
    OperationName name = pendingReboot().name();
    server().acceptOnly("another-token"::equals);

    AmapiException e = assertThrows(AmapiException.class, () -> ops().get(name));

    assertEquals(Code.UNAUTHENTICATED, e.code());
    assertEquals(401, e.httpStatus().orElse(-1));
    assertEquals(0, server().operations().getCount(name), "rejected before the state");
  }

  /** Tests that close() ends every thread the transport created: the count is back to before. */
  @Test
  void close_leavesNoThreadOfTheTransportBehind() throws InterruptedException {
    Set<Long> before = liveThreadIds();
    DeviceOperations client = clientOf(server().endpoint());
    OperationName name = pendingReboot().name();
    client.cancel(name);
    client.getAsync(name).join();
    assertFalse(threadsStartedSince(before).isEmpty(), "the transport works on threads of its own");

    client.close();

    // Java 17's HttpClient has no close(): its selector thread ends once the client is
    // unreachable, which needs a collection; Java 21+ closes it directly.
    List<String> left = List.of();
    for (int i = 0; i < 100; i++) {
      System.gc();
      left = threadsStartedSince(before);
      if (left.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(List.of(), left, "threads still alive after close()");
  }

  /** Tests that close() closes every connection the transport pooled. */
  @Test
  void close_closesEveryPooledConnection() throws InterruptedException {
    try (LoopbackRelay relay = LoopbackRelay.to(server().endpoint())) {
      DeviceOperations client = clientOf(relay.endpoint());
      OperationName name = pendingReboot().name();
      List<CompletableFuture<Operation>> reads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        reads.add(client.getAsync(name));
      }
      reads.forEach(CompletableFuture::join);
      client.cancel(name);
      assertTrue(relay.openConnections() > 0, "the transport keeps connections for reuse");

      client.close();

      // As for threads: on Java 17 the JDK client's connections close once it is collected.
      int open = relay.openConnections();
      for (int i = 0; i < 100 && open > 0; i++) {
        System.gc();
        Thread.sleep(100);
        open = relay.openConnections();
      }
      assertEquals(0, open, "connections still open after close()");
    }
  }

  /** Tests that a connection reset (TCP RST) fails with UNAVAILABLE, the cause kept. */
  @Test
  void resetConnection_failsWithUnavailable() {
    try (LoopbackRelay peer = LoopbackRelay.resettingEveryConnection();
        DeviceOperations client = clientOf(peer.endpoint())) {

      AmapiException e =
          assertThrows(AmapiException.class, () -> client.cancel(DEVICE.operation("1")));

      assertEquals(Code.UNAVAILABLE, e.code());
      assertNotNull(e.getCause(), "the library's exception is kept");
    }
  }

  /**
   * Tests that close() ends the calls still waiting for an answer, sync and async, instead of
   * leaving them blocked on a client that no longer runs.
   */
  @Test
  void close_whileCallsWait_endsThem() throws Exception {
    try (FakeAmapiServer scripted = FakeAmapiServer.start()) {
      scripted.enqueue(FakeResponse.stall());
      scripted.enqueue(FakeResponse.stall());
      DeviceOperations client =
          clientOf(scripted.endpoint(), builder -> builder.requestTimeout(Duration.ofSeconds(60)));
      CompletableFuture<Operation> async = client.getAsync(DEVICE.operation("1"));
      CompletableFuture<Operation> sync =
          CompletableFuture.supplyAsync(() -> client.get(DEVICE.operation("2")));
      while (scripted.requestCount() < 2) {
        Thread.sleep(5);
      }

      client.close();

      // Each ends one way or another, promptly: closed, or no answer; never a 60 s wait.
      for (CompletableFuture<Operation> call : List.of(async, sync)) {
        CompletionException e =
            assertThrows(
                CompletionException.class,
                () -> assertTimeoutPreemptively(WAIT, () -> call.join()));
        assertTrue(
            e.getCause() instanceof IllegalStateException || e.getCause() instanceof AmapiException,
            String.valueOf(e.getCause()));
      }
    }
  }

  /**
   * Tests that calls after close(), sync or async, and after a second close(), send nothing; that
   * they fail as closed is in {@link OperationsContract}.
   */
  @Test
  void callsAfterClose_sendNothing() {
    ops().close();
    ops().close();

    assertThrows(IllegalStateException.class, () -> ops().get(DEVICE.operation("1")));
    CompletableFuture<Operation> answer = ops().getAsync(DEVICE.operation("1"));
    assertThrows(CompletionException.class, answer::join);

    assertEquals(0, server().requestCount(), "nothing was sent");
  }

  /** Tests that an operation ID that needs escaping is escaped once and reaches its operation. */
  @Test
  void operationIdThatNeedsEscaping_reachesTheRightOperation() {
    OperationName odd = DEVICE.operation("a:b+c~é");
    state().seed(Operation.pending(odd, Command.builder(CommandType.LOCK).build()));

    ops().cancel(odd);

    assertEquals(
        "/v1/" + DEVICE + "/operations/a%3Ab%2Bc~%C3%A9:cancel", server().takeRequest(WAIT).path());
    assertTrue(state().operation(odd).orElseThrow().isCancelled());
  }

  /**
   * Tests that a body larger than maxResponseBytes fails with OUT_OF_RANGE once the cap is passed,
   * without waiting for the rest of it.
   */
  @Test
  void bodyLargerThanMaxResponseBytes_failsWithoutReadingItAll() {
    try (LoopbackRelay peer = LoopbackRelay.answeringWithAnEndlessBody();
        DeviceOperations client =
            clientOf(peer.endpoint(), builder -> builder.maxResponseBytes(1024))) {

      // Bounded: the rest of the body never comes, so a transport reading on would wait for it.
      AmapiException e =
          assertThrows(
              AmapiException.class,
              () -> assertTimeoutPreemptively(WAIT, () -> client.get(DEVICE.operation("1"))));

      assertEquals(Code.OUT_OF_RANGE, e.code());
      assertTrue(String.valueOf(e.getMessage()).contains("maxResponseBytes"), e.getMessage());
    }
  }

  /**
   * Tests that a server that sends the headers and then stalls the body fails the call with
   * DEADLINE_EXCEEDED within the request timeout: the timeout bounds the whole exchange.
   */
  @Test
  void bodyThatStalls_failsWithDeadlineExceeded() {
    try (LoopbackRelay peer = LoopbackRelay.answeringWithAnEndlessBody();
        DeviceOperations client =
            clientOf(
                peer.endpoint(),
                builder ->
                    builder.requestTimeout(SHORT_TIMEOUT).maxResponseBytes(16 * 1024 * 1024))) {

      AmapiException e =
          assertThrows(
              AmapiException.class,
              () -> assertTimeoutPreemptively(WAIT, () -> client.get(DEVICE.operation("1"))));

      assertEquals(Code.DEADLINE_EXCEEDED, e.code());
      assertNotNull(e.getCause(), "the cause is kept");
    }
  }

  /** Tests that after a body cut at maxResponseBytes the next call gets its own answer. */
  @Test
  void bodyLargerThanMaxResponseBytes_theNextCallStillWorks() {
    byte[] huge = new byte[16 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client =
            clientOf(scripted.endpoint(), builder -> builder.maxResponseBytes(1024))) {
      scripted.enqueue(FakeResponse.raw(200, FakeResponse.JSON_CONTENT_TYPE, huge));
      scripted.enqueue(FakeResponse.json(200, "{}"));

      AmapiException e =
          assertThrows(AmapiException.class, () -> client.get(DEVICE.operation("1")));
      // The cut connection is not reused: the next call gets a fresh one and its own answer.
      client.cancel(DEVICE.operation("2"));

      assertEquals(Code.OUT_OF_RANGE, e.code());
      assertEquals(2, scripted.requestCount());
    }
  }

  /** Tests that an async call the caller cancels ends cancelled, and the client goes on working. */
  @Test
  void asyncCall_cancelledByTheCaller_endsCancelledAndNothingHangs() throws Exception {
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client = clientOf(scripted.endpoint())) {
      scripted.enqueue(FakeResponse.stall());
      scripted.enqueue(FakeResponse.json(200, "{}"));
      CompletableFuture<Operation> answer = client.getAsync(DEVICE.operation("1"));
      scripted.takeRequest(WAIT);

      answer.cancel(true);

      assertTrue(answer.isCancelled());
      assertThrows(CancellationException.class, answer::join);
      client.cancelAsync(DEVICE.operation("2")).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals(2, scripted.requestCount(), "the cancelled call is not sent again");
    }
  }

  /**
   * Tests that a connection closed or reset before any answer byte reaches the server no more often
   * than the retry policy's attempts (times the library's own resends, where it cannot be switched
   * off), for a GET and a POST, and ends with UNAVAILABLE.
   */
  @Test
  void connectionLostBeforeAnyByte_isSentAtMostThePolicysAttempts() {
    RetryPolicy threeAttempts =
        RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(5), EnumSet.of(Code.UNAVAILABLE));
    for (boolean reset : List.of(true, false)) {
      try (LoopbackRelay peer =
              reset
                  ? LoopbackRelay.resettingEveryConnection()
                  : LoopbackRelay.closingEveryConnection();
          DeviceOperations client =
              clientOf(peer.endpoint(), builder -> builder.retryPolicy(threeAttempts))) {

        AmapiException get =
            assertThrows(
                AmapiException.class,
                () -> assertTimeoutPreemptively(WAIT, () -> client.get(DEVICE.operation("1"))));
        int gets = peer.acceptedConnections();
        AmapiException cancel =
            assertThrows(
                AmapiException.class,
                () -> assertTimeoutPreemptively(WAIT, () -> client.cancel(DEVICE.operation("1"))));
        int cancels = peer.acceptedConnections() - gets;

        String how = reset ? "reset" : "closed";
        assertEquals(Code.UNAVAILABLE, get.code(), how);
        assertEquals(Code.UNAVAILABLE, cancel.code(), how);
        assertTrue(
            gets >= 3 && gets <= 3 * (1 + libraryResendsPerAttempt()),
            how + ": 3 attempts of a GET reached the server " + gets + " times");
        assertEquals(3, cancels, how + ": a POST is never resent by the library");
      }
    }
  }

  /**
   * Tests that a call deadline of 1 s holds, retries included, whatever the server does: stalls,
   * dribbles its body a byte at a time, or resets the connection after 900 ms (which the default
   * policy would retry).
   */
  @Test
  void callTimeout_holdsOnAServerThatStallsDribblesOrResets() throws Exception {
    Duration deadline = Duration.ofSeconds(1);
    // A hang guard well past the deadline, not a timing claim: the tick of the binding's clock
    // and a loaded machine are allowed for.
    Duration guard = Duration.ofMillis(2500);
    try (FakeAmapiServer stalling = FakeAmapiServer.start();
        LoopbackRelay dribbling = LoopbackRelay.dribbling(Duration.ofMillis(50));
        LoopbackRelay resetting = LoopbackRelay.resettingEveryConnection(Duration.ofMillis(900))) {
      for (int i = 0; i < 3; i++) {
        stalling.enqueue(FakeResponse.stall());
      }
      for (URI endpoint :
          List.of(stalling.endpoint(), dribbling.endpoint(), resetting.endpoint())) {
        try (DeviceOperations client =
            clientOf(
                endpoint,
                builder ->
                    builder
                        .callTimeout(deadline)
                        .requestTimeout(Duration.ofSeconds(10))
                        .retryPolicy(RetryPolicy.defaults()))) {
          long start = System.nanoTime();
          AmapiException e =
              assertThrows(
                  AmapiException.class,
                  () -> assertTimeoutPreemptively(guard, () -> client.get(DEVICE.operation("1"))));
          Duration took = Duration.ofNanos(System.nanoTime() - start);

          assertEquals(Code.DEADLINE_EXCEEDED, e.code(), endpoint + ": " + e.getMessage());
          assertTrue(
              String.valueOf(e.getMessage()).contains("1 s"), endpoint + ": " + e.getMessage());
          assertTrue(
              took.compareTo(Duration.ofMillis(800)) >= 0,
              endpoint + ": the call gave up before its deadline, after " + took);

          CompletionException async =
              assertThrows(
                  CompletionException.class,
                  () ->
                      assertTimeoutPreemptively(
                          guard, () -> client.getAsync(DEVICE.operation("1")).join()));
          assertEquals(
              Code.DEADLINE_EXCEEDED,
              assertInstanceOf(AmapiException.class, async.getCause()).code(),
              endpoint + " (async)");
        }
      }
    }
  }

  /**
   * Tests that close() with a sync call in flight returns at once, ends the call as closed, and
   * interrupts no thread of the caller's.
   */
  @Test
  void close_withACallInFlight_returnsPromptlyAndInterruptsNoCaller() throws Exception {
    try (FakeAmapiServer scripted = FakeAmapiServer.start()) {
      scripted.enqueue(FakeResponse.stall());
      DeviceOperations client =
          clientOf(scripted.endpoint(), builder -> builder.requestTimeout(Duration.ofSeconds(60)));
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  client.get(DEVICE.operation("1"));
                  failure.complete(new AssertionError("the call returned an answer"));
                } catch (RuntimeException e) {
                  failure.complete(e);
                } finally {
                  interrupted.complete(Thread.currentThread().isInterrupted());
                }
              },
              "contract-caller");
      caller.start();
      scripted.takeRequest(WAIT);

      long start = System.nanoTime();
      client.close();
      Duration closing = Duration.ofNanos(System.nanoTime() - start);

      assertTrue(
          closing.compareTo(Duration.ofMillis(100)) < 0,
          "close() took " + closing.toMillis() + " ms");
      Throwable e = failure.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertInstanceOf(IllegalStateException.class, e);
      assertTrue(String.valueOf(e.getMessage()).contains("closed"), e.getMessage());
      assertEquals(false, interrupted.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      caller.join(WAIT.toMillis());
    }
  }

  /**
   * Tests that the builder's proxy setting is honoured: the call goes through the proxy (here a
   * relay that forwards to the fake server) and gets its answer.
   */
  @Test
  void proxySetting_sendsTheCallThroughTheProxy() {
    try (FakeAmapiServer server = FakeAmapiServer.start();
        LoopbackRelay proxy = LoopbackRelay.to(server.endpoint())) {
      OperationName reboot =
          server
              .operations()
              .issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build())
              .name();
      ProxySelector through =
          ProxySelector.of(
              new InetSocketAddress(proxy.endpoint().getHost(), proxy.endpoint().getPort()));
      try (DeviceOperations client =
          clientOf(server.endpoint(), builder -> builder.proxy(through))) {

        Operation answer = assertTimeoutPreemptively(WAIT, () -> client.get(reboot));

        assertEquals(reboot, answer.name());
        assertTrue(proxy.acceptedConnections() >= 1, "no connection went through the proxy");
      }
    }
  }

  /**
   * Tests that async calls fetch their token and complete their future on the executor the builder
   * was given, never the caller's thread or a common pool.
   */
  @Test
  void asyncCalls_fetchTokensAndCompleteOnTheConfiguredExecutor() throws Exception {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "contract-executor-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    CountDownLatch tokenMayCome = new CountDownLatch(1);
    List<String> tokenThreads = new CopyOnWriteArrayList<>();
    AccessTokenSource tokens =
        () -> {
          tokenThreads.add(Thread.currentThread().getName());
          try {
            tokenMayCome.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return AccessToken.of(TOKEN);
        };
    try (FakeAmapiServer server = FakeAmapiServer.start();
        DeviceOperations client =
            clientOf(
                server.endpoint(), builder -> builder.executor(executor).tokenSource(tokens))) {
      OperationName reboot =
          server
              .operations()
              .issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build())
              .name();

      CompletableFuture<String> completedOn =
          client.getAsync(reboot).thenApply(operation -> Thread.currentThread().getName());
      tokenMayCome.countDown();

      assertTrue(
          completedOn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).startsWith("contract-executor-"),
          completedOn.get());
      assertEquals(1, tokenThreads.size());
      assertTrue(tokenThreads.get(0).startsWith("contract-executor-"), tokenThreads.toString());
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Tests that a listener hears a call retried twice then answered: its start, three attempts (two
   * UNAVAILABLE with the policy's backoff, then OK) and its end, in that order.
   */
  @Test
  void listener_hearsACallRetriedTwiceThenAnswered() {
    OperationName name = pendingReboot().name();
    server().operations().failNextCalls(2, Code.UNAVAILABLE);
    RecordingListener heard = new RecordingListener();
    try (DeviceOperations client =
        clientOf(
            server().endpoint(), builder -> builder.retryPolicy(fastRetries()).listener(heard))) {

      client.cancel(name);
    }

    CallStart start = heard.start();
    assertEquals(OperationKind.CANCEL, start.kind());
    assertEquals(name.toString(), start.resource());
    assertEquals("POST", start.httpMethod());
    assertTrue(start.uri().getRawPath().endsWith(":cancel"), start.uri().toString());
    assertFalse(start.transport().isEmpty());
    assertFalse(start.async());
    List<AttemptEnd> attempts = heard.attempts();
    assertEquals(3, attempts.size(), attempts.toString());
    for (int i = 0; i < 2; i++) {
      AttemptEnd failed = attempts.get(i);
      assertEquals(i + 1, failed.attempt());
      assertEquals(503, failed.httpStatus());
      assertEquals(Code.UNAVAILABLE, failed.code());
      assertEquals(RetryReason.POLICY_BACKOFF, failed.retryReason());
      assertTrue(failed.bytesReceived() > 0, "the error body was read");
      assertTrue(failed.call() == start, "every event carries its call's start");
    }
    AttemptEnd answered = attempts.get(2);
    assertEquals(3, answered.attempt());
    assertEquals(200, answered.httpStatus());
    assertEquals(Code.OK, answered.code());
    assertEquals(RetryReason.NONE, answered.retryReason());
    assertEquals(Duration.ZERO, answered.retryDelay());
    CallEnd end = heard.end();
    assertEquals(Code.OK, end.code());
    assertEquals(3, end.attempts());
    assertEquals(200, end.httpStatus());
    assertEquals("", end.errorType());
    assertEquals(List.of("start", "attempt", "attempt", "attempt", "end"), heard.order());
  }

  /** Tests that an async call's events are the same, and its end is heard before its future. */
  @Test
  void listener_hearsAnAsyncCallEndBeforeItsFutureCompletes() throws Exception {
    OperationName name = pendingReboot().name();
    server().operations().failNextCalls(1, Code.UNAVAILABLE);
    RecordingListener heard = new RecordingListener();
    try (DeviceOperations client =
        clientOf(
            server().endpoint(), builder -> builder.retryPolicy(fastRetries()).listener(heard))) {

      Operation operation =
          client
              .getAsync(name)
              .thenApply(
                  read -> {
                    assertEquals(List.of("start", "attempt", "attempt", "end"), heard.order());
                    return read;
                  })
              .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

      assertEquals(name, operation.name());
    }
    assertTrue(heard.start().async());
    assertEquals(OperationKind.GET, heard.start().kind());
    assertEquals(Code.OK, heard.end().code());
    assertEquals(2, heard.end().attempts());
  }

  /**
   * Tests that a 401 answered by a fresh token is heard as an exchange of attempt 1 with {@code
   * TOKEN_REFRESH}, then attempt 1 again answered, and that no event shows either token.
   */
  @Test
  void listener_hearsTheTokenRefreshAndNoToken() {
    OperationName name = pendingReboot().name();
    server().acceptOnly("fresh-secret-token"::equals);
    AccessTokenSource rotating =
        new AccessTokenSource() {
          @Override
          public AccessToken token() {
            return AccessToken.of("stale-secret-token");
          }

          @Override
          public AccessToken refresh(AccessToken rejected) {
            return AccessToken.of("fresh-secret-token");
          }
        };
    RecordingListener heard = new RecordingListener();
    try (DeviceOperations client =
        clientOf(server().endpoint(), builder -> builder.tokenSource(rotating).listener(heard))) {

      client.get(name);
    }

    List<AttemptEnd> attempts = heard.attempts();
    assertEquals(2, attempts.size(), attempts.toString());
    assertEquals(1, attempts.get(0).attempt());
    assertEquals(401, attempts.get(0).httpStatus());
    assertEquals(Code.UNAUTHENTICATED, attempts.get(0).code());
    assertEquals(RetryReason.TOKEN_REFRESH, attempts.get(0).retryReason());
    assertEquals(1, attempts.get(1).attempt());
    assertEquals(Code.OK, attempts.get(1).code());
    assertEquals(1, heard.end().attempts());
    String everything = heard.events.toString();
    assertFalse(everything.contains("secret-token"), everything);
  }

  /** Tests that an attempt cut by the request timeout is heard with no answer and the code. */
  @Test
  void listener_hearsTheDeadline() {
    RecordingListener heard = new RecordingListener();
    try (FakeAmapiServer scripted = FakeAmapiServer.start();
        DeviceOperations client =
            clientOf(
                scripted.endpoint(),
                builder -> builder.requestTimeout(SHORT_TIMEOUT).listener(heard))) {
      scripted.enqueue(FakeResponse.stall());

      assertThrows(
          AmapiException.class,
          () -> assertTimeoutPreemptively(WAIT, () -> client.cancel(DEVICE.operation("1"))));
    }

    AttemptEnd attempt = heard.attempts().get(0);
    assertEquals(0, attempt.httpStatus(), "no answer");
    assertEquals(0, attempt.bytesReceived());
    assertEquals(Code.DEADLINE_EXCEEDED, attempt.code());
    assertEquals(RetryReason.NONE, attempt.retryReason());
    CallEnd end = heard.end();
    assertEquals(Code.DEADLINE_EXCEEDED, end.code());
    assertEquals("DEADLINE_EXCEEDED", end.errorType());
    assertEquals(1, end.attempts());
  }

  /**
   * Tests that a listener that throws from every method changes nothing: the call returns its
   * answer, or throws its own error, and the listener after it still hears everything.
   */
  @Test
  void listener_thatThrows_changesNoCall() {
    OperationName name = pendingReboot().name();
    CallListener throwing =
        new CallListener() {
          @Override
          public void callStarted(CallStart start) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void attemptEnded(AttemptEnd end) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void callEnded(CallEnd end) {
            throw new IllegalStateException("listener bug");
          }
        };
    RecordingListener heard = new RecordingListener();
    try (DeviceOperations client =
        clientOf(server().endpoint(), builder -> builder.listener(throwing).listener(heard))) {

      assertEquals(name, client.get(name).name());
      AmapiException missing =
          assertThrows(AmapiException.class, () -> client.get(DEVICE.operation("404")));
      assertEquals(Code.NOT_FOUND, missing.code());
      assertEquals(name, client.getAsync(name).join().name());
    }

    assertEquals(
        List.of("start", "attempt", "end", "start", "attempt", "end", "start", "attempt", "end"),
        heard.order());
  }

  private static RetryPolicy fastRetries() {
    return RetryPolicy.of(
        3, Duration.ofMillis(1), Duration.ofMillis(5), EnumSet.of(Code.UNAVAILABLE));
  }

  /** Keeps every event it hears, in order. */
  private static final class RecordingListener implements CallListener {
    final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void callStarted(CallStart start) {
      events.add(start);
    }

    @Override
    public void attemptEnded(AttemptEnd end) {
      events.add(end);
    }

    @Override
    public void callEnded(CallEnd end) {
      events.add(end);
    }

    CallStart start() {
      return (CallStart) events.get(0);
    }

    CallEnd end() {
      return (CallEnd) events.get(events.size() - 1);
    }

    List<AttemptEnd> attempts() {
      return events.stream()
          .filter(AttemptEnd.class::isInstance)
          .map(AttemptEnd.class::cast)
          .collect(Collectors.toList());
    }

    List<String> order() {
      return events.stream()
          .map(
              event ->
                  event instanceof CallStart
                      ? "start"
                      : event instanceof AttemptEnd ? "attempt" : "end")
          .collect(Collectors.toList());
    }
  }

  private static Set<Long> liveThreadIds() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getId)
        .collect(Collectors.toSet());
  }

  /**
   * Returns the threads started since the snapshot, but for the JVM-wide shared pools of the JDK
   * and of OkHttp (which live for the whole JVM whoever starts them) and the fake server's own.
   */
  private static List<String> threadsStartedSince(Set<Long> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(thread -> !before.contains(thread.getId()))
        .map(Thread::getName)
        .filter(name -> !name.startsWith("ForkJoinPool.commonPool"))
        .filter(name -> !name.equals("CompletableFutureDelayScheduler"))
        .filter(name -> !name.equals("Common-Cleaner"))
        // OkHttp's TaskRunner.INSTANCE: one static pool for every OkHttp client in the JVM, as the
        // common pool is for the JDK; no client owns or can close it, and its idle daemon threads
        // end 60 s after their last task. (Each client's own dispatcher threads are not these.)
        .filter(name -> !name.equals("OkHttp TaskRunner"))
        .filter(name -> !name.startsWith("amapi-fake-"))
        .sorted()
        .collect(Collectors.toList());
  }
}
