package dev.amapi.ops.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The process {@link ColdStart} times: builds one client, cancels one operation, prints {@code
 * answered}, closes the client and returns. Its class path holds only this module's classes and the
 * client's own runtime jars, so it loads what a consumer's process would.
 *
 * <p>Arguments: {@code CLIENT[+TLS]|JVM_ONLY endpoint operationName [certificateFile]}. {@code
 * JVM_ONLY} prints at once: the cost of starting a JVM, for reference. With an {@code https}
 * endpoint, {@code certificateFile} is the fake's certificate (DER): the process builds an {@code
 * SSLContext} trusting it and nothing else, the same way for every client, and hands it to the
 * client (that work is timed; a real consumer would load the default trust store instead). {@code
 * +TLS}, for an {@code http} endpoint, first sets up what the client's first {@code https} request
 * would ({@code HttpsURLConnection}'s default socket factory, so the default {@code SSLContext} and
 * trust store): Google's client sets TLS up only when a request needs it, where amapi-ops's
 * builders do it when they build.
 */
public final class FirstCancel {
  static final String JVM_ONLY = "JVM_ONLY";
  static final String ANSWERED = "answered";
  static final String WITH_TLS = "+TLS";

  private FirstCancel() {}

  public static void main(String[] args) {
    if (args.length != 3 && args.length != 4) {
      throw new IllegalArgumentException(
          "Usage: FirstCancel CLIENT[+TLS]|JVM_ONLY endpoint name [certificateFile]");
    }
    if (args[0].equals(JVM_ONLY)) {
      System.out.println(ANSWERED);
      return;
    }
    String variant = args[0];
    if (variant.endsWith(WITH_TLS)) {
      variant = variant.substring(0, variant.length() - WITH_TLS.length());
      HttpsURLConnection.getDefaultSSLSocketFactory();
    }
    SSLContext tls = args.length == 4 ? trusting(Path.of(args[3])) : null;
    try (OperationClient client = Client.valueOf(variant).open(URI.create(args[1]), args[2], tls)) {
      client.cancel();
      System.out.println(ANSWERED);
      System.out.flush();
    }
  }

  /** An {@code SSLContext} that trusts the one certificate in {@code file} and nothing else. */
  static SSLContext trusting(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry(
          "fake", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
