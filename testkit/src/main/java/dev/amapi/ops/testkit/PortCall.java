package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One call that reached a {@link FakeOperations}, from the code under test or through a {@link
 * FakeAmapiServer}: read them with {@link FakeOperations#calls()}.
 *
 * @param method which port method was called
 * @param name the operation's name for cancel and get, the device's for list and issueCommand
 * @param time when the call arrived, by the fake's clock
 */
public record PortCall(Method method, String name, Instant time) {
  /** The port methods. */
  public enum Method {
    /** {@code devices.issueCommand}; the call's name is the device's. */
    ISSUE_COMMAND,
    /** {@code operations.cancel}. */
    CANCEL,
    /** {@code operations.get}. */
    GET,
    /** {@code operations.list}. */
    LIST
  }

  /**
   * Rejects nulls.
   *
   * @param method which port method was called
   * @param name the operation's name for cancel and get, the device's for list and issueCommand
   * @param time when the call arrived, by the fake's clock
   */
  public PortCall {
    requireNonNull(method, "method");
    requireNonNull(name, "name");
    requireNonNull(time, "time");
  }

  /**
   * Returns the call as a failed assertion lists it.
   *
   * @return the method and name, such as {@code CANCEL enterprises/e/devices/d/operations/o}
   */
  @Override
  public String toString() {
    return method + " " + name;
  }
}
