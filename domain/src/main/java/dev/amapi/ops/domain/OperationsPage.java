package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a device's operations, as {@code operations.list} answers it.
 *
 * @param operations the operations on this page, in the server's order
 * @param nextPageToken the token of the next page; empty on the last page
 * @param unreachable resources the server could not reach (newer API revisions); usually empty
 */
public record OperationsPage(
    List<Operation> operations, String nextPageToken, List<String> unreachable) {

  /**
   * Validates and copies.
   *
   * @param operations the operations on this page, in the server's order
   * @param nextPageToken the token of the next page; empty on the last page
   * @param unreachable resources the server could not reach; usually empty
   */
  public OperationsPage {
    operations = List.copyOf(operations);
    requireNonNull(nextPageToken, "nextPageToken");
    unreachable = List.copyOf(unreachable);
  }

  /**
   * Returns a page with these operations and next-page token.
   *
   * @param operations the operations on this page, in order
   * @param nextPageToken the token of the next page; empty on the last page
   * @return a page with no unreachable resources
   */
  public static OperationsPage of(List<Operation> operations, String nextPageToken) {
    return new OperationsPage(operations, nextPageToken, List.of());
  }

  /**
   * Returns the next page's token.
   *
   * @return the token to pass to {@link ListOperationsRequest#withPageToken}, or empty on the last
   *     page
   */
  public Optional<String> nextPage() {
    return nextPageToken.isEmpty() ? Optional.empty() : Optional.of(nextPageToken);
  }
}
