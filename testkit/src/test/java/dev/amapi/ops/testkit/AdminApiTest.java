package dev.amapi.ops.testkit;

import static dev.amapi.ops.testkit.TestOperations.DEVICE;
import static dev.amapi.ops.testkit.TestOperations.PENDING_REBOOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.rest.WireFormat;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API, driven over HTTP as a test in another language would drive it. */
class AdminApiTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final String OPERATION_JSON =
      new String(WireFormat.writeOperation(TestOperations.pendingReboot()), StandardCharsets.UTF_8);

  private final FakeClock clock = FakeClock.at(Instant.parse("2026-11-29T12:00:00Z"));
  private FakeAmapiServer server = FakeAmapiServer.start(clock);

  @AfterEach
  void close() {
    server.close();
  }

  private record Answer(int status, String body, HttpResponse<String> response) {}

  private Answer admin(String method, String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(server.endpoint().resolve("__admin/" + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json"));
  }

  private Answer api(String method, String path) throws Exception {
    return send(
        HttpRequest.newBuilder(server.endpoint().resolve("v1/" + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "Bearer ya29.secret-token"));
  }

  private static Operation operation(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return WireFormat.readOperation(answer.body().getBytes(StandardCharsets.UTF_8));
  }

  private static Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response);
  }

  @Test
  void adminApi_isOffUntilEnabled() throws Exception {
    Answer off = admin("GET", "health", "");

    assertThat(off.status()).isEqualTo(404);
    assertThat(off.body()).contains("NOT_FOUND");

    server.enableAdminApi();
    Answer on = admin("GET", "health", "");

    assertThat(on.status()).isEqualTo(200);
    assertThat(on.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(on.body())
        .contains("\"status\":\"ok\"")
        .contains("\"endpoint\":\"" + server.endpoint() + "\"")
        .contains("\"clock\":\"fake\"")
        .contains("\"now\":\"2026-11-29T12:00:00Z\"");
  }

  @Test
  void seedOperations_oneAListOrAPage_areServedByTheApi() throws Exception {
    server.enableAdminApi();

    Answer one = admin("POST", "operations", OPERATION_JSON);
    Answer list =
        admin(
            "POST",
            "operations",
            "["
                + new String(
                    WireFormat.writeOperation(TestOperations.completedLock()),
                    StandardCharsets.UTF_8)
                + "]");
    Answer page =
        admin(
            "POST",
            "operations",
            "{\"operations\":["
                + new String(
                    WireFormat.writeOperation(
                        TestOperations.failed(DEVICE.operation("1786048799555"))),
                    StandardCharsets.UTF_8)
                + "]}");

    assertThat(one.status()).as(one.body()).isEqualTo(200);
    assertThat(one.body()).contains("\"seeded\":[\"" + PENDING_REBOOT + "\"]");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    Answer get = api("GET", PENDING_REBOOT.toString());
    assertThat(get.status()).isEqualTo(200);
    assertThat(WireFormat.readOperation(get.body().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(TestOperations.pendingReboot());
    assertThat(server.operations().operations(DEVICE)).hasSize(3);
  }

  @Test
  void seedOperations_notAnOperation_is400NamingWhatIsWrong() throws Exception {
    server.enableAdminApi();

    Answer notJson = admin("POST", "operations", "{\"name\":");
    Answer notAnOperation = admin("POST", "operations", "[{\"done\":true}]");
    Answer aNumber = admin("POST", "operations", "42");

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body()).contains("\"error\"").contains("not JSON");
    assertThat(notAnOperation.status()).isEqualTo(400);
    assertThat(notAnOperation.body()).contains("operation 0 of the list");
    assertThat(aNumber.status()).isEqualTo(400);
    assertThat(aNumber.body()).contains("expected an Operation");
    assertThat(server.operations().operations(DEVICE)).isEmpty();
  }

  @Test
  void issueCommand_answersThePendingOperationTheApiThenLists() throws Exception {
    server.enableAdminApi();

    Answer issued =
        admin(
            "POST",
            "devices/" + DEVICE.enterpriseId() + "/" + DEVICE.deviceId() + "/commands",
            "{\"type\":\"REBOOT\",\"duration\":\"600s\"}");

    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    Operation operation = WireFormat.readOperation(issued.body().getBytes(StandardCharsets.UTF_8));
    assertThat(operation.done()).isFalse();
    assertThat(operation.metadata().orElseThrow().type()).isEqualTo(CommandType.REBOOT);
    assertThat(operation.metadata().orElseThrow().duration()).contains(Duration.ofSeconds(600));
    Answer listed = api("GET", DEVICE + "/operations");
    assertThat(listed.body()).contains(operation.name().toString());
  }

  @Test
  void issueCommand_badInput_is400NamingTheField() throws Exception {
    server.enableAdminApi();
    String path = "devices/" + DEVICE.enterpriseId() + "/" + DEVICE.deviceId() + "/commands";

    Answer noType = admin("POST", path, "{\"duration\":\"600s\"}");
    Answer badDuration = admin("POST", path, "{\"type\":\"REBOOT\",\"duration\":\"ten\"}");
    Answer typo = admin("POST", path, "{\"type\":\"REBOOT\",\"duraton\":\"600s\"}");

    assertThat(noType.status()).isEqualTo(400);
    assertThat(noType.body()).contains("field type is required");
    assertThat(badDuration.status()).isEqualTo(400);
    assertThat(badDuration.body()).contains("field duration must be a duration");
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.body()).contains("unknown field duraton");
    assertThat(server.operations().operations(DEVICE)).isEmpty();
  }

  @Test
  void cancelOutcomes_perOperationAndForAll_changeWhatCancelDoes() throws Exception {
    server.enableAdminApi();
    server.operations().seed(TestOperations.pendingReboot());
    Operation other = server.operations().issueCommand(DEVICE, CommandType.LOCK);

    Answer unimplemented =
        admin(
            "POST",
            "cancel-outcomes",
            "{\"operation\":\"" + PENDING_REBOOT + "\",\"outcome\":\"UNIMPLEMENTED\"}");
    Answer forAll = admin("POST", "cancel-outcomes", "{\"outcome\":\"COMPLETES_ANYWAY\"}");

    assertThat(unimplemented.status()).as(unimplemented.body()).isEqualTo(200);
    assertThat(forAll.status()).as(forAll.body()).isEqualTo(200);
    assertThat(api("POST", PENDING_REBOOT + ":cancel").status()).isEqualTo(501);
    assertThat(api("POST", other.name() + ":cancel").status()).isEqualTo(200);
    assertThat(server.operations().operation(other.name()).orElseThrow().result())
        .isEqualTo(OperationResult.Succeeded.issueCommandResponse());
  }

  @Test
  void cancelOutcomes_failsWithAndTakesEffectAfterGets() throws Exception {
    server.enableAdminApi();
    Operation failing = server.operations().issueCommand(DEVICE, CommandType.REBOOT);
    Operation slow = server.operations().issueCommand(DEVICE, CommandType.LOCK);

    admin(
        "POST",
        "cancel-outcomes",
        "{\"operation\":\""
            + failing.name()
            + "\",\"outcome\":\"FAILS_WITH\",\"status\":{\"code\":\"INTERNAL\","
            + "\"message\":\"device said no\"}}");
    admin(
        "POST",
        "cancel-outcomes",
        "{\"operation\":\""
            + slow.name()
            + "\",\"outcome\":\"TAKES_EFFECT_AFTER_GETS\",\"gets\":1}");
    api("POST", failing.name() + ":cancel");
    api("POST", slow.name() + ":cancel");

    assertThat(api("GET", failing.name().toString()).body()).contains("device said no");
    assertThat(operation(api("GET", slow.name().toString())).done()).isFalse();
    assertThat(operation(api("GET", slow.name().toString())).isCancelled()).isTrue();
  }

  @Test
  void cancelOutcomes_badOutcome_is400() throws Exception {
    server.enableAdminApi();

    Answer unknown = admin("POST", "cancel-outcomes", "{\"outcome\":\"EXPLODES\"}");
    Answer noGets = admin("POST", "cancel-outcomes", "{\"outcome\":\"TAKES_EFFECT_AFTER_GETS\"}");
    Answer badName =
        admin("POST", "cancel-outcomes", "{\"operation\":\"devices/x\",\"outcome\":\"SUCCEEDS\"}");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("field outcome must be").contains("EXPLODES");
    assertThat(noGets.status()).isEqualTo(400);
    assertThat(noGets.body()).contains("field gets is required");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.body()).contains("field operation is not an operation name");
  }

  @Test
  void faults_nextRequestReset_thenTheApiAnswersAgain() throws Exception {
    server.enableAdminApi();
    server.operations().seed(TestOperations.pendingReboot());

    Answer scripted = admin("POST", "faults", "{\"fault\":\"connectionReset\",\"next\":1}");

    assertThat(scripted.status()).as(scripted.body()).isEqualTo(200);
    // A POST: java.net.http would resend a GET whose connection closed before any answer byte.
    assertThatThrownBy(() -> api("POST", PENDING_REBOOT + ":cancel"))
        .isInstanceOf(IOException.class);
    assertThat(server.operations().operation(PENDING_REBOOT).orElseThrow().done()).isFalse();
    assertThat(api("POST", PENDING_REBOOT + ":cancel").status()).isEqualTo(200);
  }

  @Test
  void faults_perOperation_untilCleared() throws Exception {
    server.enableAdminApi();
    server.operations().seed(TestOperations.pendingReboot());
    admin(
        "POST", "faults", "{\"fault\":\"emptyResponse\",\"operation\":\"" + PENDING_REBOOT + "\"}");

    assertThatThrownBy(() -> api("GET", PENDING_REBOOT.toString())).isInstanceOf(IOException.class);
    assertThat(api("GET", DEVICE + "/operations").status()).isEqualTo(200);

    Answer cleared = admin("DELETE", "faults", "");

    assertThat(cleared.status()).isEqualTo(200);
    assertThat(api("GET", PENDING_REBOOT.toString()).status()).isEqualTo(200);
  }

  @Test
  void faults_failNextCalls_answer503WithRetryAfter() throws Exception {
    server.enableAdminApi();
    server.operations().seed(TestOperations.pendingReboot());

    Answer scripted =
        admin(
            "POST",
            "faults",
            "{\"failNextCalls\":1,\"code\":\"UNAVAILABLE\",\"retryAfter\":\"2s\"}");
    Answer failed = api("GET", PENDING_REBOOT.toString());

    assertThat(scripted.status()).as(scripted.body()).isEqualTo(200);
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.body()).contains("UNAVAILABLE");
    assertThat(failed.response().headers().firstValue("Retry-After")).contains("2");
    assertThat(api("GET", PENDING_REBOOT.toString()).status()).isEqualTo(200);
  }

  @Test
  void faults_dribbleAndDelay_stillAnswer() throws Exception {
    server.enableAdminApi();
    server.operations().seed(TestOperations.pendingReboot());

    Answer dribble =
        admin("POST", "faults", "{\"fault\":\"dribble\",\"chunks\":3,\"over\":\"0.03s\"}");
    Answer delay = admin("POST", "faults", "{\"fault\":\"delay\",\"delay\":\"10ms\"}");

    assertThat(dribble.status()).as(dribble.body()).isEqualTo(200);
    assertThat(delay.status()).as(delay.body()).isEqualTo(200);
    assertThat(api("GET", PENDING_REBOOT.toString()).body()).contains(PENDING_REBOOT.toString());
    assertThat(api("GET", PENDING_REBOOT.toString()).body()).contains(PENDING_REBOOT.toString());
  }

  @Test
  void faults_badInput_is400() throws Exception {
    server.enableAdminApi();

    Answer unknown = admin("POST", "faults", "{\"fault\":\"fire\"}");
    Answer none = admin("POST", "faults", "{}");
    Answer both =
        admin(
            "POST",
            "faults",
            "{\"fault\":\"emptyResponse\",\"next\":1,\"operation\":\"" + PENDING_REBOOT + "\"}");
    Answer zero = admin("POST", "faults", "{\"failNextCalls\":0}");
    Answer ok = admin("POST", "faults", "{\"failNextCalls\":1,\"code\":\"OK\"}");

    assertThat(unknown.body()).contains("field fault must be");
    assertThat(none.body()).contains("names no fault");
    assertThat(both.body()).contains("not both");
    assertThat(zero.body()).contains("field failNextCalls must be a whole number from 1");
    assertThat(ok.body()).contains("code must be an error");
    assertThat(java.util.List.of(unknown, none, both, zero, ok))
        .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(400));
  }

  @Test
  void journal_showsApiRequestsWithTheTokenHidden_notAdminOnes() throws Exception {
    server.enableAdminApi();
    server.operations().seed(TestOperations.pendingReboot());
    api("GET", PENDING_REBOOT + "?prettyPrint=false&access_token=leak");

    Answer journal = admin("GET", "journal", "");

    assertThat(journal.status()).isEqualTo(200);
    assertThat(journal.body())
        .contains("\"method\":\"GET\"")
        .contains("\"path\":\"/v1/" + PENDING_REBOOT + "\"")
        .contains("\"query\":\"prettyPrint=false&access_token=***\"")
        .contains("\"authorization\":[\"Bearer ***\"]")
        .contains("\"time\":\"2026-11-29T12:00:00Z\"")
        .doesNotContain("secret-token")
        .doesNotContain("leak")
        .doesNotContain("__admin");

    Answer cleared = admin("DELETE", "journal", "");

    assertThat(cleared.status()).isEqualTo(200);
    assertThat(admin("GET", "journal", "").body()).contains("\"requests\":[]");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void clock_advance_movesTheFakeClock() throws Exception {
    server.enableAdminApi();
    server.operations().devicesPickUpCommandsAfter(Duration.ofSeconds(5));
    Operation reboot = server.operations().issueCommand(DEVICE, CommandType.REBOOT);

    Answer advanced = admin("POST", "clock/advance", "{\"by\":\"30s\"}");

    assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    assertThat(advanced.body()).contains("\"now\":\"2026-11-29T12:00:30Z\"");
    assertThat(admin("GET", "clock", "").body())
        .contains("\"now\":\"2026-11-29T12:00:30Z\"")
        .contains("\"fake\":true");
    assertThat(operation(api("GET", reboot.name().toString())).result())
        .isEqualTo(OperationResult.Succeeded.issueCommandResponse());
  }

  @Test
  void clock_advanceOnTheSystemClock_isRefused() throws Exception {
    server.close();
    server = FakeAmapiServer.start();
    server.enableAdminApi();

    Answer refused = admin("POST", "clock/advance", "{\"by\":\"30s\"}");
    Answer negative = admin("POST", "clock/advance", "{\"by\":\"-1s\"}");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("system clock");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(admin("GET", "clock", "").body()).contains("\"fake\":false");
  }

  @Test
  void unknownPathsMethodsAndBodies_areNamed() throws Exception {
    server.enableAdminApi();

    Answer unknown = admin("GET", "nothing-here", "");
    Answer wrongMethod = admin("DELETE", "health", "");
    Answer notAnObject = admin("POST", "faults", "[1]");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("no admin endpoint /__admin/nothing-here");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.response().headers().firstValue("Allow")).contains("GET");
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.body()).contains("must be a JSON object");
  }

  @Test
  void certificate_ofAnHttpsServer_isPem() throws Exception {
    server.close();
    server = FakeAmapiServer.startHttps();
    server.enableAdminApi();
    HttpClient trusting =
        HttpClient.newBuilder().sslContext(FakeAmapiServer.clientSslContext()).build();

    HttpResponse<String> pem =
        trusting.send(
            HttpRequest.newBuilder(server.endpoint().resolve("__admin/certificate"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(pem.statusCode()).isEqualTo(200);
    assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----\n");
  }

  @Test
  void start_onAGivenPort_listensThere() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    server.close();

    server = FakeAmapiServer.start(clock, port);

    assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/"));
    assertThatThrownBy(() -> FakeAmapiServer.start(clock, port))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("port " + port);
    assertThatThrownBy(() -> FakeAmapiServer.start(clock, 70_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seedJson_inMemory_readsTheThreeForms() {
    FakeOperations fake = FakeOperations.create();

    assertThat(fake.seedJson(OPERATION_JSON.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(TestOperations.pendingReboot());
    assertThat(fake.seedJson("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(fake.seedJson("{\"operations\":[]}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(fake.operations(DEVICE)).hasSize(1);
    assertThat(Code.UNAVAILABLE.httpStatus()).isEqualTo(503);
  }
}
