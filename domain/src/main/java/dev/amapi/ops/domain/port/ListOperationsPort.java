package dev.amapi.ops.domain.port;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationPages;
import dev.amapi.ops.domain.OperationsPage;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Lists a device's long-running operations ({@code enterprises.devices.operations.list}), one page
 * at a time or all of them lazily.
 *
 * <p>Implementations are thread-safe.
 */
public interface ListOperationsPort {

  /**
   * Returns one page of the device's operations: over REST, {@code GET v1/{device}/operations} with
   * the request's filter, page size and page token as query parameters.
   *
   * @param device the device whose operations are listed
   * @param request the filter, page size and page token
   * @return the page as the server returned it, with the next page's token if there is one
   * @throws AmapiException with what the server said, or {@code UNAVAILABLE}/{@code
   *     DEADLINE_EXCEEDED} when no answer came
   */
  OperationsPage list(DeviceName device, ListOperationsRequest request);

  /**
   * Fetches one page without blocking the caller.
   *
   * @param device the device whose operations are listed
   * @param request the filter, page size and page token
   * @return a future of the page, or completed exceptionally with an {@link AmapiException}
   */
  CompletableFuture<OperationsPage> listAsync(DeviceName device, ListOperationsRequest request);

  /**
   * Returns every operation from {@code request}'s page on, fetching each next page only when the
   * stream reaches it. Each fetch is a {@link #list} call and fails as it does.
   *
   * @param device the device whose operations are listed
   * @param request the request for the first page wanted; its filter and page size apply to every
   *     page
   * @return a sequential, lazy stream of the operations in the server's order; an {@link
   *     AmapiException} from a fetch is thrown from the stream's terminal operation
   */
  default Stream<Operation> listAll(DeviceName device, ListOperationsRequest request) {
    return OperationPages.stream(this::list, device, request);
  }
}
