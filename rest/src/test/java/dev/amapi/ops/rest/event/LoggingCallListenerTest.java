package dev.amapi.ops.rest.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.RetryPolicy;
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
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LoggingCallListenerTest {
  private static final OperationName NAME =
      OperationName.of("LC03k6enk8", "36c339908766f292", "1786048723669");
  private static final String TOKEN = "ya29.secret-token-never-logged";
  private static final String UNAVAILABLE =
      "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
          + "\"status\":\"UNAVAILABLE\"}}";

  /** A logger that keeps every line at every level. */
  private static final class Lines implements System.Logger {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg + " " + thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + format);
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
      lines.add(level + " " + msgSupplier.get());
    }
  }

  /** Answers from a queue, with the answer's headers echoing what was sent, as a proxy might. */
  private static final class Scripted implements HttpTransport {
    private final Deque<Integer> statuses = new ArrayDeque<>();

    Scripted(Integer... statuses) {
      this.statuses.addAll(List.of(statuses));
    }

    @Override
    public Exchange prepare(TransportRequest request) {
      return new Exchange() {
        @Override
        public TransportResponse call() {
          int status = statuses.remove();
          byte[] body = (status == 200 ? "{}" : UNAVAILABLE).getBytes(StandardCharsets.UTF_8);
          Map<String, List<String>> headers =
              Map.of(
                  "content-type",
                  List.of("application/json"),
                  "x-echo-authorization",
                  List.of(request.headers().getOrDefault("authorization", "")));
          return TransportResponse.of(status, headers, body, body.length, false);
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }

  private static final class Builder extends DeviceOperationsBuilder<Builder> {
    private final Scripted transport;

    Builder(Scripted transport) {
      this.transport = transport;
    }

    @Override
    protected HttpTransport newTransport(RestSettings settings) {
      return transport;
    }

    @Override
    protected Builder self() {
      return this;
    }
  }

  private static DeviceOperations client(Scripted transport, Lines lines) {
    return new Builder(transport)
        .tokenSource(AccessTokenSource.fixed(AccessToken.of(TOKEN)))
        .retryPolicy(
            RetryPolicy.of(
                3, Duration.ofMillis(1), Duration.ofMillis(5), EnumSet.of(Code.UNAVAILABLE)))
        .listener(LoggingCallListener.to(lines))
        .build();
  }

  @Test
  void retriedCall_isOneDebugLinePerAttemptAndNoToken() {
    Lines lines = new Lines();
    try (DeviceOperations client = client(new Scripted(503, 200), lines)) {
      client.cancel(NAME);
    }

    String path = "/v1/" + NAME + ":cancel";
    assertThat(lines.lines).hasSize(3);
    assertThat(lines.lines.get(0))
        .startsWith("DEBUG POST " + path + " 503 UNAVAILABLE ")
        .contains(", retry 2 in ")
        .endsWith(" ms (policy backoff)");
    assertThat(lines.lines.get(1)).startsWith("DEBUG POST " + path + " 200 OK ");
    assertThat(lines.lines.get(2)).startsWith("DEBUG POST " + path + " succeeded after 2 attempts");
    assertThat(String.join("\n", lines.lines))
        .doesNotContain("secret-token")
        .doesNotContain("ya29");
  }

  @Test
  void retriesExhausted_isAWarning() {
    Lines lines = new Lines();
    try (DeviceOperations client = client(new Scripted(503, 503, 503), lines)) {
      assertThatThrownBy(() -> client.get(NAME)).isInstanceOf(AmapiException.class);
    }

    assertThat(lines.lines).hasSize(4);
    assertThat(lines.lines.get(3))
        .startsWith("WARNING GET /v1/" + NAME + " failed with UNAVAILABLE after 3 attempts in ");
    assertThat(String.join("\n", lines.lines)).doesNotContain("secret-token");
  }
}
