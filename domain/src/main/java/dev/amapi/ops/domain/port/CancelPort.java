package dev.amapi.ops.domain.port;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.OperationName;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the server to cancel a device's long-running operation ({@code
 * enterprises.devices.operations.cancel}).
 *
 * <p>Cancel is best effort: a successful call only means cancellation was requested. The server may
 * still finish the command; if it does cancel, the operation is not deleted but becomes done with
 * error code 1 ({@code CANCELLED}). A server that does not support cancelling the operation answers
 * {@code UNIMPLEMENTED}. What cancelling an already finished operation does is not specified. Read
 * the operation back ({@link GetOperationPort}) to know what happened.
 *
 * <p>Implementations are thread-safe.
 */
public interface CancelPort {

  /**
   * Requests cancellation of the operation and waits for the server's answer: over REST, {@code
   * POST v1/{name}:cancel} with an empty body.
   *
   * @param name the operation to cancel
   * @throws AmapiException with what the server said ({@code NOT_FOUND}, {@code UNIMPLEMENTED},
   *     {@code PERMISSION_DENIED}, ...), or {@code UNAVAILABLE}/{@code DEADLINE_EXCEEDED} when no
   *     answer came
   */
  void cancel(OperationName name);

  /**
   * Requests cancellation without blocking the caller.
   *
   * @param name the operation to cancel
   * @return a future that completes when the server accepted the request, or completes
   *     exceptionally with an {@link AmapiException} as {@link #cancel(OperationName)} would throw
   */
  CompletableFuture<Void> cancelAsync(OperationName name);
}
