package dev.amapi.ops.spring;

import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;

/**
 * A service-account key at {@code classpath:sa-key.json}, for tests that need credentials but make
 * no call with them. Written at test time (into the test class path) rather than committed: the
 * repository holds no private key.
 */
public final class TestKeys {
  /** The key's account. */
  public static final String CLIENT_EMAIL = "classpath-key@amapi-ops-test.iam.gserviceaccount.com";

  /** The property that points at it. */
  public static final String CREDENTIALS = "amapi.ops.credentials=classpath:sa-key.json";

  private TestKeys() {}

  /** Writes the key unless it is there; returns {@link #CREDENTIALS}. */
  public static synchronized String onClassPath() {
    try {
      // Where this class was loaded from (the test classes' root), on the class or module path.
      Path root =
          Path.of(TestKeys.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path key = root.resolve("sa-key.json");
      if (!Files.exists(key)) {
        ServiceAccountKeys.generate("amapi-ops-test", "classpath-key")
            .withTokenUri(URI.create("http://127.0.0.1:9/token"))
            .writeTo(key);
      }
      return CREDENTIALS;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the certificate of the testkit's https fake server as PEM, for an SSL bundle's trust
   * store.
   */
  public static Path fakeServerCertificate(Path dir) {
    try {
      Path pem = dir.resolve("fake-ca.pem");
      Files.writeString(
          pem,
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(FakeAmapiServer.certificate().getEncoded())
              + "\n-----END CERTIFICATE-----\n");
      return pem;
    } catch (IOException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
