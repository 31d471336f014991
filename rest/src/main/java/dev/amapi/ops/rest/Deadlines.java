package dev.amapi.ops.rest;

import dev.amapi.ops.rest.spi.HttpTransport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The binding's clock: aborts every exchange whose time is up, and runs the delayed steps of async
 * calls (the wait before a retry). One daemon thread per client, ended by {@link #close()}.
 *
 * <p>Exchanges in flight sit in a set that a task scans every {@link #TICK_MILLIS} ms while any is
 * there (and for a second after, so back-to-back calls do not restart it each time). Registering
 * and leaving costs a set insert and removal, with no wake-up of the thread per call: a scheduled
 * task per call would wake it on every call. A deadline is so enforced up to one tick late.
 */
final class Deadlines implements AutoCloseable {
  static final long TICK_MILLIS = 5;
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final ScheduledThreadPoolExecutor thread;
  private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
  private final Object tickerLock = new Object();
  private @Nullable ScheduledFuture<?> ticker;
  private volatile long lastBusyNanos;
  private volatile boolean ticking;

  Deadlines() {
    String name = "amapi-ops-deadlines-" + CLIENTS.incrementAndGet();
    thread =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread t = new Thread(runnable, name);
              t.setDaemon(true);
              return t;
            });
    thread.setRemoveOnCancelPolicy(true);
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Watches an exchange until {@link Watch#close()}: if {@code deadlineNanos} (a {@link
   * System#nanoTime()} value) passes first, the exchange is aborted and the watch marked {@link
   * Watch#expired() expired}.
   */
  Watch watch(HttpTransport.Exchange exchange, long deadlineNanos) {
    Watch watch = new Watch(exchange, deadlineNanos);
    watches.add(watch);
    if (!ticking) {
      startTicking();
    }
    return watch;
  }

  /** Runs {@code step} after {@code delayNanos} on the clock's thread: it must not block. */
  void schedule(Runnable step, long delayNanos) {
    thread.schedule(step, delayNanos, TimeUnit.NANOSECONDS);
  }

  /** Aborts every exchange still watched: the client is closing. */
  void abortAll() {
    for (Watch watch : watches) {
      watches.remove(watch);
      watch.exchange.abort();
    }
  }

  @Override
  public void close() {
    abortAll();
    thread.shutdownNow();
  }

  private void startTicking() {
    synchronized (tickerLock) {
      if (ticking || thread.isShutdown()) {
        return;
      }
      lastBusyNanos = System.nanoTime();
      ticking = true;
      ticker =
          thread.scheduleWithFixedDelay(
              this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void tick() {
    long now = System.nanoTime();
    if (watches.isEmpty()) {
      if (now - lastBusyNanos > IDLE_NANOS) {
        stopTickingIfIdle();
      }
      return;
    }
    lastBusyNanos = now;
    for (Watch watch : watches) {
      if (now - watch.deadlineNanos >= 0 && watches.remove(watch)) {
        watch.expired = true;
        watch.exchange.abort();
      }
    }
  }

  private void stopTickingIfIdle() {
    synchronized (tickerLock) {
      ScheduledFuture<?> current = ticker;
      if (current != null) {
        current.cancel(false);
        ticker = null;
      }
      ticking = false;
    }
    // A watch added while this stopped would have found ticking still true: look once more.
    if (!watches.isEmpty()) {
      startTicking();
    }
  }

  /** One exchange being watched. */
  final class Watch implements AutoCloseable {
    private final HttpTransport.Exchange exchange;
    private final long deadlineNanos;
    private volatile boolean expired;

    private Watch(HttpTransport.Exchange exchange, long deadlineNanos) {
      this.exchange = exchange;
      this.deadlineNanos = deadlineNanos;
    }

    /** Whether the deadline passed and the exchange was aborted for it. */
    boolean expired() {
      return expired;
    }

    /** Stops watching: the exchange ended. */
    @Override
    public void close() {
      watches.remove(this);
    }
  }
}
