package dev.amapi.ops.opentelemetry;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.rest.event.AttemptEnd;
import dev.amapi.ops.rest.event.CallEnd;
import dev.amapi.ops.rest.event.CallListener;
import dev.amapi.ops.rest.event.CallStart;
import dev.amapi.ops.rest.event.RetryReason;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Traces and measures every call of a client with OpenTelemetry, following its semantic conventions
 * for RPC and HTTP clients. Register it on any transport's builder:
 *
 * <pre>{@code
 * DeviceOperations operations =
 *     JdkHttpOperations.builder()
 *         .tokenSource(tokens)
 *         .listener(OpenTelemetryListener.create(openTelemetry))
 *         .build();
 * }</pre>
 *
 * <p><b>Spans.</b> Each call is a {@link SpanKind#CLIENT} span named {@code
 * androidmanagement.enterprises.devices.operations/cancel} (or {@code /get}, {@code /list}), a
 * child of the context current on the thread that made the call, with {@code rpc.system}, {@code
 * rpc.service}, {@code rpc.method}, {@code server.address}, {@code server.port}, {@code
 * rpc.response.status_code} (the {@link Code}'s name) and, when it failed, {@code error.type} and
 * an error status. Each HTTP exchange is a child {@code CLIENT} span named by its method ({@code
 * POST} or {@code GET}) with {@code http.request.method}, {@code url.full} (the SDK never puts a
 * credential in a URL), {@code server.address}, {@code server.port}, {@code
 * http.response.status_code}, {@code http.request.resend_count} from the second exchange on, {@code
 * error.type} when it failed, and the retry that follows ({@code amapi_ops.retry.reason}, {@code
 * amapi_ops.retry.delay} in seconds). No token or header value is ever recorded.
 *
 * <p><b>Metrics.</b> {@code rpc.client.call.duration} (seconds, per call), {@code
 * http.client.request.duration} (seconds, per exchange), {@code amapi_ops.client.attempts} (per
 * exchange, by {@code rpc.method} and {@code rpc.response.status_code}) and {@code
 * amapi_ops.client.retries} (by {@code rpc.method}, {@code rpc.response.status_code} and {@code
 * amapi_ops.retry.reason}).
 *
 * <p>Thread-safe: a call may start on one thread and end on another; its span is kept by the call's
 * id until it ends.
 */
public final class OpenTelemetryListener implements CallListener {
  /** The instrumentation scope's name, for the tracer and the meter. */
  public static final String INSTRUMENTATION_NAME = "dev.amapi.ops";

  /** The {@code rpc.service} of every call: the API resource the methods belong to. */
  public static final String RPC_SERVICE = "androidmanagement.enterprises.devices.operations";

  static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  static final AttributeKey<String> RPC_SERVICE_KEY = AttributeKey.stringKey("rpc.service");
  static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  static final AttributeKey<String> RPC_STATUS = AttributeKey.stringKey("rpc.response.status_code");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("amapi_ops.retry.reason");
  static final AttributeKey<Double> RETRY_DELAY = AttributeKey.doubleKey("amapi_ops.retry.delay");
  static final AttributeKey<String> TRANSPORT = AttributeKey.stringKey("amapi_ops.transport");

  // The semantic conventions' advice for HTTP and RPC durations, in seconds.
  private static final List<Double> DURATION_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private final Tracer tracer;
  private final DoubleHistogram callDuration;
  private final DoubleHistogram requestDuration;
  private final LongCounter attempts;
  private final LongCounter retries;
  private final Map<Long, CallState> calls = new ConcurrentHashMap<>();

  private OpenTelemetryListener(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
    Meter meter = openTelemetry.getMeter(INSTRUMENTATION_NAME);
    this.callDuration =
        meter
            .histogramBuilder("rpc.client.call.duration")
            .setUnit("s")
            .setDescription("How long each call took, retries and the waits between them included")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
    this.requestDuration =
        meter
            .histogramBuilder("http.client.request.duration")
            .setUnit("s")
            .setDescription("How long each HTTP exchange took")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
    this.attempts =
        meter
            .counterBuilder("amapi_ops.client.attempts")
            .setUnit("{attempt}")
            .setDescription("HTTP exchanges sent, by method and code")
            .build();
    this.retries =
        meter
            .counterBuilder("amapi_ops.client.retries")
            .setUnit("{retry}")
            .setDescription("Exchanges followed by another, by method, code and reason")
            .build();
  }

  /**
   * Returns a listener that records spans and metrics with this OpenTelemetry instance's tracer and
   * meter providers.
   *
   * @param openTelemetry such as the SDK the application configured, or {@code
   *     GlobalOpenTelemetry.get()}
   * @return the listener, to pass to a builder's {@code listener(...)}
   */
  public static OpenTelemetryListener create(OpenTelemetry openTelemetry) {
    return new OpenTelemetryListener(requireNonNull(openTelemetry, "openTelemetry"));
  }

  @Override
  public void callStarted(CallStart start) {
    URI uri = start.uri();
    String method = start.kind().method();
    AttributesBuilder common =
        Attributes.builder()
            .put(RPC_SYSTEM, "http")
            .put(RPC_SERVICE_KEY, RPC_SERVICE)
            .put(RPC_METHOD, method)
            .put(SERVER_ADDRESS, String.valueOf(uri.getHost()))
            .put(SERVER_PORT, (long) port(uri));
    Attributes callAttributes = common.build();
    Span span =
        tracer
            .spanBuilder(RPC_SERVICE + "/" + method)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.current())
            .setAllAttributes(callAttributes)
            .setAttribute(TRANSPORT, start.transport())
            .startSpan();
    calls.put(start.callId(), new CallState(span, callAttributes));
  }

  @Override
  public void attemptEnded(AttemptEnd end) {
    CallStart call = end.call();
    CallState state = calls.get(call.callId());
    if (state == null) {
      return; // started before this listener heard, or already ended
    }
    int resends = state.exchanges++;
    Instant ended = Instant.now();
    long endNanos = epochNanos(ended);
    long latencyNanos = end.latency().toNanos();
    URI uri = call.uri();
    var spanBuilder =
        tracer
            .spanBuilder(call.httpMethod())
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.root().with(state.span))
            .setStartTimestamp(endNanos - latencyNanos, TimeUnit.NANOSECONDS)
            .setAttribute(HTTP_METHOD, call.httpMethod())
            .setAttribute(URL_FULL, uri.toString())
            .setAttribute(SERVER_ADDRESS, String.valueOf(uri.getHost()))
            .setAttribute(SERVER_PORT, (long) port(uri));
    if (resends > 0) {
      spanBuilder.setAttribute(RESEND_COUNT, (long) resends);
    }
    Span span = spanBuilder.startSpan();
    AttributesBuilder measured =
        Attributes.builder()
            .put(HTTP_METHOD, call.httpMethod())
            .put(SERVER_ADDRESS, String.valueOf(uri.getHost()))
            .put(SERVER_PORT, (long) port(uri))
            .put(RPC_METHOD, call.kind().method());
    if (end.httpStatus() != 0) {
      span.setAttribute(HTTP_STATUS, (long) end.httpStatus());
      measured.put(HTTP_STATUS, (long) end.httpStatus());
    }
    String errorType = end.errorType();
    if (!errorType.isEmpty()) {
      span.setAttribute(ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR, end.code().name());
      measured.put(ERROR_TYPE, errorType);
    }
    if (end.retried()) {
      span.setAttribute(RETRY_REASON, reasonName(end.retryReason()));
      span.setAttribute(RETRY_DELAY, seconds(end.retryDelay().toNanos()));
    }
    span.end(endNanos, TimeUnit.NANOSECONDS);

    requestDuration.record(seconds(latencyNanos), measured.build());
    Attributes byCode =
        Attributes.of(RPC_METHOD, call.kind().method(), RPC_STATUS, end.code().name());
    attempts.add(1, byCode);
    if (end.retried()) {
      retries.add(1, byCode.toBuilder().put(RETRY_REASON, reasonName(end.retryReason())).build());
    }
  }

  @Override
  public void callEnded(CallEnd end) {
    CallState state = calls.remove(end.call().callId());
    if (state == null) {
      return;
    }
    Span span = state.span;
    span.setAttribute(RPC_STATUS, end.code().name());
    AttributesBuilder measured = state.attributes.toBuilder().put(RPC_STATUS, end.code().name());
    if (!end.succeeded()) {
      span.setAttribute(ERROR_TYPE, end.errorType());
      span.setStatus(StatusCode.ERROR, end.code().name());
      measured.put(ERROR_TYPE, end.errorType());
    }
    span.end();
    callDuration.record(seconds(end.elapsed().toNanos()), measured.build());
  }

  @Override
  public String toString() {
    return "OpenTelemetryListener{calls in flight=" + calls.size() + '}';
  }

  private static String reasonName(RetryReason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }

  private static long epochNanos(Instant instant) {
    return ChronoUnit.NANOS.between(Instant.EPOCH, instant);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** One call in flight: its span, its attributes, how many exchanges it has made. */
  private static final class CallState {
    final Span span;
    final Attributes attributes;
    int exchanges; // the call's exchanges run one after another, never two at once

    CallState(Span span, Attributes attributes) {
      this.span = span;
      this.attributes = attributes;
    }
  }
}
