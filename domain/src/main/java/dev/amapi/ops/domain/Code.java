package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The canonical error codes of {@code google.rpc.Code}, each with its RPC number and the HTTP
 * status Google's REST APIs answer it with.
 */
public enum Code {
  /** Not an error. */
  OK(0, 200),
  /** The operation was cancelled, typically by the caller; a cancelled operation ends with it. */
  CANCELLED(1, 499),
  /** Unknown error. */
  UNKNOWN(2, 500),
  /** The client specified an invalid argument. */
  INVALID_ARGUMENT(3, 400),
  /** The deadline expired before the call could complete. */
  DEADLINE_EXCEEDED(4, 504),
  /** The requested entity was not found. */
  NOT_FOUND(5, 404),
  /** The entity the client tried to create already exists. */
  ALREADY_EXISTS(6, 409),
  /** The caller lacks permission for the call. */
  PERMISSION_DENIED(7, 403),
  /** A quota or rate limit was exhausted. */
  RESOURCE_EXHAUSTED(8, 429),
  /** The system is not in a state required for the call. */
  FAILED_PRECONDITION(9, 400),
  /** The call was aborted, typically by a concurrency conflict. */
  ABORTED(10, 409),
  /** The call was attempted past the valid range. */
  OUT_OF_RANGE(11, 400),
  /** The call is not implemented or supported, such as cancel on some operations. */
  UNIMPLEMENTED(12, 501),
  /** An internal error. */
  INTERNAL(13, 500),
  /** The service is unavailable; the call is safe to retry with backoff. */
  UNAVAILABLE(14, 503),
  /** Unrecoverable data loss or corruption. */
  DATA_LOSS(15, 500),
  /** The request lacks valid authentication credentials. */
  UNAUTHENTICATED(16, 401);

  private static final Code[] BY_NUMBER = values();

  private final int number;
  private final int httpStatus;

  Code(int number, int httpStatus) {
    this.number = number;
    this.httpStatus = httpStatus;
  }

  /**
   * Returns the code's number in {@code google.rpc.Code}.
   *
   * @return the number as it appears in {@code Status.code}, 0 to 16
   */
  public int number() {
    return number;
  }

  /**
   * Returns the HTTP status Google's REST APIs answer this code with.
   *
   * @return the HTTP status, such as 404 for {@link #NOT_FOUND}
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Returns the code with this {@code google.rpc.Code} number.
   *
   * @param number the number, as it appears in {@code Status.code}
   * @return the code, or empty if no code has that number
   */
  public static Optional<Code> forNumber(int number) {
    return number >= 0 && number < BY_NUMBER.length
        ? Optional.of(BY_NUMBER[number])
        : Optional.empty();
  }

  /**
   * Returns the code with this name.
   *
   * @param name the code's name, such as {@code "NOT_FOUND"}, as in an error's {@code status}
   * @return the code, or empty if no code has that name
   */
  public static Optional<Code> forName(String name) {
    requireNonNull(name, "name");
    for (Code code : BY_NUMBER) {
      if (code.name().equals(name)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the code an HTTP status stands for when the body does not say.
   *
   * <p>Where several codes share a status the most general one is chosen (400 is {@link
   * #INVALID_ARGUMENT}, 409 {@link #ABORTED}, 500 {@link #INTERNAL}). Statuses outside the table
   * map by class: 502 is {@link #UNAVAILABLE} (a proxy could not reach the service), other 2xx
   * {@link #OK}, other 4xx {@link #FAILED_PRECONDITION}, other 5xx {@link #INTERNAL}, anything else
   * {@link #UNKNOWN}.
   *
   * @param httpStatus the HTTP status of an answer whose body names no code
   * @return the code it stands for; never null
   */
  public static Code fromHttpStatus(int httpStatus) {
    switch (httpStatus) {
      case 200:
        return OK;
      case 400:
        return INVALID_ARGUMENT;
      case 401:
        return UNAUTHENTICATED;
      case 403:
        return PERMISSION_DENIED;
      case 404:
        return NOT_FOUND;
      case 409:
        return ABORTED;
      case 412:
        return FAILED_PRECONDITION;
      case 416:
        return OUT_OF_RANGE;
      case 429:
        return RESOURCE_EXHAUSTED;
      case 499:
        return CANCELLED;
      case 500:
        return INTERNAL;
      case 501:
        return UNIMPLEMENTED;
      case 502:
      case 503:
        return UNAVAILABLE;
      case 504:
        return DEADLINE_EXCEEDED;
      default:
        if (httpStatus >= 200 && httpStatus < 300) {
          return OK;
        }
        if (httpStatus >= 400 && httpStatus < 500) {
          return FAILED_PRECONDITION;
        }
        if (httpStatus >= 500 && httpStatus < 600) {
          return INTERNAL;
        }
        return UNKNOWN;
    }
  }
}
