package dev.amapi.ops.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollingPolicyTest {
  private static final PollingPolicy POLICY =
      new PollingPolicy(Duration.ofMillis(100), 2, Duration.ofMillis(500));

  @Test
  void default_is200msTimes1Point5UpTo5s() {
    assertThat(PollingPolicy.DEFAULT)
        .isEqualTo(new PollingPolicy(Duration.ofMillis(200), 1.5, Duration.ofSeconds(5)));
  }

  @Test
  void next_multipliesTheInterval() {
    assertThat(POLICY.next(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void next_capsAtTheMaxInterval() {
    assertThat(POLICY.next(Duration.ofMillis(400))).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void next_atTheMaxInterval_staysThere() {
    assertThat(POLICY.next(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void multiplierOne_keepsTheIntervalConstant() {
    PollingPolicy constant = POLICY.withMultiplier(1);

    assertThat(constant.next(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void withers_changeOneValue() {
    assertThat(POLICY.withInitialInterval(Duration.ofMillis(50)))
        .isEqualTo(new PollingPolicy(Duration.ofMillis(50), 2, Duration.ofMillis(500)));
    assertThat(POLICY.withMaxInterval(Duration.ofSeconds(1)))
        .isEqualTo(new PollingPolicy(Duration.ofMillis(100), 2, Duration.ofSeconds(1)));
  }

  @Test
  void new_zeroInitialInterval_throwsNamingIt() {
    assertThatThrownBy(() -> POLICY.withInitialInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initialInterval must be positive");
  }

  @Test
  void new_multiplierBelowOne_throwsNamingIt() {
    assertThatThrownBy(() -> POLICY.withMultiplier(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiplier");
  }

  @Test
  void new_multiplierNaN_throwsNamingIt() {
    assertThatThrownBy(() -> POLICY.withMultiplier(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiplier");
  }

  @Test
  void new_multiplierInfinite_throwsNamingIt() {
    assertThatThrownBy(() -> POLICY.withMultiplier(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiplier");
  }

  @Test
  void new_maxIntervalBelowInitial_throwsNamingBoth() {
    assertThatThrownBy(() -> POLICY.withMaxInterval(Duration.ofMillis(50)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxInterval")
        .hasMessageContaining("initialInterval");
  }

  @Test
  void new_maxIntervalOverADay_throwsNamingIt() {
    assertThatThrownBy(() -> POLICY.withMaxInterval(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxInterval must be at most a day");
  }

  @Test
  void publicMethods_null_throwNamingTheParameter() {
    NullPointerTester tester =
        new NullPointerTester().setDefault(Duration.class, Duration.ofMillis(300));

    tester.testAllPublicConstructors(PollingPolicy.class);
    tester.testAllPublicInstanceMethods(POLICY);
  }
}
