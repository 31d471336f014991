package dev.amapi.ops.benchmarks;

import java.net.URI;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/** The clients compared; a benchmark's {@code client} parameter takes these names. */
public enum Client {
  /** amapi-ops over the JDK's {@code HttpClient} ({@code transport-jdk}). */
  AMAPI_JDK("amapi-ops-transport-jdk"),
  /** amapi-ops over Apache HttpClient 5 ({@code transport-apache}). */
  AMAPI_APACHE("amapi-ops-transport-apache"),
  /**
   * {@link #AMAPI_JDK} with one call listener that does nothing: what registering a listener costs,
   * against {@code AMAPI_JDK}, which registers none (and so makes no event at all).
   */
  AMAPI_JDK_LISTENER("amapi-ops-transport-jdk"),
  /** Google's generated client over its default {@code NetHttpTransport}, with Gson. */
  GOOGLE("google-api-services-androidmanagement"),
  /**
   * The baseline of {@link #AMAPI_JDK}: the JDK's {@code HttpClient} used directly, sending what
   * amapi-ops sends ({@link RawJdkClient}). No jar.
   */
  RAW_JDK(""),
  /**
   * The baseline of {@link #AMAPI_APACHE}: Apache HttpClient 5's classic client used directly,
   * sending what amapi-ops sends ({@link RawApacheClient}).
   */
  RAW_APACHE("httpclient5"),
  /** amapi-ops over OkHttp 5 ({@code transport-okhttp}). */
  AMAPI_OKHTTP("amapi-ops-transport-okhttp"),
  /**
   * The baseline of {@link #AMAPI_OKHTTP}: an {@code OkHttpClient} used directly, sending what
   * amapi-ops sends ({@link RawOkHttpClient}).
   */
  RAW_OKHTTP("okhttp-jvm");

  /** The bearer token every client sends; the fake server accepts any. */
  static final String TOKEN = "t";

  private final String artifactId;

  Client(String artifactId) {
    this.artifactId = artifactId;
  }

  /**
   * The one artifact a consumer declares to use this client; the rest comes with it. Empty for a
   * client the JDK alone provides.
   */
  String artifactId() {
    return artifactId;
  }

  /** Returns the raw client of the same stack that this amapi-ops client is compared with. */
  @Nullable Client baseline() {
    return switch (this) {
      case AMAPI_JDK -> RAW_JDK;
      case AMAPI_APACHE -> RAW_APACHE;
      case AMAPI_OKHTTP -> RAW_OKHTTP;
      case AMAPI_JDK_LISTENER -> AMAPI_JDK;
      default -> null;
    };
  }

  /**
   * Builds this client for the server at {@code endpoint}, bound to one operation. {@code tls} is
   * the context an {@code https} endpoint is trusted with (null for {@code http}).
   */
  OperationClient open(URI endpoint, String operationName, @Nullable SSLContext tls) {
    return switch (this) {
      case AMAPI_JDK -> AmapiJdkClient.open(endpoint, operationName, tls, false);
      case AMAPI_JDK_LISTENER -> AmapiJdkClient.open(endpoint, operationName, tls, true);
      case AMAPI_APACHE -> AmapiApacheClient.open(endpoint, operationName, tls);
      case GOOGLE -> GoogleClient.open(endpoint, operationName, tls);
      case RAW_JDK -> RawJdkClient.open(endpoint, operationName, tls);
      case RAW_APACHE -> RawApacheClient.open(endpoint, operationName, tls);
      case AMAPI_OKHTTP -> AmapiOkHttpClient.open(endpoint, operationName, tls);
      case RAW_OKHTTP -> RawOkHttpClient.open(endpoint, operationName, tls);
    };
  }
}
