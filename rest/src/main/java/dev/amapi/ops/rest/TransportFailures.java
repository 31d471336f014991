package dev.amapi.ops.rest;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Status;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The exceptions a transport raises when no response came, so every transport words them alike. */
public final class TransportFailures {
  private TransportFailures() {}

  /**
   * Returns the failure for a request whose timeout passed.
   *
   * @param request the request
   * @param cause the library's exception, kept
   */
  public static AmapiException deadlineExceeded(RestRequest request, Throwable cause) {
    return new AmapiException(
        Status.of(
            Code.DEADLINE_EXCEEDED,
            "No answer to "
                + request.method()
                + " "
                + request.uri()
                + " within "
                + describe(request.timeout())),
        cause);
  }

  /**
   * Returns the failure for a request whose connection was refused, reset or closed.
   *
   * @param request the request
   * @param cause the library's exception, kept
   */
  public static AmapiException unavailable(RestRequest request, Throwable cause) {
    String reason = cause.getMessage();
    return new AmapiException(
        Status.of(
            Code.UNAVAILABLE,
            "No answer to "
                + request.method()
                + " "
                + request.uri()
                + ": "
                + cause.getClass().getSimpleName()
                + (reason == null || reason.isEmpty() ? "" : ": " + reason)),
        cause);
  }

  /**
   * Returns the failure for a call the client's {@code close()} ended while it waited for its
   * answer: the same type as a call made after close.
   *
   * @param cause what ended the wait, if anything did; kept
   */
  public static IllegalStateException closedDuring(RestRequest request, @Nullable Throwable cause) {
    return new IllegalStateException(
        "The client was closed while waiting for " + request.method() + " " + request.uri(), cause);
  }

  /**
   * Returns the failure for a caller whose thread was interrupted while it waited for the answer.
   * The caller restores the interrupt flag.
   */
  public static AmapiException interrupted(RestRequest request, InterruptedException cause) {
    return new AmapiException(
        Status.of(Code.CANCELLED, "Interrupted while waiting for " + request), cause);
  }

  /** Returns the failure for a request made after the client was closed. */
  public static IllegalStateException closed() {
    return new IllegalStateException("The client is closed");
  }

  private static String describe(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
