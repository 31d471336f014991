package dev.amapi.ops.rest;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.port.AccessTokenSource;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The settings every transport takes alike: where to send requests, how long to wait, which token
 * to send, how to retry. Built by {@link DeviceOperationsBuilder}; immutable and thread-safe.
 */
public final class RestSettings {
  /** The API's public endpoint. */
  public static final URI DEFAULT_ENDPOINT =
      URI.create("https://androidmanagement.googleapis.com/");

  /** How long connecting may take. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long one attempt may take, as Google's settings for the Operations service. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** The largest response body read: a list page of 1000 operations is far smaller. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

  private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private final URI endpoint;
  private final AccessTokenSource tokenSource;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final String applicationName;
  private final RetryPolicy retryPolicy;
  private final int maxResponseBytes;
  private final @Nullable SSLContext sslContext;
  private final @Nullable Duration callTimeout;
  private final @Nullable Executor executor;
  private final @Nullable ProxySelector proxy;

  RestSettings(
      URI endpoint,
      AccessTokenSource tokenSource,
      Duration connectTimeout,
      Duration requestTimeout,
      String applicationName,
      RetryPolicy retryPolicy,
      int maxResponseBytes,
      @Nullable SSLContext sslContext,
      @Nullable Duration callTimeout,
      @Nullable Executor executor,
      @Nullable ProxySelector proxy) {
    this.endpoint = endpoint;
    this.tokenSource = tokenSource;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.applicationName = applicationName;
    this.retryPolicy = retryPolicy;
    this.maxResponseBytes = maxResponseBytes;
    this.sslContext = sslContext;
    this.callTimeout = callTimeout;
    this.executor = executor;
    this.proxy = proxy;
  }

  /**
   * Returns the deadline of a whole call, retries and their waits included, if the caller set one.
   *
   * @return how long one call may take from start to answer; empty for no limit beyond the
   *     attempts' own
   */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  /**
   * Returns the caller's executor for async calls (their attempts, token fetches and completions),
   * if one was set; empty means the client's own daemon threads.
   *
   * @return the executor
   */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  /**
   * Returns the proxy selector the caller set, if any; empty means the runtime's default one, which
   * follows the standard proxy system properties ({@code https.proxyHost}, {@code https.proxyPort},
   * {@code http.nonProxyHosts}).
   *
   * @return the proxy selector
   */
  public Optional<ProxySelector> proxy() {
    return Optional.ofNullable(proxy);
  }

  /**
   * Returns the TLS context to use for https endpoints, if the caller set one (a private CA, a
   * corporate proxy's certificate); empty means the runtime's default trust store. Hostnames are
   * verified either way.
   *
   * @return the caller's TLS context, if any
   */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /**
   * Returns the endpoint, always ending in {@code /}.
   *
   * @return the endpoint, always ending in {@code /}
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Returns where access tokens come from.
   *
   * @return where access tokens come from
   */
  public AccessTokenSource tokenSource() {
    return tokenSource;
  }

  /**
   * Returns how long connecting may take.
   *
   * @return how long connecting may take
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Returns how long one attempt may take, from sending to the last byte of the answer.
   *
   * @return how long one attempt may take, from sending to the last byte of the answer
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Returns the caller's application name put first in {@code User-Agent}; empty for none.
   *
   * @return the caller's application name put first in {@code User-Agent}; empty for none
   */
  public String applicationName() {
    return applicationName;
  }

  /**
   * Returns the retry policy.
   *
   * @return the retry policy
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Returns the largest response body read.
   *
   * @return the largest response body read
   */
  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  @Override
  public String toString() {
    return "RestSettings{endpoint="
        + endpoint
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", applicationName="
        + applicationName
        + ", retryPolicy="
        + retryPolicy
        + ", maxResponseBytes="
        + maxResponseBytes
        + (callTimeout == null ? "" : ", callTimeout=" + callTimeout)
        + (sslContext == null ? "" : ", sslContext=" + sslContext.getProtocol())
        + (proxy == null ? "" : ", proxy=" + proxy)
        + (executor == null ? "" : ", executor=caller's")
        + '}';
  }

  /**
   * Checks an endpoint and returns it ending in {@code /}.
   *
   * <p>It must be absolute, https (http only for a loopback host, such as the testkit's server),
   * with a host and no user info, query or fragment: the SDK builds every request below it.
   *
   * @throws IllegalArgumentException quoting the endpoint and naming the rule
   */
  static URI checkEndpoint(URI endpoint) {
    requireNonNull(endpoint, "endpoint");
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    String host = endpoint.getHost();
    if (!endpoint.isAbsolute() || endpoint.isOpaque() || host == null || host.isEmpty()) {
      throw badEndpoint(endpoint, "it must be an absolute URL with a host");
    }
    if (endpoint.getRawUserInfo() != null) {
      throw badEndpoint(endpoint, "it must not carry user info");
    }
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw badEndpoint(endpoint, "it must not have a query or fragment");
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(host))) {
      throw badEndpoint(endpoint, "it must use https (http is allowed for loopback hosts only)");
    }
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    if (path.contains("/../") || path.endsWith("/..") || path.contains("/./")) {
      throw badEndpoint(endpoint, "its path must not contain dot segments");
    }
    return path.endsWith("/") ? endpoint : URI.create(endpoint + "/");
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses, parsed here: resolving a name would be I/O, and DNS could lie.
    if (IPV4_LITERAL.matcher(host).matches()) {
      for (String octet : host.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      return host.startsWith("127.");
    }
    if (host.startsWith("[") && host.endsWith("]") && host.indexOf(':') > 0) {
      try {
        // A literal with a colon is parsed, never looked up.
        return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  private static IllegalArgumentException badEndpoint(URI endpoint, String rule) {
    return new IllegalArgumentException("Invalid endpoint \"" + endpoint + "\": " + rule);
  }
}
