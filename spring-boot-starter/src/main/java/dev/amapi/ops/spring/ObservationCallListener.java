package dev.amapi.ops.spring;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.rest.event.AttemptEnd;
import dev.amapi.ops.rest.event.CallEnd;
import dev.amapi.ops.rest.event.CallListener;
import dev.amapi.ops.rest.event.CallStart;
import dev.amapi.ops.rest.event.RetryReason;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Makes Micrometer {@link Observation}s of every call of a client, as the opentelemetry module's
 * listener makes spans: one observation per call, and a child observation per attempt. With Spring
 * Boot's metrics they become timers ({@value #CALL_OBSERVATION}, {@value #ATTEMPT_OBSERVATION});
 * with Micrometer Tracing, spans.
 *
 * <p><b>{@value #CALL_OBSERVATION}</b>: started when the call starts, a child of the observation
 * current on the calling thread; stopped when it ends. Contextual name {@code
 * androidmanagement.enterprises.devices.operations/cancel} (or {@code /get}, {@code /list}, {@code
 * /issueCommand}). Low-cardinality key values: {@code rpc.system} ({@code http}), {@code
 * rpc.service}, {@code rpc.method} ({@code cancel}, {@code get}, {@code list}, {@code
 * issueCommand}), {@code amapi_ops.transport}, {@code rpc.response.status_code} (the {@link Code}'s
 * name), {@code outcome} ({@code SUCCESS} or {@code FAILURE}), {@code error.type} ({@code none},
 * the code, or the exception's class). High-cardinality: {@code amapi_ops.resource} (the
 * operation's or device's name), {@code url.full}, {@code amapi_ops.attempts}.
 *
 * <p><b>{@value #ATTEMPT_OBSERVATION}</b>: one per HTTP exchange, a child of its call's. The
 * listener hears when an attempt ends, not when it starts: the first attempt's observation is
 * started with the call, and each retry's when the attempt before it ends, so it also covers the
 * wait before that retry ({@code amapi_ops.retry.delay} on the attempt before says how long). The
 * SDK's own measure of the exchange is the high-cardinality {@code amapi_ops.latency} (ms).
 * Low-cardinality: {@code rpc.method}, {@code http.request.method}, {@code
 * http.response.status_code} ({@code none} when no answer came), {@code rpc.response.status_code},
 * {@code outcome}, {@code error.type}, {@code amapi_ops.retry.reason} ({@code none}, {@code
 * policy_backoff}, {@code server_retry_info}, {@code retry_after}, {@code token_refresh}).
 * High-cardinality: {@code url.full}, {@code http.request.resend_count}, {@code
 * amapi_ops.retry.delay}. An attempt that never went out because the call ended first (cancelled,
 * closed) is stopped with the call's code.
 *
 * <p>No key value holds a token or a header value. Thread-safe: a call may start on one thread and
 * end on another; its observations are kept by the call's id until it ends.
 */
public final class ObservationCallListener implements CallListener {
  /** The name of a call's observation. */
  public static final String CALL_OBSERVATION = "amapi.ops.call";

  /** The name of an attempt's observation. */
  public static final String ATTEMPT_OBSERVATION = "amapi.ops.attempt";

  /** The {@code rpc.service} of every call: the API resource the methods belong to. */
  public static final String RPC_SERVICE = "androidmanagement.enterprises.devices.operations";

  private static final String NONE = "none";

  private final ObservationRegistry registry;
  private final Map<Long, CallState> calls = new ConcurrentHashMap<>();

  private ObservationCallListener(ObservationRegistry registry) {
    this.registry = registry;
  }

  /**
   * Returns a listener that makes its observations in this registry.
   *
   * @param registry the application's observation registry
   * @return the listener, to pass to a builder's {@code listener(...)} (the starter does so)
   */
  public static ObservationCallListener create(ObservationRegistry registry) {
    return new ObservationCallListener(requireNonNull(registry, "registry"));
  }

  @Override
  public void callStarted(CallStart start) {
    String method = start.kind().method();
    Observation call =
        Observation.createNotStarted(CALL_OBSERVATION, registry)
            .contextualName(RPC_SERVICE + "/" + method)
            .parentObservation(registry.getCurrentObservation())
            .lowCardinalityKeyValue("rpc.system", "http")
            .lowCardinalityKeyValue("rpc.service", RPC_SERVICE)
            .lowCardinalityKeyValue("rpc.method", method)
            .lowCardinalityKeyValue("amapi_ops.transport", start.transport())
            .highCardinalityKeyValue("amapi_ops.resource", start.resource())
            .highCardinalityKeyValue("url.full", start.uri().toString());
    if (call.isNoop()) {
      return;
    }
    call.start();
    CallState state = new CallState(call);
    state.attempt = startAttempt(call, start, 0);
    calls.put(start.callId(), state);
  }

  @Override
  public void attemptEnded(AttemptEnd end) {
    CallState state = calls.get(end.call().callId());
    if (state == null) {
      return; // started before this listener heard, or not observed
    }
    Observation attempt = state.attempt;
    if (attempt == null) {
      attempt = startAttempt(state.call, end.call(), state.exchanges);
    }
    state.exchanges++;
    String errorType = end.errorType();
    attempt
        .lowCardinalityKeyValue(
            "http.response.status_code",
            end.httpStatus() == 0 ? NONE : Integer.toString(end.httpStatus()))
        .lowCardinalityKeyValue("rpc.response.status_code", end.code().name())
        .lowCardinalityKeyValue("outcome", outcome(end.code()))
        .lowCardinalityKeyValue("error.type", errorType.isEmpty() ? NONE : errorType)
        .lowCardinalityKeyValue("amapi_ops.retry.reason", reasonName(end.retryReason()))
        .highCardinalityKeyValue("amapi_ops.latency", Long.toString(end.latency().toMillis()))
        .highCardinalityKeyValue(
            "amapi_ops.retry.delay", Long.toString(end.retryDelay().toMillis()));
    attempt.stop();
    state.attempt = end.retried() ? startAttempt(state.call, end.call(), state.exchanges) : null;
  }

  @Override
  public void callEnded(CallEnd end) {
    CallState state = calls.remove(end.call().callId());
    if (state == null) {
      return;
    }
    String errorType = end.succeeded() ? NONE : end.errorType();
    Observation attempt = state.attempt;
    if (attempt != null) {
      attempt
          .lowCardinalityKeyValue("http.response.status_code", NONE)
          .lowCardinalityKeyValue("rpc.response.status_code", end.code().name())
          .lowCardinalityKeyValue("outcome", outcome(end.code()))
          .lowCardinalityKeyValue("error.type", errorType)
          .lowCardinalityKeyValue("amapi_ops.retry.reason", reasonName(RetryReason.NONE))
          .stop();
    }
    state
        .call
        .lowCardinalityKeyValue("rpc.response.status_code", end.code().name())
        .lowCardinalityKeyValue("outcome", outcome(end.code()))
        .lowCardinalityKeyValue("error.type", errorType)
        .highCardinalityKeyValue("amapi_ops.attempts", Integer.toString(end.attempts()))
        .stop();
  }

  @Override
  public String toString() {
    return "ObservationCallListener{calls in flight=" + calls.size() + '}';
  }

  private Observation startAttempt(Observation call, CallStart start, int resends) {
    Observation attempt =
        Observation.createNotStarted(ATTEMPT_OBSERVATION, registry)
            .contextualName(start.httpMethod())
            .parentObservation(call)
            .lowCardinalityKeyValue("rpc.method", start.kind().method())
            .lowCardinalityKeyValue("http.request.method", start.httpMethod())
            .highCardinalityKeyValue("url.full", start.uri().toString())
            .highCardinalityKeyValue("http.request.resend_count", Integer.toString(resends));
    return attempt.start();
  }

  private static String outcome(Code code) {
    return code == Code.OK ? "SUCCESS" : "FAILURE";
  }

  private static String reasonName(RetryReason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
  }

  /** One call in flight: its observation, the attempt's in flight, its exchanges so far. */
  private static final class CallState {
    final Observation call;
    @Nullable Observation attempt;
    int exchanges; // the call's exchanges run one after another, never two at once

    CallState(Observation call) {
      this.call = call;
    }
  }
}
