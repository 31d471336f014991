package dev.amapi.ops.rest.spi;

/**
 * What a transport implements: one HTTP exchange at a time, blocking, abortable. The binding calls
 * {@link #prepare} then {@link Exchange#call} on the thread that makes the call (the caller's for a
 * sync call, the client's executor for an async one), and {@link Exchange#abort} from another
 * thread when the attempt's time is up, the caller cancels, or the client closes.
 *
 * <p>An answer with any HTTP status is a response, not a failure. When no complete answer comes
 * (refused, reset or closed connection, TLS failure, abort), {@link Exchange#call} throws: an
 * {@link java.io.UncheckedIOException} wrapping the library's exception, or whatever unchecked
 * exception the library raised. The binding decides what the failure means (its own clock says
 * whether a deadline passed) and whether to try again; the transport never retries and never maps
 * failures to codes.
 *
 * <p>Implementations are thread-safe: many exchanges run at once on one transport.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Prepares one exchange; nothing is sent before {@link Exchange#call}.
   *
   * @param request what to send
   * @return the exchange, to be called once
   */
  Exchange prepare(TransportRequest request);

  /**
   * Releases the threads and connections the transport created; a library client the caller passed
   * in stays open. Exchanges still in flight end (their {@code call()} throws). Returns promptly,
   * never interrupts a thread it did not start, and closing twice is harmless.
   */
  @Override
  void close();

  /** One request and its answer. */
  interface Exchange {

    /**
     * Sends the request and reads the answer, the body up to the request's {@code
     * maxResponseBytes}. Blocks until the answer is read, the exchange fails, or {@link #abort()}
     * ends it. If the calling thread is interrupted, the exchange is aborted, the interrupt flag
     * kept, and this throws.
     *
     * @return the response, whatever its HTTP status
     * @throws java.io.UncheckedIOException (or another unchecked exception of the library) if no
     *     complete answer came
     */
    TransportResponse call();

    /**
     * Ends the exchange from another thread: {@link #call()} throws promptly, and the connection is
     * not reused. Harmless before {@code call()} (which then throws at once), after it returned,
     * and twice. Never blocks.
     */
    void abort();
  }
}
