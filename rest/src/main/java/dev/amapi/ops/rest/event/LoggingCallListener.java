package dev.amapi.ops.rest.event;

import static java.util.Objects.requireNonNull;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Writes calls to a {@link System.Logger} (java.util.logging unless another {@code
 * System.LoggerFinder} is installed, such as SLF4J's {@code slf4j-jdk-platform-logging}): each
 * attempt at DEBUG, with its method, path, HTTP status, code, latency and the wait before the next
 * one; a call that failed after retries at WARNING. A line holds no token, no header value and no
 * query string. Thread-safe.
 */
public final class LoggingCallListener implements CallListener {
  /** The logger's default name. */
  public static final String LOGGER_NAME = "dev.amapi.ops.calls";

  private final Logger logger;

  private LoggingCallListener(Logger logger) {
    this.logger = logger;
  }

  /**
   * Returns a listener that writes to the logger named {@value #LOGGER_NAME}.
   *
   * @return the listener
   */
  public static LoggingCallListener create() {
    return to(System.getLogger(LOGGER_NAME));
  }

  /**
   * Returns a listener that writes to this logger.
   *
   * @param logger where the lines go
   * @return the listener
   */
  public static LoggingCallListener to(Logger logger) {
    return new LoggingCallListener(requireNonNull(logger, "logger"));
  }

  @Override
  public void attemptEnded(AttemptEnd end) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(Level.DEBUG, describe(end));
    }
  }

  @Override
  public void callEnded(CallEnd end) {
    Level level = !end.succeeded() && end.attempts() > 1 ? Level.WARNING : Level.DEBUG;
    if (logger.isLoggable(level)) {
      CallStart call = end.call();
      logger.log(
          level,
          call.httpMethod()
              + " "
              + call.uri().getRawPath()
              + (end.succeeded() ? " succeeded" : " failed with " + end.code())
              + " after "
              + end.attempts()
              + (end.attempts() == 1 ? " attempt" : " attempts")
              + " in "
              + end.elapsed().toMillis()
              + " ms");
    }
  }

  /**
   * Returns the line an attempt is written as: method, path, HTTP status, code, latency and what
   * follows, such as {@code GET /v1/enterprises/e/devices/d/operations/1 503 UNAVAILABLE 12 ms,
   * retry 2 in 480 ms (policy backoff)}.
   *
   * @param end the attempt
   * @return the line, with no token, header value or query string
   */
  public static String describe(AttemptEnd end) {
    CallStart call = end.call();
    StringBuilder line =
        new StringBuilder()
            .append(call.httpMethod())
            .append(' ')
            .append(call.uri().getRawPath())
            .append(' ')
            .append(end.httpStatus() == 0 ? "(no answer)" : String.valueOf(end.httpStatus()))
            .append(' ')
            .append(end.code())
            .append(' ')
            .append(end.latency().toMillis())
            .append(" ms");
    switch (end.retryReason()) {
      case NONE -> {}
      case TOKEN_REFRESH -> line.append(", sent again with a fresh token");
      default ->
          line.append(", retry ")
              .append(end.attempt() + 1)
              .append(" in ")
              .append(end.retryDelay().toMillis())
              .append(" ms (")
              .append(end.retryReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
              .append(')');
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return "LoggingCallListener{" + logger.getName() + '}';
  }
}
