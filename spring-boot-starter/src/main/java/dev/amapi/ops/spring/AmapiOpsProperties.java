package dev.amapi.ops.spring;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.rest.spi.HttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code amapi.ops.*} properties the {@link DeviceOperations} bean is built from. Each maps
 * onto one setting of {@link DeviceOperationsBuilder}; one left unset keeps the builder's default.
 *
 * <p>Every setter checks its value, so a bad one fails start-up with Spring Boot's binding failure
 * analysis naming the property (such as {@code amapi.ops.call-timeout}) and saying why.
 */
@ConfigurationProperties(prefix = AmapiOpsProperties.PREFIX)
public final class AmapiOpsProperties {
  /** The properties' prefix. */
  public static final String PREFIX = "amapi.ops";

  /** The HTTP stack: jdk, apache or okhttp; unset, the first on the class path (jdk first). */
  private @Nullable Transport transport;

  /** The API's base URL: https (http on loopback only); unset, Google's. */
  private @Nullable URI endpoint;

  /**
   * Where the service-account key JSON is (file:, classpath:); unset, Application Default
   * Credentials.
   */
  private @Nullable Resource credentials;

  /** The project billed for the calls (x-goog-user-project); unset, the credentials' own. */
  private @Nullable String quotaProject;

  /** How long connecting may take; unset, 10 s. */
  private @Nullable Duration connectTimeout;

  /** How long each attempt may take, from sending to the answer's last byte; unset, 10 s. */
  private @Nullable Duration requestTimeout;

  /** A deadline for each whole call, retries and their waits included; unset, none. */
  private @Nullable Duration callTimeout;

  /** The name of the Executor bean async calls run on; unset, the client's own threads. */
  private @Nullable String executor;

  /** The calling application's name and version, put first in User-Agent. */
  private @Nullable String applicationName;

  /**
   * The name of a spring.ssl.bundle whose trust material verifies the endpoint; unset, the JDK's.
   */
  private @Nullable String sslBundle;

  /** The largest answer read, at least 1024; unset, 8 MiB. */
  private @Nullable Integer maxResponseBytes;

  private final Retry retry = new Retry();

  /** Unset: every setting at the builder's default, credentials from ADC. */
  public AmapiOpsProperties() {}

  /**
   * Returns {@code amapi.ops.transport}.
   *
   * @return the transport asked for, or null to take the one on the class path (JDK first, then
   *     Apache, then OkHttp)
   */
  public @Nullable Transport getTransport() {
    return transport;
  }

  /**
   * Sets {@code amapi.ops.transport}: {@code jdk}, {@code apache} or {@code okhttp}. Its module
   * must be on the class path.
   *
   * @param transport the transport
   */
  public void setTransport(@Nullable Transport transport) {
    this.transport = transport;
  }

  /**
   * Returns {@code amapi.ops.endpoint}.
   *
   * @return the API's base URL, or null for {@link RestSettings#DEFAULT_ENDPOINT}
   */
  public @Nullable URI getEndpoint() {
    return endpoint;
  }

  /**
   * Sets {@code amapi.ops.endpoint}, the builder's {@code endpoint}.
   *
   * @param endpoint an {@code https} URL ({@code http} on loopback only) with no user info, query
   *     or fragment
   * @throws IllegalArgumentException if it is not such a URL
   */
  public void setEndpoint(@Nullable URI endpoint) {
    if (endpoint != null) {
      try {
        new SettingCheck().endpoint(endpoint);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(PREFIX + ".endpoint: " + e.getMessage(), e);
      }
    }
    this.endpoint = endpoint;
  }

  /**
   * Returns {@code amapi.ops.credentials}.
   *
   * @return the service-account key's location, or null for Application Default Credentials
   */
  public @Nullable Resource getCredentials() {
    return credentials;
  }

