/**
 * The operations ports over the JDK's {@code java.net.http.HttpClient}. Start at {@code
 * dev.amapi.ops.transport.jdk.JdkHttpOperations}; its one package is API.
 */
module dev.amapi.ops.transport.jdk {
  requires transitive dev.amapi.ops.rest;
  requires transitive java.net.http;
  requires static org.jspecify;

  exports dev.amapi.ops.transport.jdk;
}
