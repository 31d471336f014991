package dev.amapi.ops.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.GoogleCredentials;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.testkit.FakeTokenServer;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's three ways to authenticate, compiled here, and run where this machine allows. */
class ReadmeAuthExampleTest {
  @TempDir Path dir;

  static AccessTokenSource applicationDefault() {
    // README:auth-adc:start
    // 1. Application Default Credentials (env variable, gcloud, or the metadata server)
    AccessTokenSource tokens = GoogleAccessTokenSource.applicationDefault();
    // README:auth-adc:end
    return tokens;
  }

  static AccessTokenSource fromKeyFile(Path keyFile) {
    // README:auth-key:start
    // 2. A service-account key file (or an InputStream of one)
    AccessTokenSource tokens = GoogleAccessTokenSource.fromServiceAccountKey(keyFile);
    // README:auth-key:end
    return tokens;
  }

  static AccessTokenSource fromCredentials(GoogleCredentials myGoogleCredentials) {
    // README:auth-credentials:start
    // 3. Credentials you already have; the quota project is sent as x-goog-user-project
    AccessTokenSource tokens =
        GoogleAccessTokenSource.of(myGoogleCredentials).withQuotaProject("my-project");
    // README:auth-credentials:end
    return tokens;
  }

  @Test
  void keyFileAndCredentials_issueTokensFromTheTokenEndpoint() throws IOException {
    try (FakeTokenServer endpoint = FakeTokenServer.start()) {
      Path keyFile =
          ServiceAccountKeys.generate().registeredWith(endpoint).writeTo(dir.resolve("sa.json"));
      GoogleCredentials credentials;
      try (InputStream in = Files.newInputStream(keyFile)) {
        credentials = GoogleCredentials.fromStream(in);
      }

      assertThat(endpoint.isValid(fromKeyFile(keyFile).token().value())).isTrue();
      AccessTokenSource withQuota = fromCredentials(credentials);
      assertThat(endpoint.isValid(withQuota.token().value())).isTrue();
      assertThat(withQuota.quotaProject()).hasValue("my-project");
    }
  }

  @Test
  void applicationDefault_withoutAnyCredentials_saysWhatToDo() {
    // The build runs tests with no ADC, so the first way can only show its error here.
    assertThatThrownBy(ReadmeAuthExampleTest::applicationDefault)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS");
  }

  @Test
  void readme_showsTheThreeWaysAsCompiled() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/amapi/ops/auth/ReadmeAuthExampleTest.java"));
    String readme = normalize(Files.readString(Path.of("../README.md")));

    for (String name : new String[] {"auth-adc", "auth-key", "auth-credentials"}) {
      assertThat(readme).contains(normalize(snippet(source, name)));
    }
  }

  private static String snippet(String source, String name) {
    String start = "// README:" + name + ":start";
    int from = source.indexOf(start) + start.length();
    int to = source.indexOf("// README:" + name + ":end");
    assertThat(to).isGreaterThan(from);
    return source.substring(from, to);
  }

  private static String normalize(String text) {
    StringBuilder out = new StringBuilder();
    text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }
}
