package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth 2 access token. Its {@link #toString()} never shows the value, so a token can be logged
 * or put in a message by mistake without leaking.
 */
public final class AccessToken {
  private final String value;
  private final @Nullable Instant expiresAt;

  private AccessToken(String value, @Nullable Instant expiresAt) {
    requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("access token is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        // Checked here so that a token can never split or forge an HTTP header.
        throw new IllegalArgumentException(
            "access token contains a character not allowed in an HTTP header, at index " + i);
      }
    }
    this.value = value;
    this.expiresAt = expiresAt;
  }

  /**
   * Returns a token that does not say when it expires.
   *
   * @param value the token as the authorization server issued it
   * @return a token with no expiry time
   * @throws IllegalArgumentException if the value is empty or holds whitespace, control or
   *     non-ASCII characters
   */
  public static AccessToken of(String value) {
    return new AccessToken(value, null);
  }

  /**
   * Returns a token that expires at {@code expiresAt}.
   *
   * @param value the token as the authorization server issued it
   * @param expiresAt when the token stops being accepted
   * @return a token with that expiry time
   * @throws IllegalArgumentException as {@link #of(String)}
   */
  public static AccessToken of(String value, Instant expiresAt) {
    return new AccessToken(value, requireNonNull(expiresAt, "expiresAt"));
  }

  /**
   * Returns the token itself, for the {@code Authorization} header only.
   *
   * @return the secret value, without the {@code Bearer} prefix
   */
  public String value() {
    return value;
  }

  /**
   * Returns when the token expires.
   *
   * @return the expiry time, or empty if the token's issuer did not say
   */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AccessToken other
        && value.equals(other.value)
        && Objects.equals(expiresAt, other.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, expiresAt);
  }

  /**
   * Returns a description without the token's value.
   *
   * @return {@code AccessToken{value=<redacted>...}}, with the expiry time if known
   */
  @Override
  public String toString() {
    return "AccessToken{value=<redacted>"
        + (expiresAt == null ? "" : ", expiresAt=" + expiresAt)
        + '}';
  }
}
