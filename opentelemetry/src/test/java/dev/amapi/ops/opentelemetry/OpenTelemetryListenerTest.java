package dev.amapi.ops.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryListenerTest {
  private static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");
  private static final String TOKEN = "otel-secret-token";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .build();
  private final FakeAmapiServer server = FakeAmapiServer.start();

  @AfterEach
  void close() {
    server.close();
    sdk.close();
  }

  private DeviceOperations client() {
    return JdkHttpOperations.builder()
        .endpoint(server.endpoint())
        .tokenSource(AccessTokenSource.fixed(AccessToken.of(TOKEN)))
        .retryPolicy(
            RetryPolicy.of(
                3, Duration.ofMillis(1), Duration.ofMillis(5), EnumSet.of(Code.UNAVAILABLE)))
        .listener(OpenTelemetryListener.create(sdk))
        .build();
  }

  private OperationName pendingReboot() {
    return server
        .operations()
        .issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build())
        .name();
  }

  @Test
  void retriedCall_isOneClientSpanWithAChildPerAttempt() {
    OperationName name = pendingReboot();
    server.operations().failNextCalls(2, Code.UNAVAILABLE);
    Span parent = sdk.getTracer("test").spanBuilder("reboot-canceller").startSpan();
    try (DeviceOperations client = client();
        Scope scope = parent.makeCurrent()) {
      client.cancel(name);
    } finally {
      parent.end();
    }

    SpanData call = span("androidmanagement.enterprises.devices.operations/cancel");
    assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(call.getAttributes().get(OpenTelemetryListener.RPC_SERVICE_KEY))
        .isEqualTo("androidmanagement.enterprises.devices.operations");
    assertThat(call.getAttributes().get(OpenTelemetryListener.RPC_METHOD)).isEqualTo("cancel");
    assertThat(call.getAttributes().get(OpenTelemetryListener.RPC_STATUS)).isEqualTo("OK");
    assertThat(call.getAttributes().get(OpenTelemetryListener.SERVER_ADDRESS))
        .isEqualTo(server.endpoint().getHost());
    assertThat(call.getAttributes().get(OpenTelemetryListener.SERVER_PORT))
        .isEqualTo((long) server.endpoint().getPort());
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    List<SpanData> attempts = childrenOf(call);
    assertThat(attempts).hasSize(3);
    assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.getName()).isEqualTo("POST"));
    assertThat(attempts).allSatisfy(a -> assertThat(a.getKind()).isEqualTo(SpanKind.CLIENT));
    assertThat(attempts)
        .extracting(a -> a.getAttributes().get(OpenTelemetryListener.HTTP_STATUS))
        .containsExactly(503L, 503L, 200L);
    assertThat(attempts)
        .extracting(a -> a.getAttributes().get(OpenTelemetryListener.RESEND_COUNT))
        .containsExactly(null, 1L, 2L);
    assertThat(attempts)
        .extracting(a -> a.getAttributes().get(OpenTelemetryListener.ERROR_TYPE))
        .containsExactly("503", "503", null);
    assertThat(attempts)
        .extracting(a -> a.getAttributes().get(OpenTelemetryListener.RETRY_REASON))
        .containsExactly("policy_backoff", "policy_backoff", null);
    assertThat(attempts.get(2).getAttributes().get(OpenTelemetryListener.URL_FULL))
        .isEqualTo(server.endpoint() + "v1/" + name + ":cancel");
    assertThat(attempts.get(2).getAttributes().get(OpenTelemetryListener.HTTP_METHOD))
        .isEqualTo("POST");
    assertThat(spans.getFinishedSpanItems().toString()).doesNotContain(TOKEN);
  }

  @Test
  void retriedCall_isMeasured() {
    OperationName name = pendingReboot();
    server.operations().failNextCalls(2, Code.UNAVAILABLE);
    try (DeviceOperations client = client()) {
      client.cancel(name);
      client.get(name);
    }

    Collection<MetricData> all = metrics.collectAllMetrics();
    HistogramPointData calls = onlyHistogramPoint(all, "rpc.client.call.duration", "cancel");
    assertThat(calls.getCount()).isEqualTo(1);
    assertThat(metric(all, "rpc.client.call.duration").getUnit()).isEqualTo("s");
    assertThat(
            metric(all, "http.client.request.duration").getHistogramData().getPoints().stream()
                .mapToLong(HistogramPointData::getCount)
                .sum())
        .isEqualTo(4); // 3 exchanges of the cancel, 1 of the get
    assertThat(counts(all, "amapi_ops.client.attempts"))
        .containsEntry("cancel UNAVAILABLE", 2L)
        .containsEntry("cancel OK", 1L)
        .containsEntry("get OK", 1L);
    assertThat(counts(all, "amapi_ops.client.retries"))
        .containsExactlyEntriesOf(java.util.Map.of("cancel UNAVAILABLE", 2L));
  }

  @Test
  void failedCall_hasAnErrorStatusAndType() {
    try (DeviceOperations client = client()) {
      assertThatThrownBy(() -> client.get(DEVICE.operation("404")))
          .isInstanceOf(AmapiException.class);
    }

    SpanData call = span("androidmanagement.enterprises.devices.operations/get");
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(call.getAttributes().get(OpenTelemetryListener.ERROR_TYPE)).isEqualTo("NOT_FOUND");
    assertThat(call.getAttributes().get(OpenTelemetryListener.RPC_STATUS)).isEqualTo("NOT_FOUND");
    SpanData attempt = childrenOf(call).get(0);
    assertThat(attempt.getName()).isEqualTo("GET");
    assertThat(attempt.getAttributes().get(OpenTelemetryListener.HTTP_STATUS)).isEqualTo(404L);
    assertThat(attempt.getAttributes().get(OpenTelemetryListener.ERROR_TYPE)).isEqualTo("404");
  }

  @Test
  void asyncCall_endsItsSpanOnAnotherThread() {
    OperationName name = pendingReboot();
    try (DeviceOperations client = client()) {
      client.getAsync(name).join();
    }

    SpanData call = span("androidmanagement.enterprises.devices.operations/get");
    assertThat(call.hasEnded()).isTrue();
    assertThat(childrenOf(call)).hasSize(1);
  }

  private SpanData span(String name) {
    List<SpanData> named =
        spans.getFinishedSpanItems().stream()
            .filter(span -> span.getName().equals(name))
            .collect(Collectors.toList());
    assertThat(named).as("spans named %s", name).hasSize(1);
    return named.get(0);
  }

  private List<SpanData> childrenOf(SpanData parent) {
    return spans.getFinishedSpanItems().stream()
        .filter(span -> span.getParentSpanId().equals(parent.getSpanId()))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .collect(Collectors.toList());
  }

  private static MetricData metric(Collection<MetricData> all, String name) {
    return all.stream()
        .filter(metric -> metric.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + all));
  }

  private static HistogramPointData onlyHistogramPoint(
      Collection<MetricData> all, String name, String method) {
    List<HistogramPointData> points =
        metric(all, name).getHistogramData().getPoints().stream()
            .filter(
                point -> method.equals(point.getAttributes().get(OpenTelemetryListener.RPC_METHOD)))
            .collect(Collectors.toList());
    assertThat(points).hasSize(1);
    return points.get(0);
  }

  /** Returns a counter's values keyed by "method code". */
  private static java.util.Map<String, Long> counts(Collection<MetricData> all, String name) {
    return metric(all, name).getLongSumData().getPoints().stream()
        .collect(
            Collectors.toMap(
                point ->
                    point.getAttributes().get(OpenTelemetryListener.RPC_METHOD)
                        + " "
                        + point.getAttributes().get(OpenTelemetryListener.RPC_STATUS),
                LongPointData::getValue));
  }
}
