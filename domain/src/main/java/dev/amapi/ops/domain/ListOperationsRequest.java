package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

/**
 * What to ask {@code operations.list} for: a filter, a page size and a page token.
 *
 * @param filter the API's standard list filter; empty for none
 * @param pageSize the largest page wanted; 0 lets the server choose
 * @param pageToken the token of the page to fetch; empty for the first
 */
public record ListOperationsRequest(String filter, int pageSize, String pageToken) {
  private static final ListOperationsRequest FIRST_PAGE = new ListOperationsRequest("", 0, "");

  /**
   * Validates.
   *
   * @param filter the API's standard list filter; empty for none
   * @param pageSize the largest page wanted; 0 lets the server choose
   * @param pageToken the token of the page to fetch; empty for the first
   * @throws IllegalArgumentException if {@code pageSize} is negative, or {@code filter} or {@code
   *     pageToken} holds an unpaired surrogate (see {@link #WELL_FORMED_RULE})
   */
  public ListOperationsRequest {
    requireNonNull(filter, "filter");
    requireNonNull(pageToken, "pageToken");
    if (pageSize < 0) {
      throw new IllegalArgumentException("pageSize must not be negative, was " + pageSize);
    }
    requireWellFormed("filter", filter);
    requireWellFormed("pageToken", pageToken);
  }

  /**
   * The rule {@code filter} and {@code pageToken} obey, quoted when one breaks it: they are sent as
   * UTF-8, which has no form for half a surrogate pair.
   */
  public static final String WELL_FORMED_RULE =
      "text sent in a query must be well-formed UTF-16: every surrogate (U+D800 to U+DFFF) must be"
          + " half of a high-low pair, since a lone one has no UTF-8 form";

  private static void requireWellFormed(String parameter, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++; // a pair: both halves are fine
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            parameter
                + " has an unpaired surrogate U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i
                + ": "
                + WELL_FORMED_RULE);
      }
    }
  }

  /**
   * Returns a request for the first page, unfiltered, sized by the server.
   *
   * @return the request with no filter, page size 0 and no page token
   */
  public static ListOperationsRequest firstPage() {
    return FIRST_PAGE;
  }

  /**
   * Returns this request with another filter.
   *
   * @param filter the API's standard list filter; empty for none
   * @return a new request; this one is unchanged
   * @throws IllegalArgumentException if {@code filter} holds an unpaired surrogate
   */
  public ListOperationsRequest withFilter(String filter) {
    return new ListOperationsRequest(filter, pageSize, pageToken);
  }

  /**
   * Returns this request with another page size.
   *
   * @param pageSize the largest page wanted; 0 lets the server choose
   * @return a new request; this one is unchanged
   * @throws IllegalArgumentException if {@code pageSize} is negative
   */
  public ListOperationsRequest withPageSize(int pageSize) {
    return new ListOperationsRequest(filter, pageSize, pageToken);
  }

  /**
   * Returns this request for the page with this token.
   *
   * @param pageToken a previous page's {@link OperationsPage#nextPageToken()}; empty for the first
   * @return a new request; this one is unchanged
   * @throws IllegalArgumentException if {@code pageToken} holds an unpaired surrogate
   */
  public ListOperationsRequest withPageToken(String pageToken) {
    return new ListOperationsRequest(filter, pageSize, pageToken);
  }
}
