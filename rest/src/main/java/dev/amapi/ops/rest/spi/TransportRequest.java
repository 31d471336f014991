package dev.amapi.ops.rest.spi;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the binding hands it to a transport: immutable.
 *
 * @param method the method; a {@link HttpMethod#POST} carries {@link #body()}, a {@link
 *     HttpMethod#GET} no body
 * @param uri the full request URI, already escaped: send it as it is
 * @param headers header names (lower case) to values, in the order to send them; never {@code
 *     host}, {@code content-length} or {@code connection}, which the library sets
 * @param timeout the time left for this exchange when it was prepared. The binding aborts the
 *     exchange when it passes whatever the transport does; a transport may also hand it to its
 *     library as a backstop, never a longer one
 * @param maxResponseBytes the largest response body to keep; read no further than one byte past it
 *     and mark the response {@link TransportResponse#truncated() truncated}
 * @param body a POST's body, sent as it is with its {@code Content-Length} (no chunking, no content
 *     encoding; empty for {@code Content-Length: 0}), its type in {@code headers}; empty for a GET.
 *     It may hold secrets (a new password): never log it
 */
public record TransportRequest(
    HttpMethod method,
    URI uri,
    Map<String, String> headers,
    Duration timeout,
    int maxResponseBytes,
    byte[] body) {

  /**
   * A request with no body: a GET, or a POST with {@code Content-Length: 0}.
   *
   * @param method the method
   * @param uri the escaped request URI
   * @param headers header names to values, copied
   * @param timeout the time left for the exchange
   * @param maxResponseBytes the body cap
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code maxResponseBytes} is negative
   */
  public TransportRequest(
      HttpMethod method,
      URI uri,
      Map<String, String> headers,
      Duration timeout,
      int maxResponseBytes) {
    this(method, uri, headers, timeout, maxResponseBytes, new byte[0]);
  }

  /**
   * Validates and copies.
   *
   * @param method the method
   * @param uri the escaped request URI
   * @param headers header names to values, copied
   * @param timeout the time left for the exchange
   * @param maxResponseBytes the body cap
   * @param body the body, copied
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code maxResponseBytes} is negative, or a GET has a body
   */
  public TransportRequest {
    requireNonNull(method, "method");
    requireNonNull(uri, "uri");
    headers = copyOf(headers);
    requireNonNull(timeout, "timeout");
    if (maxResponseBytes < 0) {
      throw new IllegalArgumentException("maxResponseBytes must not be negative");
    }
    body = requireNonNull(body, "body").clone();
    if (method == HttpMethod.GET && body.length > 0) {
      throw new IllegalArgumentException("A GET has no body");
    }
  }

  /**
   * Returns {@code headers} copied, in order, into a map nothing can change, which every request
   * given it keeps as it is: for a caller that sends many requests with the same headers (the
   * binding does, one map per token), no copy per request.
   *
   * @param headers header names (lower case) to values, in the order to send them
   * @return an unmodifiable copy; {@code headers} itself when it is already one of these
   */
  public static Map<String, String> frozenHeaders(Map<String, String> headers) {
    requireNonNull(headers, "headers");
    return headers instanceof FrozenHeaders ? headers : new FrozenHeaders(headers);
  }

  private static Map<String, String> copyOf(Map<String, String> headers) {
    return frozenHeaders(headers);
  }

  /** An ordered copy no one holds a modifiable reference to: safe to share without copying. */
  private static final class FrozenHeaders extends AbstractMap<String, String> {
    private final Map<String, String> map;

    FrozenHeaders(Map<String, String> headers) {
      this.map = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return map.entrySet();
    }

    @Override
    public @Nullable String get(@Nullable Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
      map.forEach(action);
    }
  }

  /**
   * Returns the body to send.
   *
   * @return a copy of the body; empty for none
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns the method and URI and the header names: never a header value (one is the token) nor
   * the body.
   */
  @Override
  public String toString() {
    return method
        + " "
        + uri
        + " headers="
        + headers.keySet()
        + (body.length == 0 ? "" : " body=" + body.length + " bytes");
  }
}
