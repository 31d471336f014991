package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandErrorCode;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;
import java.util.Optional;

/**
 * How a device command ended, or that it had not yet: what {@link DeviceCommand#await} reports.
 *
 * @param kind how it ended
 * @param operation the operation as last read
 */
public record CommandOutcome(Kind kind, Operation operation) {

  /** How a command ended. */
  public enum Kind {
    /** The device ran the command: the operation is done with a response. */
    COMPLETED,
    /** The command failed: the operation is done with an error other than the two below. */
    FAILED,
    /** The command was called off: done with error code 1 ({@code CANCELLED}). */
    CANCELLED,
    /**
     * The device did not pick the command up within its {@code duration}: done with {@code
     * DEADLINE_EXCEEDED} and no command error code.
     */
    EXPIRED,
    /** The wait's deadline passed with the operation not done; it may still end either way. */
    PENDING
  }

  /**
   * Rejects nulls.
   *
   * @param kind how it ended
   * @param operation the operation as last read
   */
  public CommandOutcome {
    requireNonNull(kind, "kind");
    requireNonNull(operation, "operation");
  }

  /**
   * Returns the outcome an operation read shows.
   *
   * @param operation the operation as read
   * @return {@code PENDING} while it is not done, else how it ended
   */
  public static CommandOutcome of(Operation operation) {
    requireNonNull(operation, "operation");
    OperationResult result = operation.result();
    Kind kind;
    if (result instanceof OperationResult.Pending) {
      kind = Kind.PENDING;
    } else if (result instanceof OperationResult.Succeeded) {
      kind = Kind.COMPLETED;
    } else if (operation.isCancelled()) {
      kind = Kind.CANCELLED;
    } else if (operation.error().orElseThrow().code() == Code.DEADLINE_EXCEEDED
        && operation.metadata().flatMap(Command::errorCode).isEmpty()) {
      kind = Kind.EXPIRED;
    } else {
      kind = Kind.FAILED;
    }
    return new CommandOutcome(kind, operation);
  }

  /**
   * Returns the response of a command that completed.
   *
   * @return the response, for {@code COMPLETED} only
   */
  public Optional<OperationResult.Succeeded> response() {
    return operation.result() instanceof OperationResult.Succeeded succeeded
        ? Optional.of(succeeded)
        : Optional.empty();
  }

  /**
   * Returns the error the operation ended with.
   *
   * @return the status, for {@code FAILED}, {@code CANCELLED} and {@code EXPIRED}
   */
  public Optional<Status> status() {
    return operation.error();
  }

  /**
   * Returns why the device could not run the command, as the command's metadata says.
   *
   * @return the command's error code ({@code API_LEVEL}, {@code INVALID_VALUE}...), if it has one
   */
  public Optional<CommandErrorCode> errorCode() {
    return operation.metadata().flatMap(Command::errorCode);
  }

  @Override
  public String toString() {
    return "CommandOutcome{" + kind + ", " + operation + '}';
  }
}
