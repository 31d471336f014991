package dev.amapi.ops.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.testkit.FakeTokenServer;
import dev.amapi.ops.testkit.ServiceAccountKey;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoogleAccessTokenSourceTest {
  // One key pair for the class: generating RSA keys is the slowest part of these tests.
  private static final ServiceAccountKey KEY = ServiceAccountKeys.generate();

  private final FakeTokenServer tokens = FakeTokenServer.start();

  @TempDir Path dir;

  @AfterEach
  void closeServer() {
    tokens.close();
  }

  @Test
  void token_fromKeyFile_isIssuedByTheTokenEndpoint() {
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());

    AccessToken token = source.token();

    assertThat(tokens.isValid(token.value())).isTrue();
    assertThat(tokens.tokenRequestCount()).isEqualTo(1);
    assertThat(token.expiresAt())
        .hasValueSatisfying(
            expiry ->
                assertThat(expiry)
                    .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3601)));
  }

  @Test
  void token_fromKeyStream_isIssuedByTheTokenEndpoint() {
    InputStream json =
        new ByteArrayInputStream(
            KEY.registeredWith(tokens).json().getBytes(StandardCharsets.UTF_8));

    AccessToken token = GoogleAccessTokenSource.fromServiceAccountKey(json).token();

    assertThat(tokens.isValid(token.value())).isTrue();
  }

  @Test
  void token_ofUnscopedCredentials_isScopedToAndroidManagement() throws IOException {
    // The fake refuses a JWT whose scope lacks androidmanagement, so a token proves the scope.
    ServiceAccountCredentials unscoped =
        ServiceAccountCredentials.fromStream(Files.newInputStream(keyFile()));
    assertThat(unscoped.createScopedRequired()).isTrue();

    AccessToken token = GoogleAccessTokenSource.of(unscoped).token();

    assertThat(tokens.isValid(token.value())).isTrue();
  }

  @Test
  void token_calledAgain_isServedFromTheCache() {
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());

    AccessToken first = source.token();
    AccessToken second = source.token();

    assertThat(second).isEqualTo(first);
    assertThat(tokens.tokenRequestCount()).isEqualTo(1);
  }

  @Test
  void token_64ConcurrentCallersOnAColdSource_makeOneTokenRequest() throws Exception {
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());

    List<AccessToken> handedOut = concurrently(64, source::token);

    assertThat(tokens.tokenRequestCount()).isEqualTo(1);
    assertThat(handedOut).hasSize(64).allMatch(token -> token.equals(handedOut.get(0)));
    assertThat(tokens.isValid(handedOut.get(0).value())).isTrue();
  }

  @Test
  void token_expiredToken_isRefreshedOnce() throws Exception {
    // A 1 s token is inside google-auth-library's expiry margin at once: the next call refreshes.
    tokens.tokenLifetime(Duration.ofSeconds(1));
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());
    AccessToken expired = source.token();
    tokens.tokenLifetime(FakeTokenServer.DEFAULT_TOKEN_LIFETIME);

    AccessToken fresh = source.token();

    assertThat(tokens.tokenRequestCount()).isEqualTo(2);
    assertThat(fresh.value()).isNotEqualTo(expired.value());
    assertThat(tokens.isValid(fresh.value())).isTrue();
    assertThat(source.token()).isEqualTo(fresh);
    assertThat(tokens.tokenRequestCount()).isEqualTo(2);
  }

  @Test
  void refresh_rejectedToken_fetchesANewOne() {
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());
    AccessToken rejected = source.token();

    AccessToken fresh = source.refresh(rejected);

    assertThat(fresh.value()).isNotEqualTo(rejected.value());
    assertThat(tokens.isValid(fresh.value())).isTrue();
    assertThat(tokens.tokenRequestCount()).isEqualTo(2);
    assertThat(source.token()).isEqualTo(fresh);
  }

  @Test
  void refresh_from16ThreadsWithTheSameRejectedToken_makesOneTokenRequest() throws Exception {
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());
    AccessToken rejected = source.token();

    List<AccessToken> handedOut = concurrently(16, () -> source.refresh(rejected));

    assertThat(tokens.tokenRequestCount()).isEqualTo(2);
    assertThat(handedOut).allMatch(token -> token.equals(handedOut.get(0)));
    assertThat(handedOut.get(0).value()).isNotEqualTo(rejected.value());
  }

  @Test
  void refresh_tokenAlreadyReplaced_makesNoRequest() {
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());
    AccessToken rejected = source.token();
    AccessToken fresh = source.refresh(rejected);

    AccessToken again = source.refresh(rejected);

    assertThat(again).isEqualTo(fresh);
    assertThat(tokens.tokenRequestCount()).isEqualTo(2);
  }

  @Test
  void refresh_onAColdSource_fetchesOneToken() {
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());

    AccessToken token = source.refresh(AccessToken.of("never-issued"));

    assertThat(tokens.isValid(token.value())).isTrue();
    assertThat(tokens.tokenRequestCount()).isEqualTo(1);
  }

  @Test
  void withQuotaProject_sharesTheTokenCache() {
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());
    GoogleAccessTokenSource billed = source.withQuotaProject("billing-project");

    AccessToken token = source.token();

    assertThat(billed.token()).isEqualTo(token);
    assertThat(billed.quotaProject()).hasValue("billing-project");
    assertThat(source.quotaProject()).isEmpty();
    assertThat(tokens.tokenRequestCount()).isEqualTo(1);
  }

  @Test
  void quotaProject_fromTheKeyFile_isReported() {
    Path file =
        KEY.registeredWith(tokens).withQuotaProjectId("key-billing").writeTo(dir.resolve("q.json"));

    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(file);

    assertThat(source.quotaProject()).hasValue("key-billing");
    assertThat(source.withQuotaProject("override").quotaProject()).hasValue("override");
  }

  @Test
  void quotaProject_none_isEmpty() {
    assertThat(GoogleAccessTokenSource.fromServiceAccountKey(keyFile()).quotaProject()).isEmpty();
  }

  @Test
  void withQuotaProject_badProject_isRejected() {
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile());

    assertThatThrownBy(() -> source.withQuotaProject("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a b\"");
    assertThatThrownBy(() -> source.withQuotaProject(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void universeDomain_ofAKeyFile_isGoogleapis() {
    assertThat(GoogleAccessTokenSource.fromServiceAccountKey(keyFile()).universeDomain())
        .hasValue("googleapis.com");
  }

  @Test
  void universeDomain_fromTheKeyFile_isReported() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("universe.json"),
            KEY.registeredWith(tokens)
                .json()
                .replace(
                    "\"universe_domain\" : \"googleapis.com\"",
                    "\"universe_domain\" : \"example.test\""));

    assertThat(GoogleAccessTokenSource.fromServiceAccountKey(file).universeDomain())
        .hasValue("example.test");
  }

  @Test
  void fromServiceAccountKey_missingFile_namesThePath() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> GoogleAccessTokenSource.fromServiceAccountKey(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot read the service-account key file " + missing + ": no such file")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void fromServiceAccountKey_directory_namesThePathAndTheProblem() {
    assertThatThrownBy(() -> GoogleAccessTokenSource.fromServiceAccountKey(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot read the service-account key file " + dir + ": ")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void fromServiceAccountKey_notJson_saysSo() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"type\": \"service_account\",");

    assertThatThrownBy(() -> GoogleAccessTokenSource.fromServiceAccountKey(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The service-account key file " + file + " is not valid JSON: ")
        .hasCauseInstanceOf(RuntimeException.class);
  }

  @Test
  void fromServiceAccountKey_notAnObject_saysSo() throws IOException {
    Path file = Files.writeString(dir.resolve("array.json"), "[1, 2]");

    assertThatThrownBy(() -> GoogleAccessTokenSource.fromServiceAccountKey(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The service-account key file "
                + file
                + " is not a service-account key: it is not a"
                + " JSON object");
  }

  @Test
  void fromServiceAccountKey_otherCredentialType_namesTheType() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("user.json"),
            "{\"type\": \"authorized_user\", \"client_id\": \"x\", \"client_secret\": \"y\","
                + " \"refresh_token\": \"z\"}");

    assertThatThrownBy(() -> GoogleAccessTokenSource.fromServiceAccountKey(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("its \"type\" is \"authorized_user\", not \"service_account\"");
  }

  @Test
  void fromServiceAccountKey_missingFields_namesThem() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("partial.json"),
            "{\"type\": \"service_account\", \"client_email\": \"a@b.iam.gserviceaccount.com\"}");

    assertThatThrownBy(() -> GoogleAccessTokenSource.fromServiceAccountKey(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The service-account key file "
                + file
                + " is not a usable service-account key: it lacks private_key, private_key_id,"
                + " client_id");
  }

  @Test
  void fromServiceAccountKey_badPrivateKey_saysSoWithoutShowingIt() throws IOException {
    String json = KEY.registeredWith(tokens).json();
    int start = json.indexOf("-----BEGIN PRIVATE KEY-----\\n") + 30;
    String broken = json.substring(0, start) + "AAAA" + json.substring(start + 4);
    Path file = Files.writeString(dir.resolve("badkey.json"), broken);

    Throwable thrown = catchThrowable(() -> GoogleAccessTokenSource.fromServiceAccountKey(file));

    assertThat(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "The service-account key file " + file + " is not a usable service-account key: ")
        .hasCauseInstanceOf(IOException.class);
    assertThat(everything(thrown)).doesNotContain(json.substring(start + 10, start + 40));
  }

  @Test
  void token_unregisteredKey_isUnauthenticatedWithTheEndpointsError() {
    // Registered with no server: the fake does not know the key's kid.
    Path file = KEY.withTokenUri(tokens.tokenUri()).writeTo(dir.resolve("unknown.json"));
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(file);

    AmapiException thrown = (AmapiException) catchThrowable(source::token);

    assertThat(thrown.code()).isEqualTo(Code.UNAUTHENTICATED);
    assertThat(thrown.httpStatus()).isEmpty();
    assertThat(thrown)
        .hasMessageContaining("The token endpoint " + tokens.tokenUri())
        .hasMessageContaining(KEY.clientEmail())
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("invalid_grant: JWT kid " + KEY.keyId() + " is not a registered key")
        .hasCauseInstanceOf(IOException.class);
    assertThat(tokens.tokenRequestCount()).isEqualTo(1);
  }

  @Test
  void token_unreachableEndpoint_isUnavailableWithTheCause() throws Exception {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/token");
    }
    Path file = KEY.withTokenUri(closed).writeTo(dir.resolve("closed.json"));
    // Without google-auth-library's own retries (about 7 s of backoff) the test stays quick.
    ServiceAccountCredentials credentials =
        ServiceAccountCredentials.fromStream(Files.newInputStream(file))
            .createWithCustomRetryStrategy(false);
    GoogleAccessTokenSource source = GoogleAccessTokenSource.of(credentials);

    AmapiException thrown = (AmapiException) catchThrowable(source::token);

    assertThat(thrown.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(thrown)
        .hasMessageContaining(
            "Cannot get an access token for ServiceAccountCredentials " + KEY.clientEmail())
        .hasCauseInstanceOf(IOException.class);
    assertThat(thrown.getCause()).hasRootCauseInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void applicationDefault_noneAvailable_saysHowToProvideThem() {
    // The pom runs tests with no GOOGLE_APPLICATION_CREDENTIALS, an empty gcloud config, and
    // NO_GCE_CHECK, so there are no Application Default Credentials to find.
    assertThatThrownBy(GoogleAccessTokenSource::applicationDefault)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS")
        .hasMessageContaining("gcloud auth application-default login")
        .hasMessageContaining("fromServiceAccountKey")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void toString_showsTheAccountButNoToken() {
    GoogleAccessTokenSource source =
        GoogleAccessTokenSource.fromServiceAccountKey(keyFile()).withQuotaProject("billing");
    AccessToken token = source.token();
    source.refresh(token);

    assertThat(source.toString())
        .isEqualTo(
            "GoogleAccessTokenSource{ServiceAccountCredentials "
                + KEY.clientEmail()
                + ", quotaProject=billing}");
    for (String issued : tokens.issuedTokens()) {
      assertThat(source.toString()).doesNotContain(issued);
    }
  }

  @Test
  void failures_neverShowAToken() throws Exception {
    // A source that holds a token, then meets a refusing endpoint and an unreachable one.
    GoogleAccessTokenSource source =
        GoogleAccessTokenSource.of(
            ServiceAccountCredentials.fromStream(Files.newInputStream(keyFile()))
                .createWithCustomRetryStrategy(false));
    AccessToken held = source.token();
    List<Throwable> failures = new ArrayList<>();
    tokens.close();
    failures.add(catchThrowable(() -> source.refresh(held)));
    try (FakeTokenServer other = FakeTokenServer.start()) {
      Path file = KEY.withTokenUri(other.tokenUri()).writeTo(dir.resolve("refused.json"));
      failures.add(
          catchThrowable(() -> GoogleAccessTokenSource.fromServiceAccountKey(file).token()));
    }

    assertThat(failures).allMatch(AmapiException.class::isInstance);
    for (Throwable failure : failures) {
      assertThat(everything(failure)).doesNotContain(held.value());
    }
  }

  private Path keyFile() {
    return KEY.registeredWith(tokens).writeTo(dir.resolve("key.json"));
  }

  /** Every message and stack trace line of {@code thrown} and its causes. */
  private static String everything(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString() + thrown;
  }

  private static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call();
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
