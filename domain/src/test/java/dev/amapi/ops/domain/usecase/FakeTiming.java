package dev.amapi.ops.domain.usecase;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Time that passes only when told: sleeps and scheduled waits are recorded and move the clock at
 * once. Scheduled tasks run at once too, unless {@link #holdScheduledTasks()} keeps them for {@link
 * #runHeldTasks()}. A sleep on an interrupted thread throws, as {@link Thread#sleep} does.
 */
final class FakeTiming implements CancelAndConfirm.Timing {
  private long now;
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<Duration> scheduledWaits = new ArrayList<>();
  private final List<Duration> waitEnds = new ArrayList<>();
  private final Deque<Runnable> held = new ArrayDeque<>();
  private boolean hold;

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    synchronized (this) {
      sleeps.add(duration);
      advance(duration);
      waitEnds.add(Duration.ofNanos(now));
    }
  }

  @Override
  public Executor after(Duration duration) {
    return task -> {
      Runnable run =
          () -> {
            synchronized (this) {
              scheduledWaits.add(duration);
              advance(duration);
              waitEnds.add(Duration.ofNanos(now));
            }
            task.run();
          };
      synchronized (this) {
        if (hold) {
          held.add(run);
          return;
        }
      }
      run.run();
    };
  }

  /** Moves the clock on. */
  synchronized void advance(Duration duration) {
    now += duration.toNanos();
  }

  /** Keeps scheduled tasks until {@link #runHeldTasks()}. */
  synchronized FakeTiming holdScheduledTasks() {
    hold = true;
    return this;
  }

  /** Runs the tasks held so far. */
  void runHeldTasks() {
    List<Runnable> toRun;
    synchronized (this) {
      toRun = new ArrayList<>(held);
      held.clear();
    }
    toRun.forEach(Runnable::run);
  }

  /** Returns how many scheduled tasks are held. */
  synchronized int heldTasks() {
    return held.size();
  }

  /** Returns the sleeps of the calling thread, in order. */
  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Returns the waits scheduled and run, in order. */
  synchronized List<Duration> scheduledWaits() {
    return List.copyOf(scheduledWaits);
  }

  /** Returns the clock's reading at the end of each wait, slept or scheduled. */
  synchronized List<Duration> waitEnds() {
    return List.copyOf(waitEnds);
  }
}
