package dev.amapi.ops.cli;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.usecase.CancelOutcome;

/**
 * The tool's exit codes. With several operations the process exits with the worst code met, worst
 * being the last in declaration order: a wrong input or an unknown answer is worse than any outcome
 * the server reported.
 */
enum ExitCode {
  OK(0, "the operation was cancelled (or, for get and list, the call succeeded)"),
  COMPLETED(5, "the operation finished before the cancel took effect"),
  FAILED(6, "the operation ended with an error other than CANCELLED"),
  STILL_RUNNING(7, "the operation was still running when --timeout passed"),
  NOT_SUPPORTED(4, "the server cannot cancel the operation (UNIMPLEMENTED)"),
  NOT_FOUND(3, "no such operation (NOT_FOUND)"),
  ERROR(1, "another API or transport error (unreachable endpoint, PERMISSION_DENIED, ...)"),
  AUTH(8, "no usable credentials, or the server rejected them (UNAUTHENTICATED)"),
  USAGE(2, "bad usage or input: an unknown option, a malformed name or duration");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  int code() {
    return code;
  }

  /** Returns the worse of the two. */
  ExitCode worst(ExitCode other) {
    return other.compareTo(this) > 0 ? other : this;
  }

  /** Returns the exit code of a cancel-and-confirm outcome. */
  static ExitCode of(CancelOutcome.Kind kind) {
    return switch (kind) {
      case CANCELLED -> OK;
      case COMPLETED -> COMPLETED;
      case FAILED -> FAILED;
      case STILL_RUNNING -> STILL_RUNNING;
      case NOT_SUPPORTED -> NOT_SUPPORTED;
      case NOT_FOUND -> NOT_FOUND;
    };
  }

  /** Returns the exit code of a call that failed with this code. */
  static ExitCode of(Code code) {
    return switch (code) {
      case NOT_FOUND -> NOT_FOUND;
      case UNIMPLEMENTED -> NOT_SUPPORTED;
      case UNAUTHENTICATED -> AUTH;
      default -> ERROR;
    };
  }

  /** Returns the {@code exitCodeList} line for picocli's help. */
  String helpLine() {
    return code + ":" + meaning;
  }
}
