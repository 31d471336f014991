package dev.amapi.ops.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.spi.HttpTransport;
import dev.amapi.ops.rest.spi.TransportRequest;
import dev.amapi.ops.rest.spi.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The binding's own logic (retries, token handling, async plumbing) over a scripted exchange: the
 * transports' behaviour on the wire is the contract suite's, over real HTTP.
 */
class RestOperationsTest {
  private static final OperationName NAME =
      OperationName.of("LC03k6enk8", "36c339908766f292", "1786048723669");
  private static final Duration WAIT = Duration.ofSeconds(5);

  /** A transport answering from a queue and recording what it was asked to send. */
  private static final class ScriptedExchange implements HttpTransport {
    final List<TransportRequest> sent = new CopyOnWriteArrayList<>();
    private final Deque<TransportResponse> answers = new ArrayDeque<>();

    ScriptedExchange answer(int status, String body, Map<String, List<String>> headers) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      answers.add(TransportResponse.of(status, headers, bytes, bytes.length, false));
      return this;
    }

    synchronized TransportResponse send(TransportRequest request) {
      sent.add(request);
      TransportResponse answer = answers.poll();
      if (answer == null) {
        throw new AssertionError("no answer scripted for " + request);
      }
      return answer;
    }

    @Override
    public Exchange prepare(TransportRequest request) {
      return new Exchange() {
        @Override
        public TransportResponse call() {
          return send(request);
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }

  private static final class Builder extends DeviceOperationsBuilder<Builder> {
    private final ScriptedExchange exchange;

    Builder(ScriptedExchange exchange) {
      this.exchange = exchange;
    }

    @Override
    protected HttpTransport newTransport(RestSettings settings) {
      return exchange;
    }

    @Override
    protected Builder self() {
      return this;
    }
  }

  private static DeviceOperations client(ScriptedExchange exchange, AccessTokenSource tokens) {
    return new Builder(exchange)
        .tokenSource(tokens)
        .retryPolicy(
            RetryPolicy.of(
                3, Duration.ofMillis(50), Duration.ofSeconds(2), EnumSet.of(Code.UNAVAILABLE)))
        .build();
  }

  private static AccessTokenSource fixed() {
    return AccessTokenSource.fixed(AccessToken.of("t"));
  }

  @Test
  void quotaProjectThatCouldSplitAHeader_isRefusedBeforeSending() {
    ScriptedExchange exchange = new ScriptedExchange();
    AccessTokenSource tokens =
        new AccessTokenSource() {
          @Override
          public AccessToken token() {
            return AccessToken.of("t");
          }

          @Override
          public Optional<String> quotaProject() {
            return Optional.of("proj\r\nx-injected: yes");
          }
        };

    assertThatThrownBy(() -> client(exchange, tokens).cancel(NAME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quota project")
        .hasMessageContaining("U+000D");
    assertThat(exchange.sent).isEmpty();
  }

  @Test
  void cancelAsync_doesNotFetchTheTokenOnTheCallersThread() throws Exception {
    ScriptedExchange exchange = new ScriptedExchange().answer(200, "{}", Map.of());
    CountDownLatch tokenMayCome = new CountDownLatch(1);
    AccessTokenSource slow =
        () -> {
          try {
            tokenMayCome.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return AccessToken.of("t");
        };
    DeviceOperations ops = client(exchange, slow);

    CompletableFuture<Void> cancel = assertTimeoutPreemptively(WAIT, () -> ops.cancelAsync(NAME));

    assertThat(cancel).isNotDone();
    tokenMayCome.countDown();
    cancel.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(exchange.sent).hasSize(1);
  }

  @Test
  void asyncRefreshToNull_failsTheFutureInsteadOfLeavingItPending() {
    ScriptedExchange exchange =
        new ScriptedExchange().answer(401, "{\"error\":{\"code\":401}}", Map.of());
    AccessTokenSource broken =
        new AccessTokenSource() {
          @Override
          public AccessToken token() {
            return AccessToken.of("t");
          }

          @SuppressWarnings("NullAway") // a broken source, on purpose
          @Override
          public AccessToken refresh(AccessToken rejected) {
            return null;
          }
        };

    CompletableFuture<Void> cancel = client(exchange, broken).cancelAsync(NAME);

    assertThatThrownBy(() -> cancel.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .hasCauseInstanceOf(NullPointerException.class);
  }

  @Test
  void closeWhileARetryWaits_failsTheFutureWithClosed() throws Exception {
    ScriptedExchange exchange =
        new ScriptedExchange().answer(503, "{\"error\":{\"code\":503}}", Map.of());
    DeviceOperations ops = client(exchange, fixed());

    CompletableFuture<Void> cancel = ops.cancelAsync(NAME);
    while (exchange.sent.isEmpty()) {
      Thread.sleep(1);
    }
    ops.close();

    assertThatThrownBy(() -> cancel.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static String operationJson(OperationName name) {
    return "{\"name\":\"" + name + "\",\"metadata\":{\"type\":\"REBOOT\"}}";
  }

  @Test
  void get_answerForTheOperationAskedFor_isReturned() {
    ScriptedExchange exchange = new ScriptedExchange().answer(200, operationJson(NAME), Map.of());

    assertThat(client(exchange, fixed()).get(NAME).name()).isEqualTo(NAME);
  }

  @Test
  void get_answerForAnotherOperation_isRefusedNamingBothAndNotRetried() {
    OperationName other = OperationName.of("LC03k6enk8", "36c339908766f292", "999");
    ScriptedExchange exchange = new ScriptedExchange().answer(200, operationJson(other), Map.of());

    assertThatThrownBy(() -> client(exchange, fixed()).get(NAME))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.UNKNOWN);
              assertThat(e.httpStatus()).hasValue(200);
              assertThat(e.getMessage())
                  .contains("the answer is the operation \"" + other + "\"")
                  .contains("not \"" + NAME + "\", the one asked for");
            });
    assertThat(exchange.sent).hasSize(1);
  }

  @Test
  void getAsync_answerForAnotherOperation_failsTheFutureWithUnknown() {
    OperationName other = OperationName.of("LC03k6enk8", "another-device", "1786048723669");
    ScriptedExchange exchange = new ScriptedExchange().answer(200, operationJson(other), Map.of());

    CompletableFuture<?> get = client(exchange, fixed()).getAsync(NAME);

    assertThatThrownBy(() -> get.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.UNKNOWN);
              assertThat(e.getMessage()).contains(other.toString()).contains(NAME.toString());
            });
  }

  @Test
  void errorWithUnknownStatusName_keepsTheNameInTheStatusAndTheMessage() {
    ScriptedExchange exchange =
        new ScriptedExchange()
            .answer(
                409,
                "{\"error\":{\"code\":409,\"message\":\"busy\",\"status\":\"SOME_NEW_STATUS\","
                    + "\"debugId\":\"42\"}}",
                Map.of());

    assertThatThrownBy(() -> client(exchange, fixed()).cancel(NAME))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.ABORTED);
              assertThat(e.status().unknownStatus()).contains("SOME_NEW_STATUS");
              assertThat(e.status().otherFields()).containsEntry("debugId", "\"42\"");
              assertThat(e)
                  .hasMessage("ABORTED (the server said SOME_NEW_STATUS): busy (HTTP 409)");
            });
  }

