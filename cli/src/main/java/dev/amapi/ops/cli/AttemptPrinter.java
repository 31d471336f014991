package dev.amapi.ops.cli;

import dev.amapi.ops.rest.event.AttemptEnd;
import dev.amapi.ops.rest.event.CallListener;
import dev.amapi.ops.rest.event.LoggingCallListener;
import java.io.PrintWriter;

/**
 * With {@code --verbose}, prints each HTTP attempt on stderr as {@link LoggingCallListener} would
 * log it: method, path, status, code, latency and the retry delay; never a token or a header.
 */
final class AttemptPrinter implements CallListener {
  private final PrintWriter err;

  AttemptPrinter(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void attemptEnded(AttemptEnd end) {
    synchronized (err) {
      err.println("amapi-ops: " + LoggingCallListener.describe(end));
      err.flush();
    }
  }
}
