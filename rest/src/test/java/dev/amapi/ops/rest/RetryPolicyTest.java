package dev.amapi.ops.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.Code;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy defaults = RetryPolicy.defaults();

  @Test
  void defaults_retryOnlyUnavailable() {
    assertThat(defaults.nextDelay(Code.UNAVAILABLE, 1, null)).isPresent();
    for (Code code : Code.values()) {
      if (code != Code.UNAVAILABLE) {
        assertThat(defaults.nextDelay(code, 1, null)).as("%s", code).isEmpty();
      }
    }
  }

  @Test
  void defaults_giveUpAfterTheFifthAttempt() {
    assertThat(defaults.nextDelay(Code.UNAVAILABLE, 4, null)).isPresent();
    assertThat(defaults.nextDelay(Code.UNAVAILABLE, 5, null)).isEmpty();
  }

  @RepeatedTest(20)
  void defaults_backoffDoublesFromHalfASecondToTenJitteredDownByUpToHalf() {
    long[] base = {500, 1000, 2000, 4000};
    for (int attempt = 1; attempt <= 4; attempt++) {
      long delay = defaults.nextDelay(Code.UNAVAILABLE, attempt, null).orElseThrow().toMillis();
      assertThat(delay)
          .as("attempt %d", attempt)
          .isBetween(base[attempt - 1] / 2, base[attempt - 1]);
    }
  }

  @Test
  void backoff_neverPassesMaxBackoff() {
    RetryPolicy policy =
        RetryPolicy.of(
            30, Duration.ofMillis(500), Duration.ofSeconds(10), EnumSet.of(Code.UNAVAILABLE));

    assertThat(policy.nextDelay(Code.UNAVAILABLE, 29, null).orElseThrow())
        .isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void serverDelay_longerThanTheBackoff_isWaitedFor() {
    assertThat(defaults.nextDelay(Code.UNAVAILABLE, 1, Duration.ofSeconds(3)))
        .isEqualTo(Optional.of(Duration.ofSeconds(3)));
  }

  @Test
  void serverDelay_longerThanMaxBackoff_givesUp() {
    assertThat(defaults.nextDelay(Code.UNAVAILABLE, 1, Duration.ofSeconds(11))).isEmpty();
    assertThat(defaults.nextDelay(Code.UNAVAILABLE, 1, Duration.ofSeconds(Long.MAX_VALUE / 2)))
        .isEmpty();
  }

  @Test
  void none_neverRetries() {
    assertThat(RetryPolicy.none().nextDelay(Code.UNAVAILABLE, 1, null)).isEmpty();
  }

  @Test
  void of_rejectsNoAttempts() {
    assertThatThrownBy(
            () -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO, EnumSet.of(Code.UNAVAILABLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
  }

  @Test
  void of_rejectsBackoffsLongerThanAnHour() {
    assertThatThrownBy(
            () ->
                RetryPolicy.of(
                    3, Duration.ofSeconds(1), Duration.ofDays(400), EnumSet.of(Code.UNAVAILABLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most PT1H");
  }
}
