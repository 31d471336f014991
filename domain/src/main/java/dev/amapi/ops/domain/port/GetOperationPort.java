package dev.amapi.ops.domain.port;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the latest state of a device's long-running operation ({@code
 * enterprises.devices.operations.get}): the way to learn whether a cancel took effect, the command
 * finished anyway, or it failed.
 *
 * <p>Implementations are thread-safe.
 */
public interface GetOperationPort {

  /**
   * Reads the operation as the server has it now: over REST, {@code GET v1/{name}}.
   *
   * @param name the operation to read
   * @return the operation as the server returned it
   * @throws AmapiException with what the server said ({@code NOT_FOUND}, ...), or {@code
   *     UNAVAILABLE}/{@code DEADLINE_EXCEEDED} when no answer came
   */
  Operation get(OperationName name);

  /**
   * Reads the operation without blocking the caller.
   *
   * @param name the operation to read
   * @return a future of the operation, or completed exceptionally with an {@link AmapiException}
   */
  CompletableFuture<Operation> getAsync(OperationName name);
}
