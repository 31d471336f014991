package dev.amapi.ops.benchmarks;

/**
 * One client library bound to one operation: what a benchmark calls, so that every client is
 * measured through the same two calls. Implementations share one underlying client between threads.
 */
interface OperationClient extends AutoCloseable {

  /** Sends {@code POST v1/{name}:cancel} and waits for the answer. */
  void cancel();

  /** Sends {@code GET v1/{name}} and returns the decoded operation. */
  Object get();

  @Override
  void close();
}
