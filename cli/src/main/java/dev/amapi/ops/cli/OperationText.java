package dev.amapi.ops.cli;

import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;

/** How an operation reads in the tool's tables. */
final class OperationText {
  private OperationText() {}

  static String type(Operation operation) {
    return operation.metadata().map(Command::type).map(Object::toString).orElse("-");
  }

  static String created(Operation operation) {
    return operation.metadata().flatMap(Command::createTime).map(Object::toString).orElse("-");
  }

  /** Returns PENDING, SUCCEEDED, CANCELLED, or FAILED (CODE). */
  static String state(Operation operation) {
    OperationResult result = operation.result();
    if (result instanceof OperationResult.Succeeded) {
      return "SUCCEEDED";
    }
    if (result instanceof OperationResult.Failed failed) {
      return operation.isCancelled() ? "CANCELLED" : "FAILED (" + failed.status().code() + ")";
    }
    return "PENDING";
  }

  /** Returns {@code CODE: message}, or just the code when the message is empty. */
  static String status(Status status) {
    return status.message().isEmpty()
        ? status.code().name()
        : status.code() + ": " + status.message();
  }
}
