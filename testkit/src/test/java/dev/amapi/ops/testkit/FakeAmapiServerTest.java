package dev.amapi.ops.testkit;

import static dev.amapi.ops.testkit.TestOperations.COMPLETED_LOCK;
import static dev.amapi.ops.testkit.TestOperations.DEVICE;
import static dev.amapi.ops.testkit.TestOperations.PENDING_REBOOT;
import static dev.amapi.ops.testkit.TestOperations.UNKNOWN;
import static dev.amapi.ops.testkit.TestOperations.completedLock;
import static dev.amapi.ops.testkit.TestOperations.pendingReboot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.rest.WireFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeAmapiServerTest {
  private static final String TOKEN = "ya29.test-token";
  private static final String OPERATIONS_PATH =
      "/v1/enterprises/LC03k6enk8/devices/36c339908766f292/operations";

  // One client per class: building one loads the trust store, and Java 17 cannot close it.
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

  @Test
  void clearJournal_forgetsRequestsAndCallsButNotState() throws Exception {
    OperationName name =
        server.operations().issueCommand(DeviceName.of("e", "d"), CommandType.REBOOT).name();
    post("/v1/" + name + ":cancel", "");

    server.clearJournal();

    assertThat(server.requestCount()).isZero();
    assertThat(server.operations().calls()).isEmpty();
    assertThat(server.operations().operation(name).orElseThrow().isCancelled()).isTrue();
    get("/v1/" + name);
    assertThat(server.takeRequest(Duration.ofSeconds(2)).method()).isEqualTo("GET");
  }

  @Test
  void endpoint_isLoopbackWithAPort() {
    URI endpoint = server.endpoint();

    assertThat(endpoint.getScheme()).isEqualTo("http");
    assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
    assertThat(endpoint.getPort()).isPositive();
    assertThat(endpoint.getPath()).isEqualTo("/");
  }

  @Test
  void cancel_pendingOperation_answersEmptyObjectAndCancels() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response = post("/v1/" + PENDING_REBOOT + ":cancel", "");

    RecordedRequest request = server.takeRequest(Duration.ofSeconds(2));
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/" + PENDING_REBOOT + ":cancel");
    assertThat(request.query()).isEmpty();
    assertThat(request.header("authorization")).contains("Bearer " + TOKEN);
    assertThat(request.body()).isEmpty();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json; charset=UTF-8");
    assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).strip())
        .isEqualTo("{}");
    assertThat(server.operations().operation(PENDING_REBOOT).orElseThrow().isCancelled()).isTrue();
  }

  @Test
  void cancel_withBody_stillCancelsAndRecordsTheBody() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response = post("/v1/" + PENDING_REBOOT + ":cancel", "{}");

    RecordedRequest request = server.takeRequest(Duration.ofSeconds(2));
    assertThat(request.bodyAsString()).isEqualTo("{}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.operations().operation(PENDING_REBOOT).orElseThrow().isCancelled()).isTrue();
  }

  @Test
  void get_seededOperation_answersOperationJson() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response = get("/v1/" + PENDING_REBOOT);

    RecordedRequest request = server.takeRequest(Duration.ofSeconds(2));
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/" + PENDING_REBOOT);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(WireFormat.readOperation(response.body())).isEqualTo(pendingReboot());
  }

  @Test
  void get_unknownOperation_answersNotFoundEnvelope() throws Exception {
    HttpResponse<byte[]> response = get("/v1/" + UNKNOWN);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json; charset=UTF-8");
    Status status = WireFormat.readError(404, response.body(), false);
    assertThat(status.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(status.message()).isEqualTo("Requested entity was not found.");
    assertThat(status.detail(ErrorDetail.ErrorInfo.class).orElseThrow().reason())
        .isEqualTo("RESOURCE_NOT_FOUND");
  }

  @Test
  void get_issuedCommand_answersItsOperation() throws Exception {
    Operation issued =
        server.operations().issueCommand(DEVICE, Command.builder(CommandType.LOCK).build());

    HttpResponse<byte[]> response = get("/v1/" + issued.name());

    assertThat(WireFormat.readOperation(response.body())).isEqualTo(issued);
  }

  @Test
  void get_escapedColonInId_isDecoded() throws Exception {
    Operation odd = pendingReboot(DEVICE.operation("a:b"));
    server.operations().seed(odd);

    HttpResponse<byte[]> response = get(OPERATIONS_PATH + "/a%3Ab");

    assertThat(server.takeRequest(Duration.ofSeconds(2)).path())
        .isEqualTo(OPERATIONS_PATH + "/a%3Ab");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(WireFormat.readOperation(response.body())).isEqualTo(odd);
  }

  @Test
  void cancel_escapedColonInId_cancelsThatOperation() throws Exception {
    server.operations().seed(pendingReboot(DEVICE.operation("a:b")));

    HttpResponse<byte[]> response = post(OPERATIONS_PATH + "/a%3Ab:cancel", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.operations().operation(DEVICE.operation("a:b")).orElseThrow().isCancelled())
        .isTrue();
  }

  @Test
  void cancel_escapedDotDotSlashInId_answersInvalidArgument() throws Exception {
    HttpResponse<byte[]> response = post(OPERATIONS_PATH + "/..%2F..:cancel", "");

    assertThat(response.statusCode()).isEqualTo(400);
    Status status = WireFormat.readError(400, response.body(), false);
    assertThat(status.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(status.message()).contains("operation ID");
  }

  @Test
  void get_escapedSlashInId_answersInvalidArgument() throws Exception {
    HttpResponse<byte[]> response = get(OPERATIONS_PATH + "/12%2F34");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(WireFormat.readError(400, response.body(), false).message()).contains("'/'");
  }

  @Test
  void get_escapeThatIsNotUtf8InId_answersInvalidArgument() throws Exception {
    HttpResponse<byte[]> response = get(OPERATIONS_PATH + "/12%FF");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(WireFormat.readError(400, response.body(), false).code())
        .isEqualTo(Code.INVALID_ARGUMENT);
  }

  @Test
  void list_pageSizeTwo_pagesOverHttp() throws Exception {
    List<Operation> seeded = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      seeded.add(server.operations().seed(pendingReboot(DEVICE.operation("178604870000" + i))));
    }
    List<Operation> listed = new ArrayList<>();
    String token = "";
    int pages = 0;

    do {
      HttpResponse<byte[]> response =
          get(OPERATIONS_PATH + "?pageSize=2" + (token.isEmpty() ? "" : "&pageToken=" + token));
      assertThat(response.statusCode()).isEqualTo(200);
      OperationsPage page = WireFormat.readOperationsPage(response.body());
      listed.addAll(page.operations());
      token = page.nextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(pages).isEqualTo(3);
    assertThat(listed).containsExactlyElementsOf(seeded);
    assertThat(server.takeRequest(Duration.ofSeconds(2)).queryParameter("pageSize")).contains("2");
  }

  @Test
  void list_doneFilter_isDecodedAndApplied() throws Exception {
    server.operations().seed(pendingReboot());
    server.operations().seed(completedLock());

    HttpResponse<byte[]> response = get(OPERATIONS_PATH + "?filter=done%20%3D%20true");

    assertThat(server.takeRequest(Duration.ofSeconds(2)).queryParameter("filter"))
        .contains("done = true");
    assertThat(WireFormat.readOperationsPage(response.body()).operations())
        .containsExactly(completedLock());
  }

  @Test
  void list_nonNumericPageSize_answersInvalidArgument() throws Exception {
    HttpResponse<byte[]> response = get(OPERATIONS_PATH + "?pageSize=ten");

    assertThat(response.statusCode()).isEqualTo(400);
    Status status = WireFormat.readError(400, response.body(), false);
    assertThat(status.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(status.message()).contains("page_size", "ten");
  }

  @Test
  void list_badPageToken_answersInvalidArgument() throws Exception {
    HttpResponse<byte[]> response = get(OPERATIONS_PATH + "?pageToken=nonsense");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(WireFormat.readError(400, response.body(), false).message()).contains("pageToken");
  }

  @Test
  void list_unknownQueryParameter_answersInvalidArgument() throws Exception {
    HttpResponse<byte[]> response = get(OPERATIONS_PATH + "?pageSise=2");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(WireFormat.readError(400, response.body(), false).message()).contains("pageSise");
  }

  @Test
  void request_withoutAuthorization_answersUnauthenticated() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response =
        CLIENT.send(
            HttpRequest.newBuilder(url("/v1/" + PENDING_REBOOT)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(401);
    Status status = WireFormat.readError(401, response.body(), false);
    assertThat(status.code()).isEqualTo(Code.UNAUTHENTICATED);
    assertThat(status.message())
        .startsWith(
            "Request had invalid authentication credentials. Expected OAuth 2 access token");
  }

  @Test
  void request_withBasicAuthorization_answersUnauthenticated() throws Exception {
    HttpResponse<byte[]> response =
        CLIENT.send(
            HttpRequest.newBuilder(url("/v1/" + PENDING_REBOOT))
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void unknownPath_answersNotFound() throws Exception {
    HttpResponse<byte[]> response = get("/v1/enterprises/LC03k6enk8/policies/default");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(WireFormat.readError(404, response.body(), false).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  void wrongMethod_answersNotFound() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response = post("/v1/" + PENDING_REBOOT, "");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(server.operations().operation(PENDING_REBOOT)).contains(pendingReboot());
  }

  @Test
  void enqueue_answersRequestsInOrder() throws Exception {
    server.enqueue(FakeResponse.json(200, "{}"));
    server.enqueue(FakeResponse.error(Status.of(Code.UNIMPLEMENTED, "Not supported."), 501));

    HttpResponse<byte[]> first = post("/v1/" + PENDING_REBOOT + ":cancel", "");
    HttpResponse<byte[]> second = post("/v1/" + COMPLETED_LOCK + ":cancel", "");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(501);
    assertThat(WireFormat.readError(501, second.body(), false))
        .isEqualTo(Status.of(Code.UNIMPLEMENTED, "Not supported."));
    assertThat(server.requests())
        .extracting(RecordedRequest::path)
        .containsExactly("/v1/" + PENDING_REBOOT + ":cancel", "/v1/" + COMPLETED_LOCK + ":cancel");
  }

  @Test
  void enqueue_rawResponseWithHeader_isSentAsScripted() throws Exception {
    byte[] html = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
    server.enqueue(FakeResponse.raw(502, "text/html", html).withHeader("Retry-After", "3"));

    HttpResponse<byte[]> response = get("/v1/" + PENDING_REBOOT);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/html");
    assertThat(response.headers().firstValue("Retry-After")).contains("3");
    assertThat(response.body()).isEqualTo(html);
  }

  @Test
  void enqueue_rawResponseWithoutContentType_sendsNone() throws Exception {
    server.enqueue(FakeResponse.raw(200, "", "{}".getBytes(StandardCharsets.UTF_8)));

    HttpResponse<byte[]> response = get("/v1/" + PENDING_REBOOT);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).isEmpty();
  }

  @Test
  void enqueue_queueExhausted_answersInternalError() throws Exception {
    server.enqueue(FakeResponse.json(200, "{}"));
    post("/v1/" + PENDING_REBOOT + ":cancel", "");

    HttpResponse<byte[]> response = post("/v1/" + PENDING_REBOOT + ":cancel", "");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(WireFormat.readError(500, response.body(), false).message())
        .contains("no scripted response left");
  }

  @Test
  void withDelay_answersAfterTheDelay() throws Exception {
    server.enqueue(FakeResponse.json(200, "{}").withDelay(Duration.ofMillis(300)));
    long start = System.nanoTime();

    HttpResponse<byte[]> response = post("/v1/" + PENDING_REBOOT + ":cancel", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void disconnect_clientGetsIOException() {
    server.enqueue(FakeResponse.disconnect());

    assertThatThrownBy(() -> post("/v1/" + PENDING_REBOOT + ":cancel", ""))
        .isInstanceOf(IOException.class);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void stall_clientTimesOut_andCloseStillReturnsPromptly() {
    server.enqueue(FakeResponse.stall());
    HttpRequest request =
        authorized(url("/v1/" + PENDING_REBOOT + ":cancel"))
            .timeout(Duration.ofMillis(300))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();

    assertThatThrownBy(() -> CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray()))
        .isInstanceOf(HttpTimeoutException.class);
    // Never blocks on the stalled exchange: a hang guard, not a speed check.
    assertTimeoutPreemptively(Duration.ofSeconds(10), server::close);
  }

  @Test
  void enqueue_afterSeeding_throwsIllegalState() {
    server.operations().seed(pendingReboot());

    assertThatThrownBy(() -> server.enqueue(FakeResponse.json(200, "{}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stateful mode")
        .hasMessageContaining("another FakeAmapiServer");
  }

  @Test
  void seed_afterEnqueue_throwsIllegalState() {
    server.enqueue(FakeResponse.json(200, "{}"));

    assertThatThrownBy(() -> server.operations().seed(pendingReboot()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scripted mode")
        .hasMessageContaining("another FakeAmapiServer");
  }

  @Test
  void issueCommand_afterEnqueue_throwsIllegalState() {
    server.enqueue(FakeResponse.json(200, "{}"));

    assertThatThrownBy(
            () ->
                server.operations().issueCommand(DEVICE, Command.builder(CommandType.LOCK).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scripted mode");
  }

  @Test
  void takeRequest_noRequest_throwsAssertionErrorInsteadOfWaitingForever() {
    // A hang guard, not a speed check: takeRequest must give up by itself.
    assertThatThrownBy(
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(10), () -> server.takeRequest(Duration.ofMillis(100))))
        .isInstanceOf(AssertionError.class)
        .hasMessage("No request arrived within PT0.1S");
  }

  @Test
  void takeRequest_returnsEachRequestOnceInArrivalOrder() throws Exception {
    get("/v1/" + PENDING_REBOOT);
    get("/v1/" + COMPLETED_LOCK);

    assertThat(server.takeRequest(Duration.ofSeconds(2)).path()).endsWith("1786048723669");
    assertThat(server.takeRequest(Duration.ofSeconds(2)).path()).endsWith("1786048799001");
    assertThat(server.requestCount()).isEqualTo(2);
    assertThatThrownBy(() -> server.takeRequest(Duration.ZERO)).isInstanceOf(AssertionError.class);
  }

  @Test
  void recordedRequest_toString_redactsAuthorization() throws Exception {
    get("/v1/" + PENDING_REBOOT);

    String text = server.takeRequest(Duration.ofSeconds(2)).toString();

    assertThat(text).doesNotContain(TOKEN).contains("Bearer <redacted>").contains("GET /v1/");
  }

  @Test
  void close_leavesNoServerThreadAlive() throws Exception {
    server.enqueue(FakeResponse.json(200, "{}"));
    server.enqueue(FakeResponse.stall());
    post("/v1/" + PENDING_REBOOT + ":cancel", "");
    CLIENT.sendAsync(
        authorized(url("/v1/" + PENDING_REBOOT)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    server.takeRequest(Duration.ofSeconds(2));
    server.takeRequest(Duration.ofSeconds(2));

    server.close();

    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (!serverThreads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serverThreads()).isEmpty();
  }

  @Test
  void close_thenEnqueue_throwsIllegalState() {
    server.close();

    assertThatThrownBy(() -> server.enqueue(FakeResponse.json(200, "{}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FakeAmapiServer is closed");
  }

  // ---------------------------------------------------------------------------------------------
  // Fidelity with Google's front end

  @Test
  void cancel_postWithoutLength_answers411BeforeTouchingTheState() throws Exception {
    server.operations().seed(pendingReboot());

    String answer =
        rawExchange(
            "POST /v1/"
                + PENDING_REBOOT
                + ":cancel HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer "
                + TOKEN
                + "\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 411 ");
    assertThat(answer).containsIgnoringCase("Content-Type: text/html");
    assertThat(answer).contains("Length Required");
    assertThat(server.operations().operation(PENDING_REBOOT)).contains(pendingReboot());
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void malformedEscape_inPathOrQuery_answersGooglesJsonEnvelope() throws Exception {
    for (String target :
        List.of(OPERATIONS_PATH + "/12%zz", OPERATIONS_PATH + "?pageToken=%G1&pageSize=2")) {
      String answer =
          rawExchange(
              "GET "
                  + target
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + TOKEN
                  + "\r\n\r\n");

      assertThat(answer).as(target).startsWith("HTTP/1.1 400 ");
      assertThat(answer).containsIgnoringCase("Content-Type: application/json; charset=UTF-8");
      byte[] body =
          answer.substring(answer.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8);
      Status status = WireFormat.readError(400, body, false);
      assertThat(status.code()).isEqualTo(Code.INVALID_ARGUMENT);
      assertThat(status.message()).contains("malformed percent-escape");
    }
    assertThat(server.requests())
        .extracting(RecordedRequest::path)
        .containsExactly(OPERATIONS_PATH + "/12%zz", OPERATIONS_PATH);
  }

  @Test
  void chunkedRequestBody_thenAMalformedEscape_onOneConnection_bothAnswered() throws Exception {
    server.operations().seed(pendingReboot());
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.endpoint().getPort())) {
      socket.setSoTimeout(5000);
      java.io.OutputStream out = socket.getOutputStream();
      java.io.InputStream in = socket.getInputStream();
      out.write(
          ("POST /v1/"
                  + PENDING_REBOOT
                  + ":cancel HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Authorization: Bearer "
                  + TOKEN
                  + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + "1\r\n{\r\n1;ext=1\r\n}\r\n0\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String first = readAnswer(in);
      out.write(
          ("GET "
                  + OPERATIONS_PATH
                  + "/1%z HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Authorization: Bearer "
                  + TOKEN
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String second = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(first).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n{}\n");
      assertThat(second).startsWith("HTTP/1.1 400 ").contains("\"INVALID_ARGUMENT\"");
    }
    assertThat(server.requests().get(0).bodyAsString()).isEqualTo("{}");
    assertThat(server.operations().operation(PENDING_REBOOT).orElseThrow().isCancelled()).isTrue();
  }

  /** Reads one answer with a {@code Content-Length} body from {@code in}. */
  private static String readAnswer(java.io.InputStream in) throws IOException {
    java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
    while (!complete(answer.toString(StandardCharsets.ISO_8859_1))) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      answer.write(b);
    }
    return answer.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void list_returnPartialSuccess_answersUnimplemented() throws Exception {
    for (String value : List.of("true", "false", "notabool")) {
      HttpResponse<byte[]> response = get(OPERATIONS_PATH + "?returnPartialSuccess=" + value);

      assertThat(response.statusCode()).isEqualTo(501);
      Status status = WireFormat.readError(501, response.body(), false);
      assertThat(status.code()).isEqualTo(Code.UNIMPLEMENTED);
      assertThat(status.message()).contains("returnPartialSuccess");
    }
  }

  @Test
  void standardParameters_validValues_areAccepted() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response =
        get(
            "/v1/"
                + PENDING_REBOOT
                + "?$.xgafv=2&alt=json&key=AIza-k&quotaUser=u1&upload_protocol=raw"
                + "&uploadType=media&prettyPrint=false");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(WireFormat.readOperation(response.body())).isEqualTo(pendingReboot());
    RecordedRequest request = server.takeRequest(Duration.ofSeconds(2));
    assertThat(request.queryParameter("quotaUser")).contains("u1");
    assertThat(request.queryParameter("key")).contains("AIza-k");
  }

  @Test
  void standardParameters_invalidValues_answerInvalidArgument() throws Exception {
    server.operations().seed(pendingReboot());

    for (String query :
        List.of("alt=xml", "prettyPrint=maybe", "$.xgafv=3", "callback=no%20way", "fields=(")) {
      HttpResponse<byte[]> response = get("/v1/" + PENDING_REBOOT + "?" + query);

      assertThat(response.statusCode()).as(query).isEqualTo(400);
      Status status = WireFormat.readError(400, response.body(), false);
      assertThat(status.code()).as(query).isEqualTo(Code.INVALID_ARGUMENT);
    }
  }

  @Test
  void answers_arePrettyPrintedByDefault_andCompactWithPrettyPrintFalse() throws Exception {
    server.operations().seed(pendingReboot());

    String pretty = new String(get("/v1/" + PENDING_REBOOT).body(), StandardCharsets.UTF_8);
    String compact =
        new String(
            get("/v1/" + PENDING_REBOOT + "?prettyPrint=false").body(), StandardCharsets.UTF_8);

    assertThat(pretty).startsWith("{\n  \"name\": \"enterprises/").endsWith("}\n");
    assertThat(compact).startsWith("{\"name\":\"enterprises/").doesNotContain("\n");
    assertThat(WireFormat.readOperation(pretty.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(WireFormat.readOperation(compact.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void fields_onGet_answersOnlyTheSelectedFields() throws Exception {
    server.operations().seed(pendingReboot());

    String body =
        new String(
            get("/v1/" + PENDING_REBOOT + "?prettyPrint=false&fields=name,done").body(),
            StandardCharsets.UTF_8);

    assertThat(body).isEqualTo("{\"name\":\"" + PENDING_REBOOT + "\"}");
  }

  @Test
  void fields_onList_selectsInsideTheOperations() throws Exception {
    server.operations().seed(pendingReboot());
    server.operations().seed(completedLock());

    String body =
        new String(
            get(OPERATIONS_PATH
                    + "?prettyPrint=false&pageSize=1&fields=operations(name),nextPageToken")
                .body(),
            StandardCharsets.UTF_8);

    assertThat(body)
        .startsWith("{\"operations\":[{\"name\":\"" + PENDING_REBOOT + "\"}],\"nextPageToken\":\"");
    String star =
        new String(
            get(OPERATIONS_PATH + "?prettyPrint=false&fields=operations/metadata/type").body(),
            StandardCharsets.UTF_8);
    assertThat(star)
        .isEqualTo(
            "{\"operations\":[{\"metadata\":{\"type\":\"REBOOT\"}},"
                + "{\"metadata\":{\"type\":\"LOCK\"}}]}");
  }

  @Test
  void fields_unknownField_answersInvalidArgument() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response = get("/v1/" + PENDING_REBOOT + "?fields=name,colour");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(WireFormat.readError(400, response.body(), false).message()).contains("colour");
  }

  @Test
  void accessTokenAndOauthTokenInQuery_areBearerTokens() throws Exception {
    server.operations().seed(pendingReboot());
    server.acceptOnly(TOKEN::equals);

    for (String parameter : List.of("access_token", "oauth_token")) {
      HttpResponse<byte[]> accepted =
          CLIENT.send(
              HttpRequest.newBuilder(url("/v1/" + PENDING_REBOOT + "?" + parameter + "=" + TOKEN))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> refused =
          CLIENT.send(
              HttpRequest.newBuilder(url("/v1/" + PENDING_REBOOT + "?" + parameter + "=forged"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(accepted.statusCode()).as(parameter).isEqualTo(200);
      assertThat(refused.statusCode()).as(parameter).isEqualTo(401);
    }
  }

  @Test
  void callback_wrapsTheAnswerAsJavaScript() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response = get("/v1/" + PENDING_REBOOT + "?callback=handle&fields=done");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("text/javascript; charset=UTF-8");
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("// API callback\nhandle({});");
  }

  @Test
  void callback_wrapsErrorsToo_withTheirStatus() throws Exception {
    HttpResponse<byte[]> response = get("/v1/" + UNKNOWN + "?callback=cb&prettyPrint=false");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .startsWith("// API callback\ncb({\"error\":{\"code\":404,")
        .endsWith("});");
  }

  @Test
  void acceptEncodingGzipWithQZero_answersPlain() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response =
        CLIENT.send(
            authorized(url("/v1/" + PENDING_REBOOT))
                .header("Accept-Encoding", "gzip;q=0, identity")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(WireFormat.readOperation(response.body())).isEqualTo(pendingReboot());
  }

  @Test
  void emptyPrettyAnswer_isTheEmptyObjectAndALineBreak() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response = post("/v1/" + PENDING_REBOOT + ":cancel", "");

    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}\n");
  }

  @Test
  void altMediaOrProto_answersUnimplemented() throws Exception {
    server.operations().seed(pendingReboot());

    for (String alt : List.of("media", "proto")) {
      HttpResponse<byte[]> response = get("/v1/" + PENDING_REBOOT + "?alt=" + alt);

      assertThat(response.statusCode()).as(alt).isEqualTo(501);
      assertThat(WireFormat.readError(501, response.body(), false).code())
          .isEqualTo(Code.UNIMPLEMENTED);
    }
  }

  @Test
  void acceptEncodingGzip_answersGzipEncoded() throws Exception {
    server.operations().seed(pendingReboot());

    HttpResponse<byte[]> response =
        CLIENT.send(
            authorized(url("/v1/" + PENDING_REBOOT))
                .header("Accept-Encoding", "gzip")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    byte[] plain =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))
            .readAllBytes();
    assertThat(WireFormat.readOperation(plain)).isEqualTo(pendingReboot());
    assertThat(get("/v1/" + PENDING_REBOOT).headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void list_forgedPageTokenThatDecodes_givesAPage_garbageGives400() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.operations().seed(pendingReboot(DEVICE.operation("178604870000" + i)));
    }
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("amapi-fake-page/1\n2\n" + DEVICE + "\n").getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> page = get(OPERATIONS_PATH + "?pageToken=" + forged);
    HttpResponse<byte[]> garbage = get(OPERATIONS_PATH + "?pageToken=%21%21");

    assertThat(WireFormat.readOperationsPage(page.body()).operations())
        .extracting(Operation::name)
        .containsExactly(DEVICE.operation("1786048700002"));
    assertThat(garbage.statusCode()).isEqualTo(400);
  }

  /** Sends raw bytes over a fresh socket and returns everything the server answered. */
  private String rawExchange(String request) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.endpoint().getPort())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
          answer.write(buffer, 0, n);
          if (answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")
              && complete(answer.toString(StandardCharsets.ISO_8859_1))) {
            break;
          }
        }
      } catch (java.net.SocketTimeoutException e) {
        // Whatever arrived is the answer.
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static boolean complete(String answer) {
    int headEnd = answer.indexOf("\r\n\r\n");
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer);
    return headEnd >= 0
        && length.find()
        && answer.length() - headEnd - 4 >= Integer.parseInt(length.group(1));
  }

  private static List<String> serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("amapi-fake-server"))
        .toList();
  }

  private URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.endpoint().getPort() + pathAndQuery);
  }

  private static HttpRequest.Builder authorized(URI uri) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + TOKEN)
        .timeout(Duration.ofSeconds(5));
  }

  private HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
    return CLIENT.send(
        authorized(url(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> post(String path, String body)
      throws IOException, InterruptedException {
    return CLIENT.send(
        authorized(url(path))
            .POST(
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
