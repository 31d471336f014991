package dev.amapi.ops.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The baseline of amapi-ops's OkHttp transport: an {@link OkHttpClient} used directly, with retries
 * and redirects off, HTTP/1.1 over plain http (as the transport does), 10 s timeouts, and {@code
 * accept-encoding: identity} (the transport sends it so OkHttp does not gzip behind the SDK's
 * back). It sends what amapi-ops sends: {@code POST {endpoint}v1/{name}:cancel} with an empty body
 * ({@code Content-Length: 0}), or {@code GET {endpoint}v1/{name}}, with the same four headers; the
 * answer is read whole as bytes and its status must be 200. Nothing is parsed.
 */
final class RawOkHttpClient implements OperationClient {
  private static final byte[] NO_BYTES = new byte[0];
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OkHttpClient client;
  private final URI cancel;
  private final URI get;

  private RawOkHttpClient(OkHttpClient client, URI cancel, URI get) {
    this.client = client;
    this.cancel = cancel;
    this.get = get;
  }

  static OperationClient open(URI endpoint, String operationName, @Nullable SSLContext tls) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .connectTimeout(TIMEOUT)
            .readTimeout(TIMEOUT);
    if (tls == null) {
      builder.protocols(List.of(Protocol.HTTP_1_1));
    } else {
      builder.sslSocketFactory(tls.getSocketFactory(), defaultTrustManager());
    }
    return new RawOkHttpClient(
        builder.build(),
        RawHeaders.cancel(endpoint, operationName),
        RawHeaders.get(endpoint, operationName));
  }

  @Override
  public void cancel() {
    send(new Request.Builder().url(cancel.toString()).post(RequestBody.create(NO_BYTES)));
  }

  @Override
  public Object get() {
    return send(new Request.Builder().url(get.toString()).get());
  }

  private byte[] send(Request.Builder request) {
    request
        .header("authorization", RawHeaders.AUTHORIZATION)
        .header("accept", RawHeaders.ACCEPT)
        .header("user-agent", RawHeaders.USER_AGENT)
        .header("x-goog-api-client", RawHeaders.API_CLIENT)
        .header("accept-encoding", "identity");
    try (Response response = client.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? NO_BYTES : body.bytes();
      RawHeaders.checkOk(response.code(), get);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** The platform's trust manager: OkHttp needs one beside a socket factory, for chain cleaning. */
  private static X509TrustManager defaultTrustManager() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509TrustManager in the platform's defaults");
    } catch (NoSuchAlgorithmException | KeyStoreException e) {
      throw new IllegalStateException(e);
    }
  }
}
