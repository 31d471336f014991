package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often to read an operation back while waiting for it to finish: the first wait, how much each
 * wait grows, and the longest wait. With the defaults the waits are 200 ms, 300 ms, 450 ms, … up to
 * 5 s each.
 *
 * @param initialInterval the first wait between two reads; positive
 * @param multiplier what each wait is multiplied by for the next one; finite and at least 1
 * @param maxInterval the longest wait; at least {@code initialInterval}
 */
public record PollingPolicy(Duration initialInterval, double multiplier, Duration maxInterval) {
  /** The default first wait: 200 ms. */
  public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofMillis(200);

  /** The default growth of each wait: 1.5. */
  public static final double DEFAULT_MULTIPLIER = 1.5;

  /** The default longest wait: 5 s. */
  public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(5);

  /** The policy made of the {@code DEFAULT_*} values. */
  public static final PollingPolicy DEFAULT =
      new PollingPolicy(DEFAULT_INITIAL_INTERVAL, DEFAULT_MULTIPLIER, DEFAULT_MAX_INTERVAL);

  /**
   * Validates.
   *
   * @param initialInterval the first wait between two reads; positive
   * @param multiplier what each wait is multiplied by for the next one; finite and at least 1
   * @param maxInterval the longest wait; at least {@code initialInterval} and at most a day
   * @throws IllegalArgumentException naming the value that is out of range
   */
  public PollingPolicy {
    requireNonNull(initialInterval, "initialInterval");
    requireNonNull(maxInterval, "maxInterval");
    if (initialInterval.isNegative() || initialInterval.isZero()) {
      throw new IllegalArgumentException("initialInterval must be positive: " + initialInterval);
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be finite and at least 1: " + multiplier);
    }
    if (maxInterval.compareTo(initialInterval) < 0) {
      throw new IllegalArgumentException(
          "maxInterval ("
              + maxInterval
              + ") must not be shorter than initialInterval ("
              + initialInterval
              + ")");
    }
    if (maxInterval.compareTo(Duration.ofDays(1)) > 0) {
      // Keeps every wait representable in nanoseconds, as the JDK's schedulers take it.
      throw new IllegalArgumentException("maxInterval must be at most a day: " + maxInterval);
    }
  }

  /**
   * Returns a policy with this first wait, the rest kept.
   *
   * @param initialInterval the first wait between two reads; positive
   * @return a new policy; this one is unchanged
   * @throws IllegalArgumentException if the result would be out of range
   */
  public PollingPolicy withInitialInterval(Duration initialInterval) {
    return new PollingPolicy(initialInterval, multiplier, maxInterval);
  }

  /**
   * Returns a policy with this growth of each wait, the rest kept.
   *
   * @param multiplier what each wait is multiplied by; finite and at least 1
   * @return a new policy; this one is unchanged
   * @throws IllegalArgumentException if the result would be out of range
   */
  public PollingPolicy withMultiplier(double multiplier) {
    return new PollingPolicy(initialInterval, multiplier, maxInterval);
  }

  /**
   * Returns a policy with this longest wait, the rest kept.
   *
   * @param maxInterval the longest wait; at least the first wait and at most a day
   * @return a new policy; this one is unchanged
   * @throws IllegalArgumentException if the result would be out of range
   */
  public PollingPolicy withMaxInterval(Duration maxInterval) {
    return new PollingPolicy(initialInterval, multiplier, maxInterval);
  }

  /**
   * Returns the wait that follows {@code interval}.
   *
   * @param interval the wait just done
   * @return {@code interval} times the multiplier, capped at the longest wait
   */
  public Duration next(Duration interval) {
    requireNonNull(interval, "interval");
    if (interval.compareTo(maxInterval) >= 0) {
      return maxInterval;
    }
    double grown = interval.toNanos() * multiplier;
    return grown >= maxInterval.toNanos() ? maxInterval : Duration.ofNanos((long) grown);
  }

  /** The wait before the next read: {@code interval}, cut to what is left of the deadline. */
  static Duration waitWithin(Duration interval, long remainingNanos) {
    return remainingNanos < interval.toNanos() ? Duration.ofNanos(remainingNanos) : interval;
  }

  /** A deadline in nanoseconds; longer than about 292 years is as good as none. */
  static long deadlineNanos(Duration deadline) {
    try {
      return deadline.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
