package dev.amapi.ops.rest;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.event.CallListener;
import dev.amapi.ops.rest.spi.HttpTransport;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The builder every transport's entry point extends, so that all transports take the same settings
 * and swapping one for another changes one line. Not thread-safe; the client it builds is.
 *
 * @param <B> the transport's own builder type
 */
public abstract class DeviceOperationsBuilder<B extends DeviceOperationsBuilder<B>> {
  private URI endpoint = RestSettings.DEFAULT_ENDPOINT;
  private @Nullable AccessTokenSource tokenSource;
  private Duration connectTimeout = RestSettings.DEFAULT_CONNECT_TIMEOUT;
  private Duration requestTimeout = RestSettings.DEFAULT_REQUEST_TIMEOUT;
  private String applicationName = "";
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private int maxResponseBytes = RestSettings.DEFAULT_MAX_RESPONSE_BYTES;
  private @Nullable SSLContext sslContext;
  private @Nullable Duration callTimeout;
  private @Nullable Executor executor;
  private @Nullable ProxySelector proxy;
  private final List<CallListener> listeners = new ArrayList<>();

  /** For subclasses. */
  protected DeviceOperationsBuilder() {}

  /**
   * Sets the API endpoint; defaults to {@link RestSettings#DEFAULT_ENDPOINT}.
   *
   * @param endpoint the base URL every request is built below
   * @return this builder
   * @throws IllegalArgumentException if it is not https (loopback excepted), or has user info, a
   *     query or a fragment
   */
  public final B endpoint(URI endpoint) {
    this.endpoint = RestSettings.checkEndpoint(requireNonNull(endpoint, "endpoint"));
    return self();
  }

  /**
   * Sets where access tokens come from. Required.
   *
   * @param tokenSource the token source, such as the auth module's {@code GoogleAccessTokenSource}
   * @return this builder
   */
  public final B tokenSource(AccessTokenSource tokenSource) {
    this.tokenSource = requireNonNull(tokenSource, "tokenSource");
    return self();
  }

