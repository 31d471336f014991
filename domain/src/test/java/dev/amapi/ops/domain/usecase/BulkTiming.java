package dev.amapi.ops.domain.usecase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Time for BulkCancel's tests that passes only when a worker waits: a wait moves the clock to its
 * end at once (never back), unless the run is stopped. Waits are recorded. With several workers the
 * clock is only roughly shared, so time-sensitive tests use one.
 */
final class BulkTiming implements BulkCancel.Timing {
  private long now;
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public void sleep(Duration duration, CountDownLatch stop) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    if (stop.getCount() == 0) {
      return;
    }
    synchronized (this) {
      sleeps.add(duration);
      now += duration.toNanos();
    }
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
