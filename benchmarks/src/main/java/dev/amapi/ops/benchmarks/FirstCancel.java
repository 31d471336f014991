package dev.amapi.ops.benchmarks;

import java.net.URI;
import javax.net.ssl.HttpsURLConnection;

/**
 * The process {@link ColdStart} times: builds one client, cancels one operation, prints {@code
 * answered}, closes the client and returns. Its class path holds only this module's classes and the
 * client's own runtime jars, so it loads what a consumer's process would.
 *
 * <p>Arguments: {@code CLIENT[+TLS]|JVM_ONLY endpoint operationName}. {@code JVM_ONLY} prints at
 * once: the cost of starting a JVM, for reference. {@code +TLS} first sets up what the client's
 * first {@code https} request would ({@code HttpsURLConnection}'s default socket factory, so the
 * default {@code SSLContext} and trust store): the fake speaks plain {@code http}, and Google's
 * client sets TLS up only when a request needs it, where amapi-ops's builders do it when they
 * build.
 */
public final class FirstCancel {
  static final String JVM_ONLY = "JVM_ONLY";
  static final String ANSWERED = "answered";
  static final String WITH_TLS = "+TLS";

  private FirstCancel() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("Usage: FirstCancel CLIENT[+TLS]|JVM_ONLY endpoint name");
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
    try (OperationClient client = Client.valueOf(variant).open(URI.create(args[1]), args[2])) {
      client.cancel();
      System.out.println(ANSWERED);
      System.out.flush();
    }
  }
}
