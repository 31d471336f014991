/**
 * Access tokens from Google credentials: {@code dev.amapi.ops.auth.GoogleAccessTokenSource}, over
 * google-auth-library. Its one package is API.
 */
module dev.amapi.ops.auth {
  requires transitive dev.amapi.ops.domain;
  requires transitive com.google.auth.oauth2;
  requires transitive com.google.auth;
  requires com.google.api.client;
  requires com.google.gson;
  requires static org.jspecify;

  exports dev.amapi.ops.auth;
}
