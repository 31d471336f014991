package dev.amapi.ops.spring;

/** The HTTP stack the {@code DeviceOperations} bean sends its requests with. */
public enum Transport {
  /** The JDK's {@code java.net.http.HttpClient}: {@code amapi-ops-transport-jdk}. */
  JDK("dev.amapi.ops.transport.jdk.JdkHttpOperations", "amapi-ops-transport-jdk"),
  /** Apache HttpClient 5: {@code amapi-ops-transport-apache}. */
  APACHE("dev.amapi.ops.transport.apache.ApacheHttpOperations", "amapi-ops-transport-apache"),
  /** OkHttp 5: {@code amapi-ops-transport-okhttp}. */
  OKHTTP("dev.amapi.ops.transport.okhttp.OkHttpOperations", "amapi-ops-transport-okhttp");

  private final String entryPoint;
  private final String artifactId;

  Transport(String entryPoint, String artifactId) {
    this.entryPoint = entryPoint;
    this.artifactId = artifactId;
  }

  /**
   * Returns the class whose presence on the class path says the transport is there.
   *
   * @return the transport's entry point, such as {@code
   *     dev.amapi.ops.transport.jdk.JdkHttpOperations}
   */
  public String entryPoint() {
    return entryPoint;
  }

  /**
   * Returns the artifact that brings the transport, in group {@code dev.amapi}.
   *
   * @return such as {@code amapi-ops-transport-jdk}
   */
  public String artifactId() {
    return artifactId;
  }
}
