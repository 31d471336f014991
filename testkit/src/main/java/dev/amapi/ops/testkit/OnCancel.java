package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;

/**
 * What a {@link FakeOperations} (and so a {@link FakeAmapiServer}) does when an operation is
 * cancelled: script it with {@link FakeOperations#onCancel} for one operation or {@link
 * FakeOperations#onCancelOfAll} for every one.
 *
 * <p>Every outcome the API allows has a factory: the cancel {@linkplain #succeeds() succeeds} (the
 * default), is {@linkplain #unimplemented() not supported}, is overtaken by the operation
 * {@linkplain #completesAnyway() completing} or {@linkplain #failsWith(Status) failing}, takes
 * effect only {@linkplain #takesEffectAfterGets(int) some gets later}, or is {@linkplain
 * #rejectedWhenDone() rejected} for an operation already done. Cancelling an operation that does
 * not exist is {@code NOT_FOUND} whatever is scripted.
 *
 * <p>Immutable values with {@code equals} and {@code toString}.
 */
public sealed interface OnCancel
    permits OnCancel.Succeeds,
        OnCancel.Unimplemented,
        OnCancel.CompletesAnyway,
        OnCancel.FailsWith,
        OnCancel.TakesEffectAfterGets,
        OnCancel.RejectedWhenDone {

  /** The message of the {@code UNIMPLEMENTED} answer, as Google's servers word it. */
  String UNIMPLEMENTED_MESSAGE = "Operation cancellation is not supported for this operation.";

  /** The message of the {@code FAILED_PRECONDITION} answer to cancelling a done operation. */
  String ALREADY_DONE_MESSAGE = "The operation is already done and cannot be cancelled.";

  /**
   * Returns the default: cancel answers {@code {}}, a pending operation becomes done with {@link
   * Code#CANCELLED}, a done one is left as it is.
   *
   * @return the default behaviour
   */
  static OnCancel succeeds() {
    return new Succeeds();
  }

  /**
   * Returns: cancel answers {@link Code#UNIMPLEMENTED} (HTTP 501, {@value #UNIMPLEMENTED_MESSAGE}),
   * and the operation is left as it is.
   *
   * @return the behaviour of a server that cannot cancel the operation
   */
  static OnCancel unimplemented() {
    return new Unimplemented();
  }

  /**
   * Returns: cancel answers {@code {}}, but the device finished first: a pending operation becomes
   * done with {@link OperationResult.Succeeded#issueCommandResponse()}.
   *
   * @return the behaviour of a cancel that came too late
   */
  static OnCancel completesAnyway() {
    return new CompletesAnyway();
  }

  /**
   * Returns: cancel answers {@code {}}, but a pending operation becomes done, failed with {@code
   * status} rather than cancelled.
   *
   * @param status the error the operation ends with; any code, {@code CANCELLED} included
   * @return the behaviour of a command that failed while being cancelled
   */
  static OnCancel failsWith(Status status) {
    return new FailsWith(status);
  }

  /**
   * Returns: cancel answers {@code {}} and the operation stays pending for the next {@code gets}
   * gets of it, then reads back cancelled, as the real, asynchronous server behaves. Cancelling
   * again meanwhile changes nothing.
   *
   * @param gets how many gets still read the operation pending; with 0 the next get reads it
   *     cancelled
   * @return the behaviour of a cancel that takes effect later
   * @throws IllegalArgumentException if {@code gets} is negative
   */
  static OnCancel takesEffectAfterGets(int gets) {
    return new TakesEffectAfterGets(gets);
  }

  /**
   * Returns: a pending operation is cancelled as by default, but cancelling a done one answers
   * {@link Code#FAILED_PRECONDITION} (HTTP 400, {@value #ALREADY_DONE_MESSAGE}) instead of {@code
   * {}}.
   *
   * @return the behaviour of a server that refuses to cancel a done operation
   */
  static OnCancel rejectedWhenDone() {
    return new RejectedWhenDone();
  }

  /** See {@link #succeeds()}. */
  record Succeeds() implements OnCancel {}

  /** See {@link #unimplemented()}. */
  record Unimplemented() implements OnCancel {}

  /** See {@link #completesAnyway()}. */
  record CompletesAnyway() implements OnCancel {}

  /**
   * See {@link #failsWith(Status)}.
   *
   * @param status what the operation fails with
   */
  record FailsWith(Status status) implements OnCancel {
    /**
     * Rejects a null status.
     *
     * @param status what the operation fails with
     */
    public FailsWith {
      requireNonNull(status, "status");
    }
  }

  /**
   * See {@link #takesEffectAfterGets(int)}.
   *
   * @param gets how many gets still read the operation pending
   */
  record TakesEffectAfterGets(int gets) implements OnCancel {
    /**
     * Checks {@code gets} is not negative.
     *
     * @param gets how many gets still read the operation pending
     * @throws IllegalArgumentException if it is
     */
    public TakesEffectAfterGets {
      if (gets < 0) {
        throw new IllegalArgumentException("gets must not be negative, was " + gets);
      }
    }
  }

  /** See {@link #rejectedWhenDone()}. */
  record RejectedWhenDone() implements OnCancel {}
}
