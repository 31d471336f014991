package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenTest {
  private static final String VALUE = "ya29.a0AfH6SMBx-secret_token.value~/+=";
  private static final Instant EXPIRY = Instant.parse("2026-08-06T11:15:23Z");

  @Test
  void of_validValue_keepsItForTheHeader() {
    assertThat(AccessToken.of(VALUE).value()).isEqualTo(VALUE);
  }

  @Test
  void of_withoutExpiry_doesNotSayWhenItExpires() {
    assertThat(AccessToken.of(VALUE).expiresAt()).isEmpty();
  }

  @Test
  void of_withExpiry_saysWhenItExpires() {
    assertThat(AccessToken.of(VALUE, EXPIRY).expiresAt()).contains(EXPIRY);
  }

  @Test
  void toString_neverShowsTheValue() {
    assertThat(AccessToken.of(VALUE).toString()).doesNotContain(VALUE).doesNotContain("secret");
  }

  @Test
  void toString_withExpiry_showsTheExpiryButNotTheValue() {
    assertThat(AccessToken.of(VALUE, EXPIRY).toString())
        .contains("2026-08-06T11:15:23Z")
        .doesNotContain(VALUE);
  }

  @Test
  void of_emptyValue_isRejectedSayingSo() {
    assertThatThrownBy(() -> AccessToken.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("access token is empty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ya29 secret", // space
        "ya29\nsecret", // newline: would split the header
        "ya29\r\nX-Injected: 1", // header injection
        "ya29\tsecret", // tab
        "ya29\u0000secret", // NUL
        "ya29\u007Fsecret", // DEL
        "ya29\u00E9secret", // non-ASCII letter
        "ya29\u00A0secret", // non-breaking space
        "ya29😀secret", // emoji
      })
  void of_characterNotAllowedInAHeader_isRejectedWithoutShowingTheValue(String value) {
    assertThatThrownBy(() -> AccessToken.of(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not allowed in an HTTP header, at index 4")
        .hasMessageNotContaining("secret");
  }

  @Test
  void staticMethods_rejectNulls() {
    new NullPointerTester()
        .setDefault(String.class, VALUE)
        .setDefault(Instant.class, EXPIRY)
        .testAllPublicStaticMethods(AccessToken.class);
  }

  @Test
  void equals_sameValueAndExpiry_areEqualAndAnyDifferenceIsNot() {
    new EqualsTester()
        .addEqualityGroup(AccessToken.of(VALUE), AccessToken.of(new String(VALUE)))
        .addEqualityGroup(AccessToken.of(VALUE, EXPIRY), AccessToken.of(VALUE, EXPIRY))
        .addEqualityGroup(AccessToken.of(VALUE, EXPIRY.plusSeconds(1)))
        .addEqualityGroup(AccessToken.of("other-token"))
        .testEquals();
  }
}
