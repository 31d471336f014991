package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test moves it: give it to {@link
 * FakeOperations#create(Clock)} or {@link FakeAmapiServer#start(Clock)}, then {@link
 * #advance(Duration)} it to make scripted completions ({@link FakeOperations#completesAfter}) and
 * command expiry happen, without sleeping.
 *
 * <p>Thread-safe: any thread may read or move it. Always UTC; {@link #withZone} returns a view of
 * the same instant in another zone, moved by this clock's {@code advance}.
 */
public final class FakeClock extends Clock {
  private final Object lock;
  private final Instant[] now;
  private final ZoneId zone;

  private FakeClock(Object lock, Instant[] now, ZoneId zone) {
    this.lock = lock;
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a clock standing at {@code instant}.
   *
   * @param instant where the clock starts
   * @return a new clock, in UTC
   */
  public static FakeClock at(Instant instant) {
    requireNonNull(instant, "instant");
    return new FakeClock(new Object(), new Instant[] {instant}, ZoneOffset.UTC);
  }

  /**
   * Returns a clock standing at the system clock's current instant.
   *
   * @return a new clock, in UTC, that does not move by itself
   */
  public static FakeClock startingNow() {
    return at(Instant.now());
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far; zero leaves it where it is
   * @return the new instant
   * @throws IllegalArgumentException if {@code duration} is negative: time does not go back
   */
  public Instant advance(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    synchronized (lock) {
      now[0] = now[0].plus(duration);
      return now[0];
    }
  }

  /**
   * Returns the clock's current instant.
   *
   * @return where the clock stands
   */
  @Override
  public Instant instant() {
    synchronized (lock) {
      return now[0];
    }
  }

  /**
   * Returns the zone this clock reports.
   *
   * @return UTC, unless this is a {@link #withZone} view
   */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a view of this clock in another zone, moved by the same {@link #advance(Duration)}.
   *
   * @param zone the zone of the view
   * @return a clock sharing this one's instant
   */
  @Override
  public FakeClock withZone(ZoneId zone) {
    requireNonNull(zone, "zone");
    return new FakeClock(lock, now, zone);
  }

  @Override
  public String toString() {
    return "FakeClock{" + instant() + '}';
  }
}
