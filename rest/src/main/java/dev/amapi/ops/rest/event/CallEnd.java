package dev.amapi.ops.rest.event;

import dev.amapi.ops.domain.Code;
import java.time.Duration;

/**
 * A call ended: sent once per call, by the thread that ended it, before its caller gets the answer
 * (sync) or its future completes (async), or when a caller's cancel or {@code close()} ended it.
 *
 * @param call the call's start, which names it ({@link CallStart#callId()}) and what it sends
 * @param code {@link Code#OK}, or the code of the {@code AmapiException} the call failed with;
 *     {@link Code#CANCELLED} when the caller cancelled it or the client was closed, {@link
 *     Code#UNKNOWN} for any other exception
 * @param httpStatus the last answer's HTTP status, or 0 when the last attempt had none
 * @param attempts how many attempts were made (a 401 refresh is not one)
 * @param elapsed from the call's start to its end, the waits between attempts included
 * @param errorType empty on success; otherwise the code's name, or the exception's class name when
 *     the failure was not an {@code AmapiException}
 */
public record CallEnd(
    CallStart call, Code code, int httpStatus, int attempts, Duration elapsed, String errorType) {

  /**
   * Returns whether the call succeeded.
   *
   * @return true when {@link #code()} is {@link Code#OK}
   */
  public boolean succeeded() {
    return code == Code.OK;
  }
}
