package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

/**
 * Where an operation stands: still {@link Pending}, {@link Succeeded} with a response, or {@link
 * Failed} with a {@link Status}. A cancelled operation is failed with {@link Code#CANCELLED}.
 */
public sealed interface OperationResult
    permits OperationResult.Pending, OperationResult.Succeeded, OperationResult.Failed {

  /** The result of every operation that is not done. */
  Pending PENDING = new Pending();

  /**
   * Returns whether the operation is done.
   *
   * @return true unless pending; {@code done: true} on the wire
   */
  default boolean done() {
    return !(this instanceof Pending);
  }

  /**
   * The operation is still in progress. Use {@link #PENDING} rather than a new instance; all are
   * equal.
   */
  record Pending() implements OperationResult {}

  /**
   * The operation finished normally.
   *
   * @param type the response's {@code @type}; empty when the server sent no response
   * @param json the response as received; empty when absent
   */
  record Succeeded(String type, String json) implements OperationResult {
    /** The {@code @type} of a device command's response. */
    public static final String ISSUE_COMMAND_RESPONSE =
        "type.googleapis.com/google.android.devicemanagement.v1.IssueCommandResponse";

    /**
     * Rejects nulls.
     *
     * @param type the response's {@code @type}; empty when the server sent no response
     * @param json the response as received; empty when absent
     */
    public Succeeded {
      requireNonNull(type, "type");
      requireNonNull(json, "json");
    }

    /**
     * Returns the response a device command finishes with.
     *
     * @return a result of type {@link #ISSUE_COMMAND_RESPONSE} with no other field
     */
    public static Succeeded issueCommandResponse() {
      return new Succeeded(
          ISSUE_COMMAND_RESPONSE, "{\"@type\":\"" + ISSUE_COMMAND_RESPONSE + "\"}");
    }
  }

  /**
   * The operation ended in error, or was cancelled.
   *
   * @param status the error
   */
  record Failed(Status status) implements OperationResult {
    /**
     * Rejects a null status.
     *
     * @param status the error
     */
    public Failed {
      requireNonNull(status, "status");
    }
  }
}
