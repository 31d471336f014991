package dev.amapi.ops.benchmarks;

import java.net.URI;

/**
 * What the raw baselines send, copied from what amapi-ops sends on every call: the same four
 * headers (values of the same shape and length as amapi-ops's, which names itself and the Java
 * version) and the same two request targets.
 */
final class RawHeaders {
  static final String AUTHORIZATION = "Bearer " + Client.TOKEN;
  static final String ACCEPT = "application/json";
  static final String USER_AGENT =
      "amapi-ops/0.1.0-SNAPSHOT Java/" + System.getProperty("java.version");
  static final String API_CLIENT =
      "gl-java/" + System.getProperty("java.version") + " amapi-ops/0.1.0-SNAPSHOT";

  private RawHeaders() {}

  /** {@code {endpoint}v1/{name}:cancel}. */
  static URI cancel(URI endpoint, String operationName) {
    return URI.create(endpoint + "v1/" + operationName + ":cancel");
  }

  /** {@code {endpoint}v1/{name}}. */
  static URI get(URI endpoint, String operationName) {
    return URI.create(endpoint + "v1/" + operationName);
  }

  /** Throws unless the answer is a 200, as a caller who reads nothing else would at least check. */
  static void checkOk(int status, URI uri) {
    if (status != 200) {
      throw new IllegalStateException("HTTP " + status + " from " + uri);
    }
  }
}
