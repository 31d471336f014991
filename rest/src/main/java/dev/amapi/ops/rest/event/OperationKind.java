package dev.amapi.ops.rest.event;

/** Which of the API's operation methods a call is. */
public enum OperationKind {
  /** {@code operations.cancel}: a {@code POST} of {@code ...:cancel}. */
  CANCEL("cancel"),
  /** {@code operations.get}: a {@code GET} of the operation. */
  GET("get"),
  /** {@code operations.list}: a {@code GET} of a device's operations. */
  LIST("list"),
  /** {@code devices.issueCommand}: a {@code POST} of {@code ...:issueCommand} with a command. */
  ISSUE_COMMAND("issueCommand");

  private final String method;

  OperationKind(String method) {
    this.method = method;
  }

  /**
   * Returns the API method's name as the discovery document spells it.
   *
   * @return {@code cancel}, {@code get} or {@code list}
   */
  public String method() {
    return method;
  }
}
