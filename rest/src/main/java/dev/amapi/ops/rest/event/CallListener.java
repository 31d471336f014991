package dev.amapi.ops.rest.event;

/**
 * Hears every call a client makes: its start, each attempt's end, and its end. Registered with
 * {@code DeviceOperationsBuilder.listener(...)}; several listeners are called in the order they
 * were added.
 *
 * <p>A method runs on the thread that made the event happen (the caller's, the client's executor,
 * or the thread that cancelled or closed), and may run for calls on many threads at once: keep it
 * short and thread-safe, and keep per-call state keyed by the events' {@code callId}. What a
 * listener throws is caught and reported once to {@link System.Logger} at WARNING; it never changes
 * the call. No event holds a token or a header value.
 */
public interface CallListener {
  /**
   * Hears that a call started.
   *
   * @param start the call
   */
  default void callStarted(CallStart start) {}

  /**
   * Hears that one exchange of a call ended.
   *
   * @param end the attempt and what follows it
   */
  default void attemptEnded(AttemptEnd end) {}

  /**
   * Hears that a call ended; once per call.
   *
   * @param end the call's outcome
   */
  default void callEnded(CallEnd end) {}
}