  @Test
  void list_loneSurrogateInFilterOrPageToken_isRefusedBeforeAnythingIsSent() {
    ScriptedExchange exchange = new ScriptedExchange();
    DeviceOperations ops = client(exchange, fixed());

    assertThatThrownBy(
            () -> ops.list(NAME.device(), ListOperationsRequest.firstPage().withFilter("x\uD800")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("filter has an unpaired surrogate U+D800 at index 1");
    assertThatThrownBy(
            () ->
                ops.list(NAME.device(), ListOperationsRequest.firstPage().withPageToken("\uDC00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pageToken has an unpaired surrogate U+DC00 at index 0");
    assertThat(exchange.sent).isEmpty();
  }

  @Test
  void retryAfterLongerThanMaxBackoff_failsAtOnceWithTheServersAnswer() {
    ScriptedExchange exchange =
        new ScriptedExchange()
            .answer(
                503,
                "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"later\"}}",
                Map.of("Retry-After", List.of("999999")));

    assertThatThrownBy(
            () -> assertTimeoutPreemptively(WAIT, () -> client(exchange, fixed()).cancel(NAME)))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.UNAVAILABLE);
              assertThat(e.status().message()).isEqualTo("later");
              // What the server asked for is kept, for a caller that paces itself.
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(999999));
            });
    assertThat(exchange.sent).hasSize(1);
  }

  @Test
  void answerWithoutRetryAfter_hasNone() {
    ScriptedExchange exchange =
        new ScriptedExchange()
            .answer(404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}", Map.of());

    assertThatThrownBy(() -> client(exchange, fixed()).cancel(NAME))
        .isInstanceOfSatisfying(AmapiException.class, e -> assertThat(e.retryAfter()).isEmpty());
  }

  @Test
  void hugeRetryInfo_isNotAnArithmeticOverflow() {
    String body =
        "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"later\",\"details\":"
            + "[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
            + "\"retryDelay\":\"10000000000000000s\"}]}}";
    ScriptedExchange exchange = new ScriptedExchange().answer(503, body, Map.of());

    CompletableFuture<Void> cancel = client(exchange, fixed()).cancelAsync(NAME);

    assertThatThrownBy(cancel::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(AmapiException.class);
  }

  @Test
  void errorFromTheTransport_isNeverRetriedAndReachesSyncAndAsyncCallers() {
    List<TransportRequest> sent = new CopyOnWriteArrayList<>();
    HttpTransport failing =
        new HttpTransport() {
          @Override
          public Exchange prepare(TransportRequest request) {
            return new Exchange() {
              @Override
              public TransportResponse call() {
                sent.add(request);
                throw new OutOfMemoryError("scripted");
              }

              @Override
              public void abort() {}
            };
          }

          @Override
          public void close() {}
        };
    final class FailingBuilder extends DeviceOperationsBuilder<FailingBuilder> {
      @Override
      protected HttpTransport newTransport(RestSettings settings) {
        return failing;
      }

      @Override
      protected FailingBuilder self() {
        return this;
      }
    }
    DeviceOperations ops =
        new FailingBuilder()
            .tokenSource(fixed())
            .retryPolicy(
                RetryPolicy.of(
                    5, Duration.ofMillis(1), Duration.ofMillis(5), EnumSet.allOf(Code.class)))
            .build();

    assertThatThrownBy(() -> assertTimeoutPreemptively(WAIT, () -> ops.get(NAME)))
        .isInstanceOf(OutOfMemoryError.class);
    assertThat(sent).hasSize(1);

    CompletableFuture<?> async = ops.getAsync(NAME);
    assertThatThrownBy(() -> async.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .hasCauseInstanceOf(OutOfMemoryError.class);
    assertThat(sent).hasSize(2);
    ops.close();
  }
}
