package dev.amapi.ops.transport.jdk;

import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The TLS context of a client whose endpoint is plain http (loopback only: a fake, a test): one
 * that does no TLS. The JDK's {@code HttpClient}, https or not, asks its context for default
 * parameters when it is built and for nothing else until a URL is https, which such a client never
 * sends. Left to the default context, building it would load and start the JDK's TLS stack and read
 * the trust store first: about 50 ms of a new JVM. Asked for TLS, it throws.
 */
final class NoTlsContext extends SSLContext {
  NoTlsContext() {
    super(new NoTls(), null, "none");
  }

  private static final class NoTls extends SSLContextSpi {
    @Override
    protected void engineInit(
        KeyManager @Nullable [] keys,
        TrustManager @Nullable [] trust,
        @Nullable SecureRandom random) {}

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw noTls();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw noTls();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw noTls();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(@Nullable String host, int port) {
      throw noTls();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw noTls();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw noTls();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return new SSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return new SSLParameters();
    }

    private static UnsupportedOperationException noTls() {
      return new UnsupportedOperationException(
          "this client's endpoint is plain http: it does no TLS");
    }
  }
}
