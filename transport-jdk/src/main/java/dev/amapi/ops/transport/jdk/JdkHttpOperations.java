package dev.amapi.ops.transport.jdk;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.spi.HttpTransport;
import java.net.http.HttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the JDK transport: builds a {@link DeviceOperations} client over {@code
 * java.net.http.HttpClient}.
 *
 * <pre>{@code
 * DeviceOperations ops = JdkHttpOperations.builder()
 *     .tokenSource(tokens)
 *     .requestTimeout(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 *
 * <p>The client is thread-safe and meant to be shared: build one per process. Redirects are never
 * followed (the API does not redirect; a redirect would carry the token elsewhere).
 */
public final class JdkHttpOperations {
  private JdkHttpOperations() {}

  /**
   * Returns a builder with the defaults of {@link RestSettings}.
   *
   * @return a builder with the defaults of {@link RestSettings}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a JDK-backed client; see {@link DeviceOperationsBuilder} for the shared settings. */
  public static final class Builder extends DeviceOperationsBuilder<Builder> {
    private @Nullable HttpClient httpClient;

    private Builder() {}

    /**
     * Uses the caller's own {@code HttpClient} instead of one the SDK creates. The caller keeps it
     * and closes it; the SDK's {@code close()} leaves it alone. Its own connect timeout and
     * redirect policy apply: it should follow no redirects. The SDK still bounds each attempt by
     * {@code requestTimeout}.
     *
     * @param httpClient the caller's client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    @Override
    protected HttpTransport newTransport(RestSettings settings) {
      HttpClient callers = httpClient;
      return callers == null
          ? JdkHttpTransport.create(settings)
          : JdkHttpTransport.overCallersClient(callers);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
