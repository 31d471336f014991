package dev.amapi.ops.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.amapi.ops.domain.port.AccessTokenSource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs JWT-bearer assertions by hand, so tests can make good and bad ones. */
final class TestJwts {
  private static final JsonFactory JSON = new JsonFactory();

  private TestJwts() {}

  /** Returns the claims google-auth-library would send for {@code key} now. */
  static Map<String, Object> claims(ServiceAccountKey key, String audience) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", key.clientEmail());
    claims.put("scope", AccessTokenSource.SCOPE);
    claims.put("aud", audience);
    claims.put("iat", now);
    claims.put("exp", now + 3600);
    return claims;
  }

  static Map<String, Object> header(String keyId) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    header.put("kid", keyId);
    return header;
  }

  static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
    String signed = encode(header) + '.' + encode(claims);
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + '.' + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, Object> fields) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        if (field.getValue() instanceof Long number) {
          json.writeNumberField(field.getKey(), number);
        } else {
          json.writeStringField(field.getKey(), field.getValue().toString());
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