  /**
   * Sets {@code amapi.ops.credentials}: where the service-account key JSON is, such as {@code
   * file:/etc/amapi/sa-key.json} or {@code classpath:sa-key.json}. Unset, the Application Default
   * Credentials are used.
   *
   * @param credentials the key's location
   * @throws IllegalArgumentException if nothing is there
   */
  public void setCredentials(@Nullable Resource credentials) {
    if (credentials != null && !credentials.exists()) {
      throw new IllegalArgumentException(
          PREFIX + ".credentials: no service-account key at " + credentials.getDescription());
    }
    this.credentials = credentials;
  }

  /**
   * Returns {@code amapi.ops.quota-project}.
   *
   * @return the project billed, or null for the credentials' own
   */
  public @Nullable String getQuotaProject() {
    return quotaProject;
  }

  /**
   * Sets {@code amapi.ops.quota-project}: the project billed for the calls ({@code
   * x-goog-user-project}), instead of the credentials' own.
   *
   * @param quotaProject a project ID
   * @throws IllegalArgumentException if it is empty or holds whitespace or control characters
   */
  public void setQuotaProject(@Nullable String quotaProject) {
    if (quotaProject != null
        && (quotaProject.isEmpty() || !quotaProject.chars().allMatch(c -> c > ' ' && c < 0x7f))) {
      throw new IllegalArgumentException(
          PREFIX
              + ".quota-project must be a project ID, without whitespace or control characters: \""
              + quotaProject
              + '"');
    }
    this.quotaProject = quotaProject;
  }

