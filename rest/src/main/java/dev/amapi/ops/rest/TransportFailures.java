package dev.amapi.ops.rest;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Status;
import java.time.Duration;

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

  /** Returns the failure for a request made after the client was closed. */
  public static IllegalStateException closed() {
    return new IllegalStateException("The client is closed");
  }

  private static String describe(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
