package dev.amapi.ops.domain.usecase;

import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;

/**
 * Hears how a {@link CancelAndConfirm} call goes: the cancel sent, then each read of the operation.
 * Set with {@link CancelAndConfirm#withProgress(CancelProgress)}. It runs on the thread that made
 * the step (the caller's, or for the async form whichever thread completed the port's future), so
 * keep it short; what it throws is caught and changes nothing.
 */
public interface CancelProgress {
  /** Hears nothing. */
  CancelProgress NONE = new CancelProgress() {};

  /**
   * Hears that the cancel was accepted and the reads begin.
   *
   * @param name the operation being cancelled
   */
  default void cancelSent(OperationName name) {}

  /**
   * Hears one read of the operation.
   *
   * @param poll the read, counting from 1
   * @param operation the operation's state as read
   */
  default void polled(int poll, Operation operation) {}
}
