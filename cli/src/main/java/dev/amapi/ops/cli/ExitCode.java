package dev.amapi.ops.cli;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tool's exit codes, declared best to worst. With several operations the process exits with the
 * worst code met, worst being the last in declaration order: a wrong input or an unknown answer is
 * worse than any outcome the server reported. Every command's {@code --help} lists its codes from
 * here ({@link #helpList}), in this order.
 */
enum ExitCode {
  OK(0, "success (for cancel --wait: the operation was cancelled)"),
  COMPLETED(5, "COMPLETED: the operation finished before the cancel took effect"),
  FAILED(6, "FAILED: the operation ended with an error other than CANCELLED"),
  STILL_RUNNING(7, "STILL_RUNNING: the operation was not done when --timeout passed"),
  NOT_SUPPORTED(4, "NOT_SUPPORTED: the server cannot do it, such as cancel it (UNIMPLEMENTED)"),
  NOT_FOUND(3, "NOT_FOUND: no such operation, or the server answered NOT_FOUND"),
  ERROR(1, "another API or transport error, such as PERMISSION_DENIED or no answer"),
  AUTH(8, "no usable credentials, or the server rejected them (UNAUTHENTICATED)"),
  USAGE(2, "bad usage or input, such as a malformed name (nothing is sent)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  int code() {
    return code;
  }

  /** Returns what the code means, as {@code --help} lists it. */
  String meaning() {
    return meaning;
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

  /** Returns the codes a read (get, list) can exit with: no outcome of a cancel. */
  static Set<ExitCode> ofReads() {
    return EnumSet.of(OK, NOT_FOUND, ERROR, AUTH, USAGE);
  }

  /** Returns the exit code of a read (get, list) that failed with this code. */
  static ExitCode ofRead(Code code) {
    ExitCode exit = of(code);
    return ofReads().contains(exit) ? exit : ERROR;
  }

  /**
   * Returns picocli's {@code exitCodeList} of these codes: each code's number and meaning, best to
   * worst.
   */
  static Map<String, String> helpList(Set<ExitCode> codes) {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exit : values()) {
      if (codes.contains(exit)) {
        list.put(Integer.toString(exit.code), exit.meaning);
      }
    }
    return list;
  }
}
