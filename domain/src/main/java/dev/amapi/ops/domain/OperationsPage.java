package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a device's operations, as {@code operations.list} answers it.
 *
 * <p>Fields of the page this SDK does not model (from a newer API revision) are kept in {@link
 * #otherFields()} as raw JSON, never dropped.
 *
 * @param operations the operations on this page, in the server's order
 * @param nextPageToken the token of the next page; empty on the last page
 * @param unreachable resources the server could not reach (newer API revisions); usually empty
 * @param otherFields the page's fields not modelled here, from JSON name to raw JSON value, in the
 *     order received; usually empty
 */
public record OperationsPage(
    List<Operation> operations,
    String nextPageToken,
    List<String> unreachable,
    Map<String, String> otherFields) {

  /**
   * Validates and copies.
   *
   * @param operations the operations on this page, in the server's order
   * @param nextPageToken the token of the next page; empty on the last page
   * @param unreachable resources the server could not reach; usually empty
   * @param otherFields the page's fields not modelled here, from JSON name to raw JSON value, in
   *     order; usually empty
   */
  public OperationsPage {
    operations = List.copyOf(operations);
    requireNonNull(nextPageToken, "nextPageToken");
    unreachable = List.copyOf(unreachable);
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : otherFields.entrySet()) {
      fields.put(
          requireNonNull(field.getKey(), "otherFields name"),
          requireNonNull(field.getValue(), "otherFields json"));
    }
    otherFields = Collections.unmodifiableMap(fields);
  }

  /**
   * Creates a page with no other fields.
   *
   * @param operations the operations on this page, in the server's order
   * @param nextPageToken the token of the next page; empty on the last page
   * @param unreachable resources the server could not reach; usually empty
   */
  public OperationsPage(
      List<Operation> operations, String nextPageToken, List<String> unreachable) {
    this(operations, nextPageToken, unreachable, Map.of());
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
