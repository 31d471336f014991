package dev.amapi.ops.transport.okhttp;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.spi.HttpMethod;
import dev.amapi.ops.rest.spi.HttpTransport;
import dev.amapi.ops.rest.spi.TransportRequest;
import dev.amapi.ops.rest.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the OkHttp transport: builds a {@link DeviceOperations} client over OkHttp 5.
 *
 * <pre>{@code
 * DeviceOperations ops = OkHttpOperations.builder()
 *     .tokenSource(tokens)
 *     .requestTimeout(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 *
 * <p>The client is thread-safe and meant to be shared: build one per process. The SDK's own OkHttp
 * client follows no redirects (a redirect would carry the token elsewhere), makes no retries of its
 * own (the {@link dev.amapi.ops.rest.RetryPolicy} decides), keeps no cookies, asks for no
 * compression, and follows the standard proxy system properties unless {@code proxy(...)} says
 * otherwise. A sync call runs on the caller's thread; async calls run on the builder's {@code
 * executor} (by default the client's own daemon threads). Closing the {@link DeviceOperations}
 * closes every pooled connection.
 */
public final class OkHttpOperations {
  private OkHttpOperations() {}

  /**
   * Returns a builder with the defaults of {@link RestSettings}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an OkHttp-backed client; see {@link DeviceOperationsBuilder} for the shared settings.
   * Not thread-safe; the client it builds is.
   */
  public static final class Builder extends DeviceOperationsBuilder<Builder> {
    private @Nullable OkHttpClient httpClient;

    private Builder() {}

    /**
     * Uses the caller's own {@code OkHttpClient} instead of one the SDK creates. The caller keeps
     * it and shuts it down; the SDK's {@code close()} leaves it alone. The SDK's requests go
     * through a client derived from it, sharing its connection pool, dispatcher, timeouts, TLS,
     * proxy and interceptors, but which follows no redirects, retries nothing by itself, and uses
     * no cookie jar and no cache.
     *
     * @param httpClient the caller's client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Returns the transport: over the caller's client if one was given, else over a client of its
     * own.
     *
     * @param settings the settings the builder collected
     * @return the transport
     */
    @Override
    protected HttpTransport newTransport(RestSettings settings) {
      OkHttpClient callers = httpClient;
      return callers == null
          ? OkHttpTransport.create(settings)
          : OkHttpTransport.overCallersClient(callers);
    }

    /**
     * Returns this builder.
     *
     * @return this builder
     */
    @Override
    protected Builder self() {
      return this;
    }
  }

  /**
   * Moves the binding's requests over OkHttp's blocking {@code Call.execute()}: the whole
   * transport. Thread-safe. An exchange is aborted by cancelling its call, which closes its socket
   * (or resets its HTTP/2 stream) under the blocked read.
   */
  private static final class OkHttpTransport implements HttpTransport {
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final byte[] NO_BYTES = new byte[0];

    private final OkHttpClient client;
    private final boolean owned;
    private volatile boolean closed;

    private OkHttpTransport(OkHttpClient client, boolean owned) {
      this.client = client;
      this.owned = owned;
    }

    static OkHttpTransport create(RestSettings settings) {
      int clientNumber = CLIENTS.incrementAndGet();
      AtomicInteger threads = new AtomicInteger();
      // Only enqueue() would use it, and the SDK calls execute(): it stays empty, but if it ever
      // runs a thread, that thread is a daemon named after this client, and close() ends it.
      ExecutorService executor =
          new ThreadPoolExecutor(
              0,
              Integer.MAX_VALUE,
              60,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              runnable -> {
                Thread thread =
                    new Thread(
                        runnable, "amapi-okhttp-" + clientNumber + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      OkHttpClient.Builder builder =
          noneBehindTheSdksBack(new OkHttpClient.Builder())
              .dispatcher(new Dispatcher(executor))
              .connectionPool(new ConnectionPool())
              .connectTimeout(settings.connectTimeout())
              // The binding owns time: it aborts an exchange whose attempt or call is out of time.
              .readTimeout(Duration.ZERO)
              .writeTimeout(Duration.ZERO)
              .callTimeout(Duration.ZERO)
              // The standard proxy system properties, as the JDK's client follows them.
              .proxySelector(settings.proxy().orElseGet(ProxySelector::getDefault));
      if (settings.endpoint().getScheme().toLowerCase(Locale.ROOT).equals("http")) {
        // Plain http is for a loopback test server only: HTTP/1.1, as the other transports speak.
        builder.protocols(List.of(Protocol.HTTP_1_1));
      }
      SSLContext context = settings.sslContext().orElse(null);
      if (context != null) {
        // The context decides trust. OkHttp also wants a trust manager, only to clean the chain
        // for certificate pinning, which the SDK does not use: the platform's default one does.
        // Hostnames are still verified, by OkHttp's default HostnameVerifier.
        builder.sslSocketFactory(context.getSocketFactory(), platformTrustManager());
      }
      return new OkHttpTransport(builder.build(), true);
    }

    static OkHttpTransport overCallersClient(OkHttpClient callers) {
      // Shares the caller's pool and dispatcher; only the SDK's requests get these settings.
      return new OkHttpTransport(noneBehindTheSdksBack(callers.newBuilder()).build(), false);
    }

    /** Switches off what OkHttp would do on its own: the binding decides all of it. */
    private static OkHttpClient.Builder noneBehindTheSdksBack(OkHttpClient.Builder builder) {
      return builder
          // The SDK's RetryPolicy is the only source of retries.
          .retryOnConnectionFailure(false)
          // A redirect would carry the token to another URL; the API never redirects.
          .followRedirects(false)
          .followSslRedirects(false)
          .cookieJar(CookieJar.NO_COOKIES)
          // An operation's state changes under the API: never answer a read from a cache.
          .cache(null);
    }

    private static X509TrustManager platformTrustManager() {
      try {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
          if (manager instanceof X509TrustManager x509) {
            return x509;
          }
        }
        throw new IllegalStateException("The platform has no X509TrustManager");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("The platform's trust manager is unavailable", e);
      }
    }

    @Override
    public Exchange prepare(TransportRequest request) {
      return new OkHttpExchange(request);
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (owned) {
        // Cancelling closes the sockets of the calls in flight, so they end at once; the binding
        // has aborted its own exchanges already. None of it blocks or interrupts a caller.
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdownNow(); // only this client's own threads
        client.connectionPool().evictAll();
      }
    }

    @Override
    public String toString() {
      return "OkHttpTransport{" + (owned ? "own client" : "caller's client") + '}';
    }

    private final class OkHttpExchange implements Exchange {
      private final TransportRequest request;
      // Made now, so that an abort() before call() cancels it and execute() throws at once.
      private final Call call;

      OkHttpExchange(TransportRequest request) {
        this.request = request;
        Request.Builder okhttp = new Request.Builder().url(request.uri().toString());
        request.headers().forEach(okhttp::addHeader);
        if (!request.headers().containsKey("accept-encoding")) {
          // Else OkHttp asks for gzip and unzips behind the binding's back.
          okhttp.header("accept-encoding", "identity");
        }
        if (request.method() == HttpMethod.POST) {
          // A body of known length (0 when empty), its type in the headers: no chunking.
          byte[] body = request.body();
          okhttp.post(RequestBody.create(body.length == 0 ? NO_BYTES : body, null));
        } else {
          okhttp.get();
        }
        this.call = client.newCall(okhttp.build());
      }

      @Override
      public TransportResponse call() {
        if (closed) {
          throw new IllegalStateException("The transport is closed");
        }
        try (Response response = call.execute()) {
          return read(response);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          if (Thread.currentThread().isInterrupted()) {
            call.cancel();
          }
          if (closed && owned) {
            // A call that raced close() may have pooled a connection after the eviction.
            client.connectionPool().evictAll();
          }
        }
      }

      @Override
      public void abort() {
        call.cancel();
      }

      private TransportResponse read(Response response) throws IOException {
        ResponseBody body = response.body();
        try (InputStream in = body.byteStream()) {
          TransportResponse answer =
              TransportResponse.read(
                  response.code(),
                  response.headers().toMultimap(),
                  in,
                  body.contentLength(),
                  request.maxResponseBytes());
          if (answer.truncated()) {
            // More than the cap: drop the connection now. Closing the body unread would make
            // OkHttp try to drain the rest first, for up to 100 ms, on a watchdog thread.
            call.cancel();
          }
          return answer;
        }
      }
    }
  }
}
