package dev.amapi.ops.benchmarks;

import java.net.URI;

/** The clients compared; a benchmark's {@code client} parameter takes these names. */
public enum Client {
  /** amapi-ops over the JDK's {@code HttpClient} ({@code transport-jdk}). */
  AMAPI_JDK("amapi-ops-transport-jdk"),
  /** amapi-ops over Apache HttpClient 5 ({@code transport-apache}). */
  AMAPI_APACHE("amapi-ops-transport-apache"),
  /** Google's generated client over its default {@code NetHttpTransport}, with Gson. */
  GOOGLE("google-api-services-androidmanagement");

  /** The bearer token every client sends; the fake server accepts any. */
  static final String TOKEN = "t";

  private final String artifactId;

  Client(String artifactId) {
    this.artifactId = artifactId;
  }

  /** The one artifact a consumer declares to use this client; the rest comes with it. */
  String artifactId() {
    return artifactId;
  }

  /** Builds this client for the server at {@code endpoint}, bound to one operation. */
  OperationClient open(URI endpoint, String operationName) {
    return switch (this) {
      case AMAPI_JDK -> AmapiJdkClient.open(endpoint, operationName);
      case AMAPI_APACHE -> AmapiApacheClient.open(endpoint, operationName);
      case GOOGLE -> GoogleClient.open(endpoint, operationName);
    };
  }
}
