package dev.amapi.ops.domain.port;

/**
 * The operation ports as one client that the caller closes: what every transport's entry point and
 * the testkit's fakes hand out, so swapping one for another changes one line.
 *
 * <p>Implementations are thread-safe and reusable; {@link #close()} releases the threads and
 * connections the client created (not ones the caller passed in).
 */
public interface DeviceOperations
    extends IssueCommandPort, CancelPort, GetOperationPort, ListOperationsPort, AutoCloseable {

  /** Releases what the client created; calls after close fail. Closing twice is harmless. */
  @Override
  void close();
}
