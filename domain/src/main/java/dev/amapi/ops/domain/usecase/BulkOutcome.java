package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

/**
 * What came of one operation in a {@link BulkCancel} run: the six {@link CancelOutcome.Kind}s, and
 * what only a run over many operations can say.
 */
public enum BulkOutcome {
  /** The operation ended cancelled. */
  CANCELLED,
  /** The operation finished with a response before the cancel took effect. */
  COMPLETED,
  /** The operation ended with an error other than {@code CANCELLED}. */
  FAILED,
  /** The operation was still pending when the confirm deadline passed; its cancel was requested. */
  STILL_RUNNING,
  /** The server answered the cancel with {@code UNIMPLEMENTED}. */
  NOT_SUPPORTED,
  /** The server answered the cancel or a read with {@code NOT_FOUND}. */
  NOT_FOUND,
  /** An operation named explicitly was already done: nothing was sent to cancel it. */
  ALREADY_DONE,
  /** The run was stopped after the cancel was sent and before the operation was read done. */
  CANCEL_REQUESTED,
  /** The cancel or a read failed with another error, retries included; the error is carried. */
  ERROR,
  /** A dry run: the operation is pending and selected, and nothing was sent to cancel it. */
  WOULD_CANCEL;

  /**
   * Returns the bulk outcome of a single cancel-and-confirm outcome.
   *
   * @param kind what {@link CancelAndConfirm} reported
   * @return the outcome of the same name
   */
  public static BulkOutcome of(CancelOutcome.Kind kind) {
    requireNonNull(kind, "kind");
    return switch (kind) {
      case CANCELLED -> CANCELLED;
      case COMPLETED -> COMPLETED;
      case FAILED -> FAILED;
      case STILL_RUNNING -> STILL_RUNNING;
      case NOT_SUPPORTED -> NOT_SUPPORTED;
      case NOT_FOUND -> NOT_FOUND;
    };
  }
}
