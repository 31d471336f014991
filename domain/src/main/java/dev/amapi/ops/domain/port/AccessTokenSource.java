package dev.amapi.ops.domain.port;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import java.util.Optional;

/**
 * Supplies the OAuth 2 access token every request carries as {@code Authorization: Bearer}. The API
 * needs the scope {@value #SCOPE}.
 *
 * <p>Implementations are thread-safe, and cache: {@link #token()} is called once per call, and the
 * call's retries reuse that token unless the server answers 401.
 */
public interface AccessTokenSource {

  /** The OAuth scope the Android Management API requires. */
  String SCOPE = "https://www.googleapis.com/auth/androidmanagement";

  /**
   * Returns a token that is valid now, fetching or refreshing one if needed.
   *
   * @return the token to send as {@code Authorization: Bearer}
   * @throws AmapiException with {@code UNAUTHENTICATED} when no token can be had
   */
  AccessToken token();

  /**
   * Returns a fresh token after the server rejected {@code rejected} with 401. The default returns
   * {@link #token()}: a source that cannot refresh hands back the same token, and the SDK then does
   * not retry.
   *
   * @param rejected the token the server answered 401 to
   * @return a token other than {@code rejected}, or {@code rejected} itself if none can be had
   * @throws AmapiException with {@code UNAUTHENTICATED} when no token can be had
   */
  default AccessToken refresh(AccessToken rejected) {
    return token();
  }

  /**
   * Returns the project to bill quota to.
   *
   * @return the project sent as {@code x-goog-user-project}, or empty to send none (the default)
   */
  default Optional<String> quotaProject() {
    return Optional.empty();
  }

  /**
   * Returns the universe domain the credentials belong to (such as {@code googleapis.com}), if the
   * source knows it. Clients check it against their endpoint's host before sending anything.
   *
   * @return the universe domain, or empty if unknown (the default), in which case nothing is
   *     checked
   */
  default Optional<String> universeDomain() {
    return Optional.empty();
  }

  /**
   * Returns a source that always hands out this token: for tests and short-lived tools.
   *
   * @param token the token every call carries
   * @return a source that never refreshes, so a 401 is not retried
   */
  static AccessTokenSource fixed(AccessToken token) {
    requireNonNull(token, "token");
    return () -> token;
  }
}
