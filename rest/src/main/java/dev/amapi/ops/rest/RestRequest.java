package dev.amapi.ops.rest;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request as the binding hands it to a transport. A {@code POST} carries an empty body,
 * sent with {@code Content-Length: 0} and no content encoding; a {@code GET} carries none.
 *
 * @param method {@code GET} or {@code POST}
 * @param uri the full request URI, already escaped
 * @param headers header names (lower case) to values, in the order to send them; never {@code
 *     host}, {@code content-length} or {@code connection}, which the transport's library sets
 * @param timeout how long the whole exchange may take, from sending to the last body byte
 * @param maxResponseBytes the largest response body to read; a longer one is cut there and the
 *     response marked {@link RestResponse#truncated()}
 */
public record RestRequest(
    String method, URI uri, Map<String, String> headers, Duration timeout, int maxResponseBytes) {

  /** Validates and copies. */
  public RestRequest {
    requireNonNull(method, "method");
    requireNonNull(uri, "uri");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    requireNonNull(timeout, "timeout");
  }

  /** Returns a description without header values, which hold the access token. */
  @Override
  public String toString() {
    return method + " " + uri + " headers=" + headers.keySet();
  }
}
