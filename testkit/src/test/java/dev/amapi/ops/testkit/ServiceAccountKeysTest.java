package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceAccountKeysTest {
  private static final ServiceAccountKey KEY = ServiceAccountKeys.generate();

  @Test
  void generate_makesA2048BitRsaKeyOfTheDefaultAccount() {
    assertThat(KEY.publicKey().getModulus().bitLength()).isEqualTo(2048);
    assertThat(KEY.clientEmail()).isEqualTo("amapi-ops@amapi-ops-test.iam.gserviceaccount.com");
    assertThat(KEY.projectId()).isEqualTo(ServiceAccountKeys.DEFAULT_PROJECT_ID);
    assertThat(KEY.keyId()).matches("[0-9a-f]{40}");
    assertThat(KEY.clientId()).matches("[0-9]{21}");
    assertThat(KEY.tokenUri()).isEqualTo(URI.create(FakeTokenServer.GOOGLE_TOKEN_AUDIENCE));
    assertThat(KEY.quotaProjectId()).isEmpty();
  }

  @Test
  void generate_badName_isRejected() {
    assertThatThrownBy(() -> ServiceAccountKeys.generate("My Project", "bot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("projectId")
        .hasMessageContaining("\"My Project\"");
  }

  @Test
  void json_holdsWhatAGoogleKeyFileHolds() throws Exception {
    Map<String, String> json =
        fields(
            KEY.withTokenUri(URI.create("http://127.0.0.1:1/token"))
                .withQuotaProjectId("billing-project")
                .json());

    assertThat(json)
        .containsEntry("type", "service_account")
        .containsEntry("project_id", KEY.projectId())
        .containsEntry("private_key_id", KEY.keyId())
        .containsEntry("client_email", KEY.clientEmail())
        .containsEntry("client_id", KEY.clientId())
        .containsEntry("token_uri", "http://127.0.0.1:1/token")
        .containsEntry("quota_project_id", "billing-project")
        .containsEntry("universe_domain", "googleapis.com");
    String pem = json.get("private_key");
    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    byte[] der =
        Base64.getMimeDecoder()
            .decode(
                pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", ""));
    assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)))
        .isEqualTo(KEY.privateKey());
  }

  @Test
  void registeredWith_registersThePublicKeyAndPointsAtTheServer() {
    try (FakeTokenServer tokens = FakeTokenServer.start()) {
      ServiceAccountKey registered = KEY.registeredWith(tokens);

      assertThat(registered.tokenUri()).isEqualTo(tokens.tokenUri());
      assertThat(tokens.toString()).contains(KEY.keyId());
    }
  }

  @Test
  void writeTo_writesTheJson(@TempDir Path dir) throws Exception {
    Path file = KEY.writeTo(dir.resolve("key.json"));

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(KEY.json());
  }

  @Test
  void toString_neverShowsThePrivateKey() {
    String encoded = Base64.getEncoder().encodeToString(KEY.privateKey().getEncoded());

    assertThat(KEY.toString())
        .contains(KEY.clientEmail())
        .contains(KEY.keyId())
        .doesNotContain(encoded.substring(40, 80))
        .doesNotContain("PRIVATE KEY");
  }

  private static Map<String, String> fields(String json) throws Exception {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        fields.put(name, parser.getText());
      }
    }
    return fields;
  }
}
