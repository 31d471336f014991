package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The one exception the SDK throws for a failed call: it carries the {@link Status} the server sent
 * (code, message, details) and, when there was a response, its HTTP status.
 *
 * <p>A failure with no response (connection refused or reset, timed out) is this same type with
 * {@link Code#UNAVAILABLE} or {@link Code#DEADLINE_EXCEEDED}, the underlying exception kept as the
 * cause. Whether to retry is the retry policy's decision, not this exception's.
 */
public final class AmapiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the server said, or what the SDK concluded when there was no answer. */
  private final Status status;

  /** The HTTP status of the answer, or -1 when there was none. */
  private final int httpStatus;

  /** The delay the answer's {@code Retry-After} header asked for, or null when it had none. */
  private final @Nullable Duration retryAfter;

  /**
   * Creates the exception for an answer the server gave.
   *
   * @param status what the server said
   * @param httpStatus the HTTP status of the answer
   */
  public AmapiException(Status status, int httpStatus) {
    this(status, httpStatus, null);
  }

  /**
   * Creates the exception for an answer the server gave with a {@code Retry-After} header.
   *
   * @param status what the server said
   * @param httpStatus the HTTP status of the answer
   * @param retryAfter the delay the header asked for, or null when the answer had none
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public AmapiException(Status status, int httpStatus, @Nullable Duration retryAfter) {
    super(describe(status, httpStatus));
    this.status = requireNonNull(status, "status");
    this.httpStatus = httpStatus;
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /**
   * Creates the exception for a call that got no answer.
   *
   * @param status usually {@link Code#UNAVAILABLE} or {@link Code#DEADLINE_EXCEEDED}
   * @param cause what failed underneath; kept
   */
  public AmapiException(Status status, @Nullable Throwable cause) {
    super(describe(status, -1), cause);
    this.status = requireNonNull(status, "status");
    this.httpStatus = -1;
    this.retryAfter = null;
  }

  /**
   * Returns what the server said, or what the SDK concluded when there was no answer.
   *
   * @return the status: code, message and details
   */
  public Status status() {
    return status;
  }

  /**
   * Returns the status's code.
   *
   * @return the canonical code, such as {@link Code#NOT_FOUND}
   */
  public Code code() {
    return status.code();
  }

  /**
   * Returns the HTTP status of the answer.
   *
   * @return the HTTP status, or empty when the call got no answer
   */
  public OptionalInt httpStatus() {
    return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /**
   * Returns the delay the answer's {@code Retry-After} header asked for. A {@code RetryInfo} in the
   * status's details says the same in the body; servers send either or both.
   *
   * @return the delay, or empty when the answer had no such header (or there was no answer)
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static String describe(Status status, int httpStatus) {
    StringBuilder out = new StringBuilder(status.code().name());
    status
        .unknownStatus()
        .ifPresent(name -> out.append(" (the server said ").append(name).append(')'));
    if (!status.message().isEmpty()) {
      out.append(": ").append(status.message());
    }
    if (httpStatus >= 0) {
      out.append(" (HTTP ").append(httpStatus).append(')');
    }
    return out.toString();
  }
}
