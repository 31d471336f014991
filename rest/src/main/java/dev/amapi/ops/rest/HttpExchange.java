package dev.amapi.ops.rest;

import dev.amapi.ops.domain.AmapiException;
import java.util.concurrent.CompletableFuture;

/**
 * What a transport implements: send one request, hand back the status, headers and body. All else
 * (URLs, JSON, errors, auth, retries) is the binding's; a transport only moves bytes.
 *
 * <p>A failure with no response becomes an {@link AmapiException}: {@code DEADLINE_EXCEEDED} when
 * the request's timeout passed, {@code UNAVAILABLE} for a refused, reset or closed connection, the
 * library's exception kept as the cause. {@link TransportFailures} builds them. An HTTP error
 * status is a response, not a failure.
 *
 * <p>Implementations are thread-safe. {@link #close()} releases what the exchange created.
 */
public interface HttpExchange extends AutoCloseable {

  /**
   * Sends the request and waits for the whole response.
   *
   * @throws AmapiException with {@code UNAVAILABLE} or {@code DEADLINE_EXCEEDED} if no response
   *     came
   */
  RestResponse send(RestRequest request);

  /**
   * Sends the request without blocking the caller.
   *
   * @return a future of the response, completed exceptionally with an {@link AmapiException} as
   *     {@link #send} would throw
   */
  CompletableFuture<RestResponse> sendAsync(RestRequest request);

  /** Releases the threads and connections the exchange created. Closing twice is harmless. */
  @Override
  void close();
}
