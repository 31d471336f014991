package dev.amapi.ops.transport.apache;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.spi.HttpTransport;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the Apache transport: builds a {@link DeviceOperations} client over Apache
 * HttpClient 5's classic (blocking) client, pooled.
 *
 * <pre>{@code
 * DeviceOperations ops = ApacheHttpOperations.builder()
 *     .tokenSource(tokens)
 *     .requestTimeout(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 *
 * <p>The client is thread-safe and meant to be shared: build one per process. The SDK's own Apache
 * client follows no redirects (a redirect would carry the token elsewhere), makes no retries of its
 * own (the {@link dev.amapi.ops.rest.RetryPolicy} decides), keeps no cookies, asks for no
 * compression, and follows the standard proxy system properties unless {@code proxy(...)} says
 * otherwise. A sync call runs on the caller's thread; async calls run on the builder's {@code
 * executor} (by default the client's own daemon threads), never on a library's I/O thread. Closing
 * the {@link DeviceOperations} closes every pooled connection.
 */
public final class ApacheHttpOperations {
  /** How many connections the SDK's own client keeps open at most, in all and to one host. */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  private ApacheHttpOperations() {}

  /**
   * Returns a builder with the defaults of {@link RestSettings} and {@link
   * #DEFAULT_MAX_CONNECTIONS}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an Apache-backed client; see {@link DeviceOperationsBuilder} for the shared settings.
   * Not thread-safe; the client it builds is.
   */
  public static final class Builder extends DeviceOperationsBuilder<Builder> {
    private @Nullable CloseableHttpClient httpClient;
    private @Nullable Integer maxConnections;

    private Builder() {}

    /**
     * Uses the caller's own classic client instead of one the SDK creates. The caller keeps it and
     * closes it; the SDK's {@code close()} leaves it alone. Its own connection pool, connect
     * timeout, TLS, proxy, retry and redirect settings apply: it should retry nothing itself. The
     * SDK still bounds each attempt by {@code requestTimeout} and asks it to follow no redirects.
     *
     * @param httpClient the caller's client
     * @return this builder
     */
    public Builder httpClient(CloseableHttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets how many connections the SDK's own client keeps open, in all and to the API's host;
     * defaults to {@link #DEFAULT_MAX_CONNECTIONS}. Requests beyond it wait for a connection,
     * within their {@code requestTimeout}. Checked by {@code build()}: it must be positive, and
     * cannot be combined with {@link #httpClient}, whose pool is the caller's.
     *
     * @param maxConnections the pool's size
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    @Override
    protected HttpTransport newTransport(RestSettings settings) {
      CloseableHttpClient callers = httpClient;
      Integer pool = maxConnections;
      if (pool != null && pool < 1) {
        throw new IllegalStateException("maxConnections must be positive, was " + pool);
      }
      if (callers != null) {
        if (pool != null) {
          throw new IllegalStateException(
              "maxConnections sizes only the client the SDK creates: size the pool of your own"
                  + " httpClient instead");
        }
        return ApacheHttpTransport.overCallersClient(callers);
      }
      return ApacheHttpTransport.create(
          settings, pool == null ? DEFAULT_MAX_CONNECTIONS : pool.intValue());
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
