package dev.amapi.ops.rest.spi;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request as the binding hands it to a transport: immutable.
 *
 * @param method the method; a {@link HttpMethod#POST} carries an empty body ({@code Content-Length:
 *     0}, no chunking, no content encoding), a {@link HttpMethod#GET} none
 * @param uri the full request URI, already escaped: send it as it is
 * @param headers header names (lower case) to values, in the order to send them; never {@code
 *     host}, {@code content-length} or {@code connection}, which the library sets
 * @param timeout the time left for this exchange when it was prepared. The binding aborts the
 *     exchange when it passes whatever the transport does; a transport may also hand it to its
 *     library as a backstop, never a longer one
 * @param maxResponseBytes the largest response body to keep; read no further than one byte past it
 *     and mark the response {@link TransportResponse#truncated() truncated}
 */
public record TransportRequest(
    HttpMethod method,
    URI uri,
    Map<String, String> headers,
    Duration timeout,
    int maxResponseBytes) {

  /**
   * Validates and copies.
   *
   * @param method the method
   * @param uri the escaped request URI
   * @param headers header names to values, copied
   * @param timeout the time left for the exchange
   * @param maxResponseBytes the body cap
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code maxResponseBytes} is negative
   */
  public TransportRequest {
    requireNonNull(method, "method");
    requireNonNull(uri, "uri");
    headers = copyOf(headers);
    requireNonNull(timeout, "timeout");
    if (maxResponseBytes < 0) {
      throw new IllegalArgumentException("maxResponseBytes must not be negative");
    }
  }

  // The binding hands the same unmodifiable map to every request with the same token: kept as it
  // is, it costs no copy per call. Any other map is copied, in order.
  private static final Class<?> UNMODIFIABLE_MAP =
      Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

  private static Map<String, String> copyOf(Map<String, String> headers) {
    if (headers.getClass() == UNMODIFIABLE_MAP) {
      return headers;
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Returns the method and URI and the header names: never a header value (one is the token). */
  @Override
  public String toString() {
    return method + " " + uri + " headers=" + headers.keySet();
  }
}
