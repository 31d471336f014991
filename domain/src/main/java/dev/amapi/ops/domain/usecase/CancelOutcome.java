package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What came of cancelling an operation and reading it back ({@link CancelAndConfirm}): one {@link
 * Kind}, the operation's name, the last state read of the operation, and the status the outcome
 * rests on.
 *
 * <table>
 *   <caption>What each kind carries</caption>
 *   <tr><th>{@link #kind()}</th><th>{@link #operation()}</th><th>{@link #status()}</th></tr>
 *   <tr><td>{@code CANCELLED}</td><td>the done operation</td><td>its error (code 1)</td></tr>
 *   <tr><td>{@code COMPLETED}</td><td>the done operation</td><td>empty</td></tr>
 *   <tr><td>{@code FAILED}</td><td>the done operation</td><td>its error</td></tr>
 *   <tr><td>{@code STILL_RUNNING}</td><td>the last pending state read</td><td>empty</td></tr>
 *   <tr><td>{@code NOT_SUPPORTED}</td><td>empty</td><td>the server's {@code UNIMPLEMENTED}</td>
 *   </tr>
 *   <tr><td>{@code NOT_FOUND}</td><td>empty</td><td>the server's {@code NOT_FOUND}</td></tr>
 * </table>
 *
 * <p>Immutable; the factories reject combinations the table does not allow.
 */
public final class CancelOutcome {

  /** What came of the cancel. */
  public enum Kind {
    /** The operation ended cancelled: done with error code 1 ({@code CANCELLED}). */
    CANCELLED,
    /** The operation finished with a response: the cancel came too late. */
    COMPLETED,
    /** The operation ended with an error other than {@code CANCELLED}. */
    FAILED,
    /** The deadline passed and the operation was still not done when last read. */
    STILL_RUNNING,
    /** The server answered the cancel with {@code UNIMPLEMENTED}: it cannot cancel it. */
    NOT_SUPPORTED,
    /** The server answered the cancel or a read with {@code NOT_FOUND}. */
    NOT_FOUND
  }

  private final Kind kind;
  private final OperationName name;
  private final @Nullable Operation operation;
  private final @Nullable Status status;

  private CancelOutcome(
      Kind kind, OperationName name, @Nullable Operation operation, @Nullable Status status) {
    this.kind = kind;
    this.name = name;
    this.operation = operation;
    this.status = status;
  }

  /**
   * Returns the outcome of an operation found done: {@code CANCELLED}, {@code COMPLETED} or {@code
   * FAILED}, by its result.
   *
   * @param operation the operation as last read, done
   * @return the outcome carrying the operation, and its error if it failed or was cancelled
   * @throws IllegalArgumentException if the operation is not done
   */
  public static CancelOutcome ofDone(Operation operation) {
    requireNonNull(operation, "operation");
    OperationResult result = operation.result();
    if (result instanceof OperationResult.Succeeded) {
      return new CancelOutcome(Kind.COMPLETED, operation.name(), operation, null);
    }
    if (result instanceof OperationResult.Failed failed) {
      Kind kind = failed.status().code() == Code.CANCELLED ? Kind.CANCELLED : Kind.FAILED;
      return new CancelOutcome(kind, operation.name(), operation, failed.status());
    }
    throw new IllegalArgumentException("operation is not done: " + operation.name());
  }

  /**
   * Returns the outcome of an operation still pending when the deadline passed.
   *
   * @param lastRead the last state read
   * @return a {@code STILL_RUNNING} outcome carrying that state and no status
   * @throws IllegalArgumentException if the operation is done
   */
  public static CancelOutcome stillRunning(Operation lastRead) {
    requireNonNull(lastRead, "lastRead");
    if (lastRead.done()) {
      throw new IllegalArgumentException("lastRead is done: " + lastRead.name());
    }
    return new CancelOutcome(Kind.STILL_RUNNING, lastRead.name(), lastRead, null);
  }

  /**
   * Returns the outcome of a cancel the server answered with {@code UNIMPLEMENTED}.
   *
   * @param name the operation asked to cancel
   * @param status what the server said, message and details kept
   * @return a {@code NOT_SUPPORTED} outcome carrying the status and no operation
   * @throws IllegalArgumentException if the status's code is not {@code UNIMPLEMENTED}
   */
  public static CancelOutcome notSupported(OperationName name, Status status) {
    return ofServerStatus(Kind.NOT_SUPPORTED, Code.UNIMPLEMENTED, name, status);
  }

  /**
   * Returns the outcome of a cancel or read the server answered with {@code NOT_FOUND}.
   *
   * @param name the operation asked to cancel
   * @param status what the server said, message and details kept
   * @return a {@code NOT_FOUND} outcome carrying the status and no operation
   * @throws IllegalArgumentException if the status's code is not {@code NOT_FOUND}
   */
  public static CancelOutcome notFound(OperationName name, Status status) {
    return ofServerStatus(Kind.NOT_FOUND, Code.NOT_FOUND, name, status);
  }

  private static CancelOutcome ofServerStatus(
      Kind kind, Code expected, OperationName name, Status status) {
    requireNonNull(name, "name");
    requireNonNull(status, "status");
    if (status.code() != expected) {
      throw new IllegalArgumentException(
          "status of a " + kind + " outcome must be " + expected + ": " + status.code());
    }
    return new CancelOutcome(kind, name, null, status);
  }

  /**
   * Returns what came of the cancel.
   *
   * @return the kind, which says what {@link #operation()} and {@link #status()} hold
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the name of the operation asked to cancel.
   *
   * @return the name, whatever the kind
   */
  public OperationName name() {
    return name;
  }

  /**
   * Returns the last state read of the operation.
   *
   * @return the operation as the last read returned it; empty when no read answered it
   */
  public Optional<Operation> operation() {
    return Optional.ofNullable(operation);
  }

  /**
   * Returns the status the outcome rests on: the operation's error when it ended cancelled or
   * failed, the server's answer when it is not supported or not found; empty otherwise.
   *
   * @return the status, or empty for {@code COMPLETED} and {@code STILL_RUNNING}
   */
  public Optional<Status> status() {
    return Optional.ofNullable(status);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CancelOutcome other
        && kind == other.kind
        && name.equals(other.name)
        && Objects.equals(operation, other.operation)
        && Objects.equals(status, other.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, operation, status);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("CancelOutcome{kind=").append(kind);
    out.append(", name=").append(name);
    if (status != null) {
      out.append(", status=").append(status.code());
      if (!status.message().isEmpty()) {
        out.append(": ").append(status.message());
      }
    }
    return out.append('}').toString();
  }
}
