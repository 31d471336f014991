package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * How long a {@link FakeAmapiServer} waits before it answers: a fixed time, or one drawn at random
 * for each answer from a uniform or a lognormal distribution (the shapes WireMock offers). Random
 * delays are drawn from the server's random source, which {@link FakeAmapiServer#randomSeed(long)}
 * makes repeatable.
 *
 * <p>Immutable values with {@code equals} and {@code toString}.
 */
public final class FakeDelay {
  /** No delay at all. */
  public static final FakeDelay NONE = new FakeDelay(Kind.FIXED, Duration.ZERO, Duration.ZERO, 0);

  /** The largest delay a lognormal draw gives: one hour. */
  public static final Duration MAX_LOGNORMAL = Duration.ofHours(1);

  private enum Kind {
    FIXED,
    UNIFORM,
    LOGNORMAL
  }

  private final Kind kind;
  private final Duration first;
  private final Duration second;
  private final double sigma;

  private FakeDelay(Kind kind, Duration first, Duration second, double sigma) {
    this.kind = kind;
    this.first = first;
    this.second = second;
    this.sigma = sigma;
  }

  /**
   * Returns a delay of exactly {@code delay}.
   *
   * @param delay how long to wait
   * @return the delay
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static FakeDelay fixed(Duration delay) {
    checkNotNegative(delay, "delay");
    return delay.isZero() ? NONE : new FakeDelay(Kind.FIXED, delay, delay, 0);
  }

  /**
   * Returns a delay drawn uniformly between {@code min} and {@code max}, both included.
   *
   * @param min the shortest delay
   * @param max the longest delay
   * @return the delay
   * @throws IllegalArgumentException if {@code min} is negative or greater than {@code max}
   */
  public static FakeDelay uniform(Duration min, Duration max) {
    checkNotNegative(min, "min");
    requireNonNull(max, "max");
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("max must not be less than min, was " + max + " < " + min);
    }
    return new FakeDelay(Kind.UNIFORM, min, max, 0);
  }

  /**
   * Returns a delay drawn from a lognormal distribution: {@code median * exp(sigma * N(0, 1))},
   * capped at {@link #MAX_LOGNORMAL}; the long tail of a real service's latency.
   *
   * @param median the median delay
   * @param sigma the standard deviation of the delay's logarithm; 0 gives the median every time
   * @return the delay
   * @throws IllegalArgumentException if {@code median} is negative, or {@code sigma} is negative or
   *     not finite
   */
  public static FakeDelay lognormal(Duration median, double sigma) {
    checkNotNegative(median, "median");
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and not negative, was " + sigma);
    }
    return new FakeDelay(Kind.LOGNORMAL, median, median, sigma);
  }

  /** Draws one delay from {@code random}. */
  Duration sample(Random random) {
    return switch (kind) {
      case FIXED -> first;
      case UNIFORM -> {
        long span = second.toNanos() - first.toNanos();
        yield first.plusNanos(span == 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
      }
      case LOGNORMAL -> {
        double nanos = first.toNanos() * Math.exp(sigma * random.nextGaussian());
        yield nanos >= MAX_LOGNORMAL.toNanos()
            ? MAX_LOGNORMAL
            : Duration.ofNanos(Math.max(0, (long) nanos));
      }
    };
  }

  /** Whether every draw is zero. */
  boolean isNone() {
    return kind != Kind.UNIFORM ? first.isZero() : second.isZero();
  }

  private static void checkNotNegative(Duration duration, String what) {
    requireNonNull(duration, what);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + duration);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FakeDelay other
        && kind == other.kind
        && first.equals(other.first)
        && second.equals(other.second)
        && Double.compare(sigma, other.sigma) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, first, second, sigma);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case FIXED -> "FakeDelay.fixed(" + first + ")";
      case UNIFORM -> "FakeDelay.uniform(" + first + ", " + second + ")";
      case LOGNORMAL -> "FakeDelay.lognormal(" + first + ", " + sigma + ")";
    };
  }
}
