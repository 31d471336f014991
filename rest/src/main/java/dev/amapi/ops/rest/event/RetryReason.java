package dev.amapi.ops.rest.event;

/** Why an attempt was followed by another, and where the wait before it came from. */
public enum RetryReason {
  /** No attempt follows: the call ended with this one. */
  NONE,
  /** The retry policy's backoff chose the wait; the server named none. */
  POLICY_BACKOFF,
  /** The server's {@code RetryInfo} error detail named a wait, which the policy honoured. */
  SERVER_RETRY_INFO,
  /** The server's {@code Retry-After} header named a wait, which the policy honoured. */
  RETRY_AFTER,
  /**
   * The server answered 401 and the token source gave a fresh token: the request is sent again at
   * once, and that is not counted as another attempt.
   */
  TOKEN_REFRESH
}
