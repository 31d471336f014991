package dev.amapi.ops.rest;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.Code;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a failed call is tried again, and after how long. The SDK's only source of
 * retries: transports switch their library's own retries off.
 *
 * <p>The default follows Google's settings for the Operations service: retry on {@code UNAVAILABLE}
 * only (cancel, get and list are safe to repeat), at most 5 attempts, backoff 0.5 s doubling to 10
 * s, each delay jittered down by up to half. A server's {@code RetryInfo} or {@code Retry-After}
 * delay is honoured when it is longer, up to the longest backoff: a server asking for more makes
 * the call fail at once with its answer. Immutable and thread-safe.
 */
public final class RetryPolicy {
  /** Five attempts, as Google's settings. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** The first backoff. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

  /** The longest backoff. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);

  /** The longest backoff a policy may be given. */
  public static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

  private static final RetryPolicy DEFAULT =
      new RetryPolicy(
          DEFAULT_MAX_ATTEMPTS,
          DEFAULT_INITIAL_BACKOFF,
          DEFAULT_MAX_BACKOFF,
          EnumSet.of(Code.UNAVAILABLE));
  private static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, EnumSet.noneOf(Code.class));

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Set<Code> retryableCodes;

  private RetryPolicy(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Set<Code> retryableCodes) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.retryableCodes = Set.copyOf(retryableCodes);
  }

  /**
   * Returns Google's policy for the Operations service (see the class comment).
   *
   * @return Google's policy for the Operations service (see the class comment)
   */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /**
   * Returns a policy that never retries.
   *
   * @return a policy that never retries
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Returns a policy retrying these codes.
   *
   * @param maxAttempts attempts in all, the first included; at least 1
   * @param initialBackoff the delay before the second attempt; doubles each time
   * @param maxBackoff the longest delay
   * @param retryableCodes the codes worth another attempt
   * @return the policy
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1 or a duration is negative
   */
  public static RetryPolicy of(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Set<Code> retryableCodes) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    requireNonNull(initialBackoff, "initialBackoff");
    requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("backoff durations must not be negative");
    }
    if (initialBackoff.compareTo(LONGEST_BACKOFF) > 0
        || maxBackoff.compareTo(LONGEST_BACKOFF) > 0) {
      throw new IllegalArgumentException(
          "backoff durations must be at most "
              + LONGEST_BACKOFF
              + ", were "
              + initialBackoff
              + " and "
              + maxBackoff);
    }
    return new RetryPolicy(
        maxAttempts, initialBackoff, maxBackoff, Set.copyOf(requireNonNull(retryableCodes)));
  }

  /**
   * Returns the number of attempts in all, the first included.
   *
   * @return the number of attempts in all, the first included
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the delay before the next attempt, or empty to give up.
   *
   * @param code why attempt {@code attempt} failed
   * @param attempt the attempt that failed, counting from 1
   * @param serverDelay how long the server asked to wait ({@code RetryInfo} or {@code
   *     Retry-After}), or null if it did not say. A delay longer than the backoff is waited for;
   *     one longer than {@code maxBackoff} means giving up, so that no server can hold a call for
   *     longer than the policy allows: the caller gets the error, {@code RetryInfo} included.
   * @return the delay, or empty when the call should fail with this attempt's error
   */
  public Optional<Duration> nextDelay(Code code, int attempt, @Nullable Duration serverDelay) {
    if (attempt >= maxAttempts || !retryableCodes.contains(code)) {
      return Optional.empty();
    }
    if (serverDelay != null && serverDelay.compareTo(maxBackoff) > 0) {
      return Optional.empty();
    }
    long base = initialBackoff.toMillis();
    for (int i = 1; i < attempt && base < maxBackoff.toMillis(); i++) {
      base *= 2;
    }
    base = Math.min(base, maxBackoff.toMillis());
    long jittered =
        base / 2 + (base > 1 ? ThreadLocalRandom.current().nextLong(base - base / 2) : 0);
    Duration delay = Duration.ofMillis(jittered);
    if (serverDelay != null && serverDelay.compareTo(delay) > 0) {
      delay = serverDelay;
    }
    return Optional.of(delay);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", retryableCodes="
        + retryableCodes
        + '}';
  }
}
