package dev.amapi.ops.rest.event;

import dev.amapi.ops.domain.Code;
import java.time.Duration;

/**
 * One exchange of a call ended, with an answer or without one, and what the client does next.
 *
 * <p>A 401 answered by a fresh token is an event of its own with {@link RetryReason#TOKEN_REFRESH}
 * and the same {@code attempt} as the exchange that follows it, since the refresh does not count as
 * an attempt.
 *
 * @param call the call's start, which names it ({@link CallStart#callId()}) and what it sends
 * @param attempt the attempt, counting from 1
 * @param httpStatus the answer's HTTP status, or 0 when no answer came (timeout, refused or dropped
 *     connection)
 * @param code {@link Code#OK} when the attempt gave the call its answer, otherwise why it failed
 * @param latency from sending the request to the end of the answer, or to the failure
 * @param bytesReceived the answer's body bytes read, 0 when no answer came
 * @param retryDelay how long the client waits before the next attempt; zero when none follows or it
 *     follows at once
 * @param retryReason why another attempt follows and what chose the wait, or {@link
 *     RetryReason#NONE}
 */
public record AttemptEnd(
    CallStart call,
    int attempt,
    int httpStatus,
    Code code,
    Duration latency,
    long bytesReceived,
    Duration retryDelay,
    RetryReason retryReason) {

  /**
   * Returns whether another exchange of the same call follows this one.
   *
   * @return true unless {@link #retryReason()} is {@link RetryReason#NONE}
   */
  public boolean retried() {
    return retryReason != RetryReason.NONE;
  }

  /**
   * Returns what went wrong, as the HTTP semantic conventions' {@code error.type}: the status of an
   * error answer ({@code "503"}), else the code when no error answer came ({@code "UNAVAILABLE"},
   * {@code "DEADLINE_EXCEEDED"}); empty when the attempt succeeded. The OpenTelemetry and
   * Micrometer bridges both tag attempts with it.
   *
   * @return the status code of an error answer, the code's name, or an empty string
   */
  public String errorType() {
    if (code == Code.OK) {
      return "";
    }
    return httpStatus >= 400 ? Integer.toString(httpStatus) : code.name();
  }
}
