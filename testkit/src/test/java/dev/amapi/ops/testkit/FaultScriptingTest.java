package dev.amapi.ops.testkit;

import static dev.amapi.ops.testkit.TestOperations.DEVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fault scripting and journal of the fakes, beyond what the contract suite covers. */
class FaultScriptingTest {
  private final FakeOperations fake = FakeOperations.create();

  @Test
  void issueCommand_byType_setsTypeCreateTimeAndDefaultDuration() {
    Operation issued = fake.issueCommand(DEVICE, CommandType.REBOOT);

    assertThat(issued.metadata().orElseThrow().type()).isEqualTo(CommandType.REBOOT);
    assertThat(issued.metadata().orElseThrow().createTime()).isPresent();
    assertThat(issued.metadata().orElseThrow().duration())
        .contains(FakeOperations.DEFAULT_COMMAND_DURATION);
  }

  @Test
  void onCancel_rejectsNegativeGetsAndNulls() {
    assertThatThrownBy(() -> OnCancel.takesEffectAfterGets(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gets");
    assertThat(OnCancel.takesEffectAfterGets(2)).isEqualTo(OnCancel.takesEffectAfterGets(2));
  }

  @Test
  void failNextCalls_rejectsNonsense() {
    assertThatThrownBy(() -> fake.failNextCalls(0, Code.UNAVAILABLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count");
    assertThatThrownBy(() -> fake.failNextCalls(1, Code.OK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.failNextCalls(1, Code.UNAVAILABLE, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("httpStatus");
    assertThatThrownBy(() -> fake.failNextCalls(1, Code.UNAVAILABLE, 503, Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
  }

  @Test
  void failNextCalls_fromManyThreads_failsExactlyThatManyCalls() throws Exception {
    OperationName name = fake.issueCommand(DEVICE, CommandType.REBOOT).name();
    fake.failNextCalls(50, Code.UNAVAILABLE);
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(
            pool.submit(
                () -> {
                  try {
                    fake.get(name);
                  } catch (AmapiException e) {
                    failed.incrementAndGet();
                  }
                }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(failed).hasValue(50);
    assertThat(fake.getCount(name)).isEqualTo(200);
  }

  @Test
  void clearFaults_restoresTheDefaults() {
    OperationName name = fake.issueCommand(DEVICE, CommandType.REBOOT).name();
    fake.onCancelOfAll(OnCancel.unimplemented());
    fake.failNextCalls(3, Code.INTERNAL);

    fake.clearFaults();
    fake.cancel(name);

    assertThat(fake.get(name).isCancelled()).isTrue();
  }

  @Test
  void assertCancelledOnce_failsListingTheCallsThatArrived() {
    OperationName name = fake.issueCommand(DEVICE, CommandType.REBOOT).name();
    fake.get(name);

    assertThatThrownBy(() -> fake.assertCancelledOnce(name))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected one cancel of " + name + " but there were 0")
        .hasMessageContaining("GET " + name);
  }

  @Test
  void assertNeverCancelled_withNoCallsAtAll_saysSo() {
    OperationName name = DEVICE.operation("1");
    fake.cancelAsync(name);

    assertThatThrownBy(() -> fake.assertNeverCancelled(name))
        .hasMessageContaining("there were 1")
        .hasMessageContaining("CANCEL " + name);
    assertThat(FakeOperations.create().calls()).isEmpty();
  }

  @Test
  void server_failNextCalls_withRetryAfter_sendsTheHeader() throws Exception {
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      OperationName name = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
      server.operations().failNextCalls(1, Code.RESOURCE_EXHAUSTED, 429, Duration.ofSeconds(7));

      HttpResponse<String> response = get(server, "/v1/" + name);

      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.headers().firstValue("retry-after")).contains("7");
      assertThat(response.body()).contains("RESOURCE_EXHAUSTED");
      assertThat(server.lastRequest().path()).isEqualTo("/v1/" + name);
    }
  }

  @Test
  void server_acceptOnly_rejectsOtherTokensBeforeTheState() throws Exception {
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      OperationName name = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
      server.operations().clearCalls();
      server.acceptOnly("good"::equals);

      HttpResponse<String> response = get(server, "/v1/" + name);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("UNAUTHENTICATED");
      assertThat(server.operations().calls()).isEmpty();
    }
  }

  @Test
  void server_httpFaults_areStatefulModeOnly() {
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      server.enqueue(FakeResponse.json(200, "{}"));

      assertThatThrownBy(() -> server.dropNextRequests(1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("scripted mode");
      assertThatThrownBy(() -> server.operations().onCancelOfAll(OnCancel.unimplemented()))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> server.operations().latency(Duration.ofMillis(1)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void server_truncatedAnswer_isHalfTheJson() throws Exception {
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      OperationName name = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
      server.truncateNextAnswers(1);

      String cut = get(server, "/v1/" + name).body();
      String whole = get(server, "/v1/" + name).body();

      assertThat(whole).startsWith(cut);
      assertThat(cut.length()).isEqualTo(whole.length() / 2);
      assertThat(server.requestsTo(name.toString())).hasSize(2);
    }
  }

  private static HttpResponse<String> get(FakeAmapiServer server, String path) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    return client.send(
        HttpRequest.newBuilder(URI.create(server.endpoint() + path.substring(1)))
            .header("Authorization", "Bearer token")
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