  /**
   * Sets how long connecting may take; defaults to 10 s. A connect that takes longer fails the
   * attempt with {@code UNAVAILABLE}.
   *
   * @param connectTimeout a positive duration
   * @return this builder
   */
  public final B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout");
    return self();
  }

  /**
   * Sets how long one attempt may take, from sending to the last byte of the answer; defaults to 10
   * s. The client enforces it on its own clock, the same on every transport and JDK: when it
   * passes, the exchange is aborted and the attempt fails with {@code DEADLINE_EXCEEDED}.
   *
   * @param requestTimeout a positive duration
   * @return this builder
   */
  public final B requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout");
    return self();
  }

  /**
   * Names the calling application, put first in {@code User-Agent} (such as {@code
   * device-fleet/2.1}).
   *
   * @param applicationName the name and version, or empty for none
   * @return this builder
   * @throws IllegalArgumentException if it holds characters not allowed in a header
   */
  public final B applicationName(String applicationName) {
    requireNonNull(applicationName, "applicationName");
    if (!applicationName.isEmpty()) {
      HeaderValues.requirePrintable("applicationName", applicationName);
    }
    this.applicationName = applicationName.strip();
    return self();
  }

  /**
   * Sets the retry policy; defaults to {@link RetryPolicy#defaults()}.
   *
   * @param retryPolicy which failures are tried again, how often, after how long
   * @return this builder
   */
  public final B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * Sets the largest response body read; defaults to 8 MiB. A longer answer is cut there and fails
   * the call with {@code OUT_OF_RANGE} (or, for an error answer, an excerpt).
   *
   * @param maxResponseBytes at least 1024
   * @return this builder
   */
  public final B maxResponseBytes(int maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
    return self();
  }

  /**
   * Sets the TLS context for https endpoints, such as one that trusts a private CA or a corporate
   * proxy's certificate; defaults to the runtime's default trust store. Hostname verification stays
   * on.
   *
   * @param sslContext the TLS context
   * @return this builder
   */
  public final B sslContext(SSLContext sslContext) {
    this.sslContext = requireNonNull(sslContext, "sslContext");
    return self();
  }

  /**
   * Sets a deadline for each whole call, retries and the waits between them included, such as "this
   * cancel gets 5 s"; by default there is none beyond the attempts' own timeouts. When it passes,
   * the attempt in flight is aborted and the call fails with {@code DEADLINE_EXCEEDED}; no retry
   * starts that could not finish before it.
   *
   * @param callTimeout a positive duration
   * @return this builder
   */
  public final B callTimeout(Duration callTimeout) {
    this.callTimeout = requireNonNull(callTimeout, "callTimeout");
    return self();
  }

  /**
   * Runs async calls on the caller's executor: their attempts (which block a thread while the
   * exchange is in flight), token fetches, and the completion of the futures they return. By
   * default the client runs them on daemon threads of its own, at most 64 at a time, ended by
   * {@code close()}. An executor passed here stays the caller's to shut down.
   *
   * @param executor where async work runs
   * @return this builder
   */
  public final B executor(Executor executor) {
    this.executor = requireNonNull(executor, "executor");
    return self();
  }

  /**
   * Sends requests through the proxies this selector picks; by default the runtime's default
   * selector, which follows the standard system properties ({@code https.proxyHost}, {@code
   * https.proxyPort}, {@code http.nonProxyHosts}).
   *
   * @param proxy the proxy selector
   * @return this builder
   */
  public final B proxy(ProxySelector proxy) {
    this.proxy = requireNonNull(proxy, "proxy");
    return self();
  }

  /**
   * Adds a listener that hears every call's start, each attempt's end and the call's end, for logs,
   * traces or metrics (such as {@link dev.amapi.ops.rest.event.LoggingCallListener} or the
   * opentelemetry module's listener). Listeners are called in the order they were added; what one
   * throws is caught and never changes a call. With none, the client makes no event at all.
   *
   * @param listener the listener
   * @return this builder
   */
  public final B listener(CallListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
    return self();
  }

  /**
   * Returns a client over this transport: thread-safe, reusable, closed by the caller. Build one
   * per process and share it: building loads the trust store.
   *
   * @return the client, holding a transport of this builder's kind
   * @throws IllegalStateException if a setting is missing or out of range, or settings conflict
   *     (such as credentials of another universe domain than the endpoint's)
   * @throws dev.amapi.ops.domain.AmapiException if the token source must ask a server for its
   *     universe domain and cannot (the metadata server on Google Cloud, for instance)
   */
  public final DeviceOperations build() {
    RestSettings settings = settings();
    return new RestOperations(
        newTransport(settings), settings, new CallEvents(listeners), transportName());
  }

  /**
   * Returns the settings as set so far, checked across fields.
   *
   * @return the checked settings
   * @throws IllegalStateException with a sentence naming the setting
   */
  protected final RestSettings settings() {
    AccessTokenSource tokens = tokenSource;
    if (tokens == null) {
      throw new IllegalStateException(
          "tokenSource is required: pass the auth module's GoogleAccessTokenSource, or"
              + " AccessTokenSource.fixed(...) for tests");
    }
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("requestTimeout", requestTimeout);
    Duration wholeCall = callTimeout;
    if (wholeCall != null) {
      requirePositive("callTimeout", wholeCall);
    }
    if (maxResponseBytes < 1024) {
      throw new IllegalStateException(
          "maxResponseBytes must be at least 1024, was " + maxResponseBytes);
    }
    checkUniverse(tokens, endpoint);
    return new RestSettings(
        endpoint,
        tokens,
        connectTimeout,
        requestTimeout,
        applicationName,
        retryPolicy,
        maxResponseBytes,
        sslContext,
        callTimeout,
        executor,
        proxy);
  }

  /**
   * Returns the transport for these settings; the client closes it.
   *
   * @param settings the checked settings (connect timeout, TLS context, proxy)
   * @return a new transport
   */
  protected abstract HttpTransport newTransport(RestSettings settings);

  /**
   * Returns the transport's name as call events carry it: by default the simple name of the class
   * this builder is nested in (such as {@code JdkHttpOperations}), or of the builder itself.
   *
   * @return the transport's name
   */
  protected String transportName() {
    Class<?> outer = getClass().getEnclosingClass();
    return (outer == null ? getClass() : outer).getSimpleName();
  }

  /**
   * Returns this builder as its own type.
   *
   * @return this
   */
  protected abstract B self();

  private static void checkUniverse(AccessTokenSource tokens, URI endpoint) {
    String host = endpoint.getHost();
    if (RestSettings.isLoopback(host)) {
      return; // a local fake or proxy serves every universe
    }
    tokens
        .universeDomain()
        .filter(universe -> !host.equals(universe) && !host.endsWith("." + universe))
        .ifPresent(
            universe -> {
              throw new IllegalStateException(
                  "The credentials belong to universe domain \""
                      + universe
                      + "\" but the endpoint "
                      + endpoint
                      + " is not in it: set the endpoint to https://androidmanagement."
                      + universe
                      + "/ or use credentials of the endpoint's universe");
            });
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalStateException(name + " must be positive, was " + value);
    }
  }
}
