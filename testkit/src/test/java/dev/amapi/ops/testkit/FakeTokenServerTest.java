package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeTokenServerTest {
  // One client per class: building one loads the trust store, and Java 17 cannot close it.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  // One key for the class: RSA key generation is the slowest part of these tests.
  private static final ServiceAccountKey KEY = ServiceAccountKeys.generate();
  private static final ServiceAccountKey OTHER_KEY = ServiceAccountKeys.generate();

  private final FakeTokenServer server = FakeTokenServer.start();

  @AfterEach
  void closeServer() {
    server.close();
  }

  @Test
  void tokenUri_isLoopbackTokenPath() {
    URI uri = server.tokenUri();

    assertThat(uri.getScheme()).isEqualTo("http");
    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    assertThat(uri.getPort()).isPositive();
    assertThat(uri.getPath()).isEqualTo("/token");
  }

  @Test
  void grant_validJwt_issuesBearerTokenThatIsValid() throws Exception {
    KEY.registeredWith(server);

    HttpResponse<String> response = grant(sign(TestJwts.claims(KEY, aud())));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=UTF-8");
    assertThat(response.body())
        .contains("\"token_type\":\"Bearer\"")
        .contains("\"expires_in\":3600");
    assertThat(server.issuedTokens()).hasSize(1);
    String token = server.issuedTokens().get(0);
    assertThat(response.body()).contains("\"access_token\":\"" + token + "\"");
    assertThat(server.isValid(token)).isTrue();
    assertThat(server.isValid(token + "x")).isFalse();
    assertThat(server.tokenRequestCount()).isEqualTo(1);
  }

  @Test
  void grant_googleAudience_isAcceptedAsGoogleAuthLibrarySendsIt() throws Exception {
    KEY.registeredWith(server);

    HttpResponse<String> response =
        grant(sign(TestJwts.claims(KEY, FakeTokenServer.GOOGLE_TOKEN_AUDIENCE)));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void grant_withoutKid_isCheckedAgainstEveryRegisteredKey() throws Exception {
    KEY.registeredWith(server);
    Map<String, Object> header = TestJwts.header(KEY.keyId());
    header.remove("kid");

    HttpResponse<String> response =
        grant(TestJwts.sign(header, TestJwts.claims(KEY, aud()), KEY.privateKey()));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void grant_badSignature_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);

    // Signed by another key under this key's ID.
    HttpResponse<String> response =
        grant(
            TestJwts.sign(
                TestJwts.header(KEY.keyId()), TestJwts.claims(KEY, aud()), OTHER_KEY.privateKey()));

    assertInvalidGrant(response, "Invalid JWT Signature.");
  }

  @Test
  void grant_tamperedClaims_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);
    String[] parts = sign(TestJwts.claims(KEY, aud())).split("\\.");
    Map<String, Object> tampered = TestJwts.claims(KEY, aud());
    tampered.put("iss", "someone-else@example.com");
    String forgedClaims = sign(tampered).split("\\.")[1];

    HttpResponse<String> response = grant(parts[0] + '.' + forgedClaims + '.' + parts[2]);

    assertInvalidGrant(response, "Invalid JWT Signature.");
  }

  @Test
  void grant_wrongAudience_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);

    HttpResponse<String> response = grant(sign(TestJwts.claims(KEY, "https://example.com/token")));

    assertInvalidGrant(response, "aud must be " + server.tokenUri());
    assertThat(response.body()).contains("not https://example.com/token");
  }

  @Test
  void grant_missingScope_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);
    Map<String, Object> claims = TestJwts.claims(KEY, aud());
    claims.remove("scope");

    assertInvalidGrant(
        grant(sign(claims)),
        "scope must include https://www.googleapis.com/auth/androidmanagement");
  }

  @Test
  void grant_otherScopeOnly_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);
    Map<String, Object> claims = TestJwts.claims(KEY, aud());
    claims.put("scope", "https://www.googleapis.com/auth/cloud-platform");

    assertInvalidGrant(grant(sign(claims)), "scope must include");
  }

  @Test
  void grant_expiredJwt_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = TestJwts.claims(KEY, aud());
    claims.put("iat", now - 7200);
    claims.put("exp", now - 3600);

    assertInvalidGrant(grant(sign(claims)), "exp is in the past");
  }

  @Test
  void grant_issuedInTheFuture_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = TestJwts.claims(KEY, aud());
    claims.put("iat", now + 600);
    claims.put("exp", now + 1200);

    assertInvalidGrant(grant(sign(claims)), "iat is in the future");
  }

  @Test
  void grant_assertionLivingOverAnHour_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);
    Map<String, Object> claims = TestJwts.claims(KEY, aud());
    claims.put("exp", (Long) claims.get("iat") + 7200);

    assertInvalidGrant(grant(sign(claims)), "more than an hour after iat");
  }

  @Test
  void grant_unknownKid_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);

    HttpResponse<String> response =
        grant(
            TestJwts.sign(
                TestJwts.header(OTHER_KEY.keyId()),
                TestJwts.claims(OTHER_KEY, aud()),
                OTHER_KEY.privateKey()));

    assertInvalidGrant(response, "JWT kid " + OTHER_KEY.keyId() + " is not a registered key");
  }

  @Test
  void grant_otherAlgorithm_isInvalidGrant() throws Exception {
    KEY.registeredWith(server);
    Map<String, Object> header = TestJwts.header(KEY.keyId());
    header.put("alg", "none");

    assertInvalidGrant(
        grant(TestJwts.sign(header, TestJwts.claims(KEY, aud()), KEY.privateKey())),
        "JWT alg must be RS256, not none");
  }

  @Test
  void grant_notAJwt_isInvalidGrant() throws Exception {
    assertInvalidGrant(grant("not-a-jwt"), "assertion is not a JWT");
    assertInvalidGrant(grant("a.b.c"), "assertion is not a JWT");
  }

  @Test
  void grant_otherGrantType_isUnsupported() throws Exception {
    HttpResponse<String> response = post("grant_type=client_credentials");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error\":\"unsupported_grant_type\"");
  }

  @Test
  void grant_missingAssertion_isInvalidRequest() throws Exception {
    HttpResponse<String> response = post("grant_type=" + enc(FakeTokenServer.GRANT_TYPE));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"error\":\"invalid_request\"")
        .contains("assertion is missing");
  }

  @Test
  void get_isMethodNotAllowed() throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(server.tokenUri()).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void tokenLifetime_shortLifetime_tokenExpires() throws Exception {
    KEY.registeredWith(server);
    server.tokenLifetime(Duration.ofSeconds(1));

    HttpResponse<String> response = grant(sign(TestJwts.claims(KEY, aud())));

    assertThat(response.body()).contains("\"expires_in\":1");
    String token = server.issuedTokens().get(0);
    assertThat(server.isValid(token)).isTrue();
    Thread.sleep(1100);
    assertThat(server.isValid(token)).isFalse();
  }

  @Test
  void tokenLifetime_zero_issuesExpiredTokens() throws Exception {
    KEY.registeredWith(server);
    server.tokenLifetime(Duration.ZERO);

    HttpResponse<String> response = grant(sign(TestJwts.claims(KEY, aud())));

    assertThat(response.body()).contains("\"expires_in\":0");
    assertThat(server.isValid(server.issuedTokens().get(0))).isFalse();
  }

  @Test
  void tokenLifetime_negative_isRejected() {
    assertThatThrownBy(() -> server.tokenLifetime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenLifetime must not be negative");
  }

  @Test
  void issuedTokens_eachGrantGetsADistinctToken() throws Exception {
    KEY.registeredWith(server);

    grant(sign(TestJwts.claims(KEY, aud())));
    grant(sign(TestJwts.claims(KEY, aud())));

    assertThat(server.issuedTokens()).hasSize(2).doesNotHaveDuplicates();
    assertThat(server.tokenRequestCount()).isEqualTo(2);
  }

  @Test
  void toString_showsNoToken() throws Exception {
    KEY.registeredWith(server);
    grant(sign(TestJwts.claims(KEY, aud())));

    assertThat(server.toString())
        .contains(server.tokenUri().toString())
        .doesNotContain(server.issuedTokens().get(0));
  }

  @Test
  void close_endsItsThreadsAndRefusesConnections() throws Exception {
    KEY.registeredWith(server);
    grant(sign(TestJwts.claims(KEY, aud())));

    server.close();
    server.close();

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("amapi-fake-token-") && thread.isAlive());
    assertThatThrownBy(() -> grant(sign(TestJwts.claims(KEY, aud()))))
        .isInstanceOf(IOException.class);
  }

  private String aud() {
    return server.tokenUri().toString();
  }

  private static String sign(Map<String, Object> claims) {
    return TestJwts.sign(TestJwts.header(KEY.keyId()), claims, KEY.privateKey());
  }

  private HttpResponse<String> grant(String assertion) throws Exception {
    return post("grant_type=" + enc(FakeTokenServer.GRANT_TYPE) + "&assertion=" + enc(assertion));
  }

  private HttpResponse<String> post(String form) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.tokenUri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void assertInvalidGrant(HttpResponse<String> response, String description) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"error\":\"invalid_grant\"")
        .contains("\"error_description\":\"")
        .contains(description);
    assertThat(server.issuedTokens()).isEmpty();
  }
}
