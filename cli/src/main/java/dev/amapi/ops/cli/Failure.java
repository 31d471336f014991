package dev.amapi.ops.cli;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.rest.WireFormat;
import org.jspecify.annotations.Nullable;

/**
 * A failure the tool reports as one line on stderr (without {@code amapi-ops: }, which the printer
 * adds) and an exit code.
 */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  Failure(ExitCode exitCode, String message) {
    this(exitCode, message, null);
  }

  Failure(ExitCode exitCode, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  ExitCode exitCode() {
    return exitCode;
  }

  /**
   * Returns the line for a call that failed: what failed, the code and the server's message, and
   * what to do.
   *
   * @param what such as {@code cancel enterprises/e/devices/d/operations/o}
   * @param device the device involved, for the hint to list its operations
   */
  static Failure of(String what, DeviceName device, AmapiException e) {
    return of(what, device, e, ExitCode.of(e.code()), true);
  }

  /**
   * Returns the line for a read (get, list) that failed: as {@link #of(String, DeviceName,
   * AmapiException)}, with the exit codes of a read and no hint about cancelling.
   */
  static Failure ofRead(String what, DeviceName device, AmapiException e) {
    return of(what, device, e, ExitCode.ofRead(e.code()), false);
  }

  private static Failure of(
      String what, DeviceName device, AmapiException e, ExitCode exit, boolean cancelling) {
    Code code = e.code();
    String message = e.status().message();
    if (message.isEmpty() && e.getCause() != null) {
      message = String.valueOf(e.getCause().getMessage());
    }
    StringBuilder line = new StringBuilder("cannot ").append(what).append(": ").append(code);
    if (!message.isEmpty()) {
      line.append(": ").append(sentence(message));
    }
    String hint = code == Code.UNIMPLEMENTED && !cancelling ? "" : hint(code, device, e);
    if (!hint.isEmpty()) {
      line.append(' ').append(hint);
    }
    return new Failure(exit, line.toString(), e);
  }

  private static String hint(Code code, DeviceName device, AmapiException e) {
    boolean answered = e.httpStatus().isPresent();
    return switch (code) {
      case NOT_FOUND -> "Check the operation name with 'amapi-ops list " + device + "'.";
      case UNIMPLEMENTED -> "The server cannot cancel this operation; it may still finish.";
      case UNAUTHENTICATED ->
          "Check the credentials (--credentials FILE, or Application Default Credentials).";
      case PERMISSION_DENIED ->
          "Check that the credentials may manage enterprise " + device.enterpriseId() + ".";
      case UNAVAILABLE, DEADLINE_EXCEEDED ->
          answered
              ? "The server is busy; try again later."
              : "Check --endpoint and the network, then try again.";
      default -> "";
    };
  }

  /**
   * Returns the text as a sentence: one line safe for a terminal ({@link WireFormat#oneLine}),
   * ending with a full stop.
   */
  static String sentence(String text) {
    String line = WireFormat.oneLine(text);
    if (line.isEmpty() || line.endsWith(".") || line.endsWith("!") || line.endsWith("?")) {
      return line;
    }
    return line + ".";
  }
}
