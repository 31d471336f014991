package dev.amapi.ops.rest;

import dev.amapi.ops.rest.event.AttemptEnd;
import dev.amapi.ops.rest.event.CallEnd;
import dev.amapi.ops.rest.event.CallListener;
import dev.amapi.ops.rest.event.CallStart;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listeners of one client, called in order, each isolated: what one throws is reported once per
 * listener class to {@link System.Logger} at WARNING and never reaches the call.
 */
final class CallEvents {
  private static final AtomicLong CALL_IDS = new AtomicLong();
  private static final System.Logger LOG = System.getLogger(CallEvents.class.getName());
  private static final Set<Class<?>> REPORTED = ConcurrentHashMap.newKeySet();

  private final List<CallListener> listeners;

  CallEvents(List<CallListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** Whether any listener hears: when not, no event is made. */
  boolean isEmpty() {
    return listeners.isEmpty();
  }

  static long nextCallId() {
    return CALL_IDS.incrementAndGet();
  }

  void started(CallStart event) {
    for (CallListener listener : listeners) {
      try {
        listener.callStarted(event);
      } catch (RuntimeException e) {
        report(listener, e);
      }
    }
  }

  void attemptEnded(AttemptEnd event) {
    for (CallListener listener : listeners) {
      try {
        listener.attemptEnded(event);
      } catch (RuntimeException e) {
        report(listener, e);
      }
    }
  }

  void ended(CallEnd event) {
    for (CallListener listener : listeners) {
      try {
        listener.callEnded(event);
      } catch (RuntimeException e) {
        report(listener, e);
      }
    }
  }

  private static void report(CallListener listener, RuntimeException e) {
    if (REPORTED.add(listener.getClass())) {
      LOG.log(
          System.Logger.Level.WARNING,
          "The call listener "
              + listener.getClass().getName()
              + " threw; its failures are ignored and not reported again",
          e);
    }
  }

  @Override
  public String toString() {
    return "CallEvents" + listeners;
  }
}