  /**
   * Returns {@code amapi.ops.connect-timeout}.
   *
   * @return how long connecting may take, or null for the builder's 10 s
   */
  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets {@code amapi.ops.connect-timeout}, the builder's {@code connectTimeout}.
   *
   * @param connectTimeout a positive duration, such as {@code 5s}
   * @throws IllegalArgumentException if it is zero or negative
   */
  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = positive("connect-timeout", connectTimeout);
  }

  /**
   * Returns {@code amapi.ops.request-timeout}.
   *
   * @return how long one attempt may take, or null for the builder's 10 s
   */
  public @Nullable Duration getRequestTimeout() {
    return requestTimeout;
  }

  /**
   * Sets {@code amapi.ops.request-timeout}, the builder's {@code requestTimeout}: how long each
   * attempt may take, from sending to the last byte of the answer.
   *
   * @param requestTimeout a positive duration
   * @throws IllegalArgumentException if it is zero or negative
   */
  public void setRequestTimeout(@Nullable Duration requestTimeout) {
    this.requestTimeout = positive("request-timeout", requestTimeout);
  }

  /**
   * Returns {@code amapi.ops.call-timeout}.
   *
   * @return the deadline of each whole call, or null for none
   */
  public @Nullable Duration getCallTimeout() {
    return callTimeout;
  }

  /**
   * Sets {@code amapi.ops.call-timeout}, the builder's {@code callTimeout}: a deadline for each
   * whole call, retries and the waits between them included.
   *
   * @param callTimeout a positive duration
   * @throws IllegalArgumentException if it is zero or negative
   */
  public void setCallTimeout(@Nullable Duration callTimeout) {
    this.callTimeout = positive("call-timeout", callTimeout);
  }

  /**
   * Returns {@code amapi.ops.executor}.
   *
   * @return the name of the {@code Executor} bean async calls run on, or null for the client's own
   *     threads
   */
  public @Nullable String getExecutor() {
    return executor;
  }

  /**
   * Sets {@code amapi.ops.executor}: the name of an {@link java.util.concurrent.Executor} bean, the
   * builder's {@code executor}. The application keeps it and shuts it down.
   *
   * @param executor a bean name
   * @throws IllegalArgumentException if it is blank
   */
  public void setExecutor(@Nullable String executor) {
    if (executor != null && executor.isBlank()) {
      throw new IllegalArgumentException(PREFIX + ".executor must name an Executor bean");
    }
    this.executor = executor;
  }

  /**
   * Returns {@code amapi.ops.application-name}.
   *
   * @return the name put first in {@code User-Agent}, or null for none
   */
  public @Nullable String getApplicationName() {
    return applicationName;
  }

  /**
   * Sets {@code amapi.ops.application-name}, the builder's {@code applicationName}, such as {@code
   * device-fleet/2.1}.
   *
   * @param applicationName printable characters only
   * @throws IllegalArgumentException if it holds characters not allowed in a header
   */
  public void setApplicationName(@Nullable String applicationName) {
    if (applicationName != null) {
      try {
        new SettingCheck().applicationName(applicationName);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(PREFIX + ".application-name: " + e.getMessage(), e);
      }
    }
    this.applicationName = applicationName;
  }

  /**
   * Returns {@code amapi.ops.ssl-bundle}.
   *
   * @return the name of the SSL bundle the client's TLS context is made from, or null for the
   *     runtime's default trust store
   */
  public @Nullable String getSslBundle() {
    return sslBundle;
  }

  /**
   * Sets {@code amapi.ops.ssl-bundle}: the name of a Spring Boot SSL bundle ({@code
   * spring.ssl.bundle.*}) whose {@code SSLContext} becomes the builder's {@code sslContext}, such
   * as one that trusts a private CA or a corporate proxy's certificate. Hostnames are still
   * verified.
   *
   * @param sslBundle a bundle name
   * @throws IllegalArgumentException if it is blank
   */
  public void setSslBundle(@Nullable String sslBundle) {
    if (sslBundle != null && sslBundle.isBlank()) {
      throw new IllegalArgumentException(PREFIX + ".ssl-bundle must name an SSL bundle");
    }
    this.sslBundle = sslBundle;
  }

  /**
   * Returns {@code amapi.ops.max-response-bytes}.
   *
   * @return the largest answer read, or null for the builder's 8 MiB
   */
  public @Nullable Integer getMaxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Sets {@code amapi.ops.max-response-bytes}, the builder's {@code maxResponseBytes}.
   *
   * @param maxResponseBytes at least 1024
   * @throws IllegalArgumentException if it is below 1024
   */
  public void setMaxResponseBytes(@Nullable Integer maxResponseBytes) {
    if (maxResponseBytes != null && maxResponseBytes < 1024) {
      throw new IllegalArgumentException(
          PREFIX + ".max-response-bytes must be at least 1024, was " + maxResponseBytes);
    }
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * Returns {@code amapi.ops.retry.*}.
   *
   * @return the retry policy's properties
   */
  public Retry getRetry() {
    return retry;
  }

  private static @Nullable Duration positive(String property, @Nullable Duration value) {
    if (value != null && (value.isZero() || value.isNegative())) {
      throw new IllegalArgumentException(
          PREFIX + "." + property + " must be positive, was " + value);
    }
    return value;
  }

  /**
   * {@code amapi.ops.retry.*}: the builder's {@code retryPolicy}, as {@link RetryPolicy#of}. A
   * property left unset keeps the value of {@link RetryPolicy#defaults()}; {@code max-attempts: 1}
   * retries nothing.
   */
  public static final class Retry {
    /** Attempts in all, the first included; 1 retries nothing; unset, 5. */
    private @Nullable Integer maxAttempts;

    /** The delay before the second attempt, doubling after; unset, 500 ms. */
    private @Nullable Duration initialBackoff;

    /** The longest delay, and the longest server-asked wait honoured; unset, 10 s. */
    private @Nullable Duration maxBackoff;

    /** The codes tried again; unset, UNAVAILABLE only. */
    private @Nullable Set<Code> retryableCodes;

    /** Unset: {@link RetryPolicy#defaults()}. */
    public Retry() {}

    /**
     * Returns {@code amapi.ops.retry.max-attempts}.
     *
     * @return attempts in all, or null for {@value RetryPolicy#DEFAULT_MAX_ATTEMPTS}
     */
    public @Nullable Integer getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets {@code amapi.ops.retry.max-attempts}: attempts in all, the first included.
     *
     * @param maxAttempts at least 1
     * @throws IllegalArgumentException if it is below 1
     */
    public void setMaxAttempts(@Nullable Integer maxAttempts) {
      if (maxAttempts != null && maxAttempts < 1) {
        throw new IllegalArgumentException(
            PREFIX + ".retry.max-attempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
    }

    /**
     * Returns {@code amapi.ops.retry.initial-backoff}.
     *
     * @return the delay before the second attempt, or null for 0.5 s
     */
    public @Nullable Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets {@code amapi.ops.retry.initial-backoff}: the delay before the second attempt, doubling
     * with each one after.
     *
     * @param initialBackoff zero or positive, at most an hour
     * @throws IllegalArgumentException if it is negative or longer than an hour
     */
    public void setInitialBackoff(@Nullable Duration initialBackoff) {
      this.initialBackoff = backoff("initial-backoff", initialBackoff);
    }

    /**
     * Returns {@code amapi.ops.retry.max-backoff}.
     *
     * @return the longest delay, or null for 10 s
     */
    public @Nullable Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets {@code amapi.ops.retry.max-backoff}: the longest delay between attempts, and the longest
     * {@code RetryInfo}/{@code Retry-After} wait honoured.
     *
     * @param maxBackoff zero or positive, at most an hour
     * @throws IllegalArgumentException if it is negative or longer than an hour
     */
    public void setMaxBackoff(@Nullable Duration maxBackoff) {
      this.maxBackoff = backoff("max-backoff", maxBackoff);
    }

    /**
     * Returns {@code amapi.ops.retry.retryable-codes}.
     *
     * @return the codes tried again, or null for {@code UNAVAILABLE} only
     */
    public @Nullable Set<Code> getRetryableCodes() {
      return retryableCodes;
    }

    /**
     * Sets {@code amapi.ops.retry.retryable-codes}, such as {@code UNAVAILABLE,
     * RESOURCE_EXHAUSTED}.
     *
     * @param retryableCodes the codes worth another attempt
     */
    public void setRetryableCodes(@Nullable Set<Code> retryableCodes) {
      this.retryableCodes = retryableCodes == null ? null : Set.copyOf(retryableCodes);
    }

    /**
     * Returns the policy these properties describe.
     *
     * @return {@link RetryPolicy#defaults()} when none is set, else {@link RetryPolicy#of} with the
     *     defaults' values for those unset
     */
    public RetryPolicy toPolicy() {
      if (maxAttempts == null
          && initialBackoff == null
          && maxBackoff == null
          && retryableCodes == null) {
        return RetryPolicy.defaults();
      }
      Set<Code> codes = retryableCodes;
      return RetryPolicy.of(
          maxAttempts == null ? RetryPolicy.DEFAULT_MAX_ATTEMPTS : maxAttempts,
          initialBackoff == null ? RetryPolicy.DEFAULT_INITIAL_BACKOFF : initialBackoff,
          maxBackoff == null ? RetryPolicy.DEFAULT_MAX_BACKOFF : maxBackoff,
          codes == null ? EnumSet.of(Code.UNAVAILABLE) : codes);
    }

    private static @Nullable Duration backoff(String property, @Nullable Duration value) {
      if (value != null
          && (value.isNegative() || value.compareTo(RetryPolicy.LONGEST_BACKOFF) > 0)) {
        throw new IllegalArgumentException(
            PREFIX
                + ".retry."
                + property
                + " must be between 0 and "
                + RetryPolicy.LONGEST_BACKOFF
                + ", was "
                + value);
      }
      return value;
    }
  }

  /** The builder's own checks of a setting's value, applied when the property is bound. */
  private static final class SettingCheck extends DeviceOperationsBuilder<SettingCheck> {
    @Override
    protected HttpTransport newTransport(RestSettings settings) {
      throw new UnsupportedOperationException("checks settings only");
    }

    @Override
    protected SettingCheck self() {
      return this;
    }
  }
}
