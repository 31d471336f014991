package dev.amapi.ops.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The testkit's one TLS identity: a self-signed EC certificate for {@code 127.0.0.1} and {@code
 * localhost}, with its private key, shipped as {@code tls/fake-amapi-server.p12} beside these
 * classes (how it was made is in the README there). Test only: the key is public on purpose.
 *
 * <p>Loaded once, on first use; the contexts are thread-safe and shared.
 */
final class FakeTls {
  private static final String KEYSTORE = "tls/fake-amapi-server.p12";
  private static final String ALIAS = "fake-amapi-server";
  // Not a secret: the key it guards is published with it (see the README beside the keystore).
  private static final char[] PASSWORD = "amapi-ops-testkit".toCharArray();

  private static final class Loaded {
    static final FakeTls INSTANCE = load();
  }

  private final X509Certificate certificate;
  private final SSLContext server;
  private final SSLContext client;

  private FakeTls(X509Certificate certificate, SSLContext server, SSLContext client) {
    this.certificate = certificate;
    this.server = server;
    this.client = client;
  }

  static FakeTls get() {
    return Loaded.INSTANCE;
  }

  /** The certificate the fake presents, its own issuer. */
  X509Certificate certificate() {
    return certificate;
  }

  /** A server context that presents the certificate, with the key. */
  SSLContext serverContext() {
    return server;
  }

  /** A client context that trusts the certificate and nothing else. */
  SSLContext clientContext() {
    return client;
  }

  private static FakeTls load() {
    try (InputStream in = FakeTls.class.getResourceAsStream(KEYSTORE)) {
      if (in == null) {
        throw new IllegalStateException(
            KEYSTORE + " is missing next to " + FakeTls.class.getName() + ": a broken testkit jar");
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, PASSWORD);
      X509Certificate certificate = (X509Certificate) keys.getCertificate(ALIAS);
      if (certificate == null) {
        throw new IllegalStateException(KEYSTORE + " holds no certificate named " + ALIAS);
      }

      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, PASSWORD);
      SSLContext server = SSLContext.getInstance("TLS");
      server.init(keyManagers.getKeyManagers(), null, null);

      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry(ALIAS, certificate);
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trusted);
      SSLContext client = SSLContext.getInstance("TLS");
      client.init(null, trustManagers.getTrustManagers(), null);

      return new FakeTls(certificate, server, client);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + KEYSTORE, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set TLS up from " + KEYSTORE, e);
    }
  }
}
