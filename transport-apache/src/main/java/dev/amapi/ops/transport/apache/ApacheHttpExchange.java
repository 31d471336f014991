package dev.amapi.ops.transport.apache;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.rest.HttpExchange;
import dev.amapi.ops.rest.RestRequest;
import dev.amapi.ops.rest.RestResponse;
import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.TransportFailures;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/** Moves the binding's requests over an Apache HttpClient 5 async client. Thread-safe. */
final class ApacheHttpExchange implements HttpExchange {
  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final TimeValue SHUTDOWN_WAIT = TimeValue.ofSeconds(1);
  private static final TimeValue START_WAIT = TimeValue.ofSeconds(1);

  private volatile @Nullable CloseableHttpAsyncClient client;
  private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
  private final boolean owned;

  private ApacheHttpExchange(CloseableHttpAsyncClient client, boolean owned) {
    this.client = client;
    this.owned = owned;
  }

  static ApacheHttpExchange create(RestSettings settings, int maxConnections) {
    int id = CLIENTS.incrementAndGet();
    int ioThreads = Runtime.getRuntime().availableProcessors();
    // The I/O threads, and the one that starts them.
    CountDownLatch running = new CountDownLatch(ioThreads + 1);
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread =
              new Thread(
                  () -> {
                    running.countDown();
                    runnable.run();
                  },
                  "amapi-apache-http-" + id + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    CloseableHttpAsyncClient client =
        HttpAsyncClients.custom()
            .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(ioThreads).build())
            .setConnectionManager(
                tls(PoolingAsyncClientConnectionManagerBuilder.create(), settings)
                    .setMaxConnTotal(maxConnections)
                    .setMaxConnPerRoute(maxConnections)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                            .build())
                    .build())
            // The SDK's RetryPolicy is the only source of retries.
            .disableAutomaticRetries()
            // A redirect would carry the token to another URL; the API never redirects.
            .disableRedirectHandling()
            .disableCookieManagement()
            .setThreadFactory(factory)
            .build();
    client.start();
    // start() only hands the start to a thread: wait, so that a built client is running (and
    // every thread it will ever have exists) before the caller sees it.
    try {
      running.await(START_WAIT.toMilliseconds(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new ApacheHttpExchange(client, true);
  }

  private static PoolingAsyncClientConnectionManagerBuilder tls(
      PoolingAsyncClientConnectionManagerBuilder pool, RestSettings settings) {
    settings
        .sslContext()
        .ifPresent(
            context ->
                pool.setTlsStrategy(
                    ClientTlsStrategyBuilder.create().setSslContext(context).build()));
    return pool;
  }

  static ApacheHttpExchange overCallersClient(CloseableHttpAsyncClient client) {
    return new ApacheHttpExchange(client, false);
  }

  @Override
  public RestResponse send(RestRequest request) {
    CompletableFuture<RestResponse> pending = sendAsync(request);
    try {
      return pending.get();
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw TransportFailures.interrupted(request, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw TransportFailures.unavailable(request, cause);
    }
  }

  @Override
  public CompletableFuture<RestResponse> sendAsync(RestRequest request) {
    CloseableHttpAsyncClient current = requireOpen();
    CompletableFuture<RestResponse> answer = new CompletableFuture<>();
    Future<RestResponse> sent;
    try {
      sent =
          current.execute(
              new BasicRequestProducer(toApache(request), body(request)),
              new CappedBody(request.maxResponseBytes()),
              null,
              context(request),
              new FutureCallback<>() {
                @Override
                public void completed(RestResponse response) {
                  answer.complete(response);
                }

                @Override
                public void failed(Exception cause) {
                  answer.completeExceptionally(failure(request, cause));
                }

                @Override
                public void cancelled() {
                  // Not the caller's cancel (that completes the future first): the client's own,
                  // as when it is shut down under the request.
                  answer.completeExceptionally(
                      TransportFailures.unavailable(
                          request, new CancellationException("The HTTP client cancelled it")));
                }
              });
    } catch (RuntimeException e) {
      // A client that is not running throws rather than fail the future.
      return CompletableFuture.failedFuture(TransportFailures.unavailable(request, e));
    }
    // Tracked so that close() ends it rather than leave it to a client shutting down.
    InFlight call = new InFlight(request, answer, sent);
    inFlight.add(call);
    answer.whenComplete((response, error) -> inFlight.remove(call));
    if (client == null) {
      call.endAsClosed(); // closed while this was being sent
    }
    // The response timeout bounds the silences; this bounds the whole exchange.
    answer.orTimeout(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    CompletableFuture<RestResponse> result =
        answer.handle(
            (response, error) -> {
              if (error == null) {
                return response;
              }
              if (error instanceof TimeoutException) {
                sent.cancel(true);
                throw TransportFailures.deadlineExceeded(
                    request,
                    new TimeoutException(
                        "The exchange took longer than "
                            + request.timeout()
                            + " and was cancelled"));
              }
              throw error instanceof CompletionException c ? c : new CompletionException(error);
            });
    result.whenComplete(
        (response, error) -> {
          if (result.isCancelled()) {
            sent.cancel(true);
            answer.cancel(true);
          }
        });
    return result;
  }

  @Override
  public void close() {
    CloseableHttpAsyncClient current = client;
    client = null;
    if (current == null) {
      return; // closed already
    }
    inFlight.forEach(InFlight::endAsClosed);
    if (!owned) {
      return; // the caller's client is the caller's to close
    }
    current.initiateShutdown();
    try {
      current.awaitShutdown(SHUTDOWN_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Whatever did not end gracefully (a stalled exchange) is cut now, so no thread survives.
    current.close(CloseMode.IMMEDIATE);
    try {
      current.awaitShutdown(SHUTDOWN_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ApacheHttpExchange{" + (owned ? "own client" : "caller's client") + '}';
  }

  /** A call not yet answered: what close() must end. */
  private record InFlight(
      RestRequest request, CompletableFuture<RestResponse> answer, Future<RestResponse> sent) {
    void endAsClosed() {
      answer.completeExceptionally(TransportFailures.closedDuring(request, null));
      sent.cancel(true);
    }
  }

  private CloseableHttpAsyncClient requireOpen() {
    CloseableHttpAsyncClient current = client;
    if (current == null) {
      throw TransportFailures.closed();
    }
    return current;
  }

  private static BasicHttpRequest toApache(RestRequest request) {
    BasicHttpRequest apache = new BasicHttpRequest(request.method(), request.uri());
    request.headers().forEach(apache::addHeader);
    return apache;
  }

  private static @Nullable AsyncEntityProducer body(RestRequest request) {
    // A POST goes out with an empty entity of known length: Content-Length: 0, no chunking.
    return request.method().equals("GET") ? null : AsyncEntityProducers.create(new byte[0], null);
  }

  private static HttpClientContext context(RestRequest request) {
    Timeout timeout = Timeout.of(request.timeout());
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(
        RequestConfig.custom()
            .setResponseTimeout(timeout)
            .setConnectionRequestTimeout(timeout)
            // Also for a caller's client: a redirect would carry the token elsewhere.
            .setRedirectsEnabled(false)
            .build());
    return context;
  }

  private static AmapiException failure(RestRequest request, Exception cause) {
    // A connect timeout means the server could not be reached: UNAVAILABLE, like a refusal.
    if (cause instanceof ConnectTimeoutException) {
      return TransportFailures.unavailable(request, cause);
    }
    if (cause instanceof SocketTimeoutException
        || cause instanceof ConnectionRequestTimeoutException
        || cause instanceof TimeoutException) {
      return TransportFailures.deadlineExceeded(request, cause);
    }
    if (cause instanceof AmapiException amapi) {
      return amapi;
    }
    // Refused, reset, closed, TLS, and anything else the library raises: no answer came.
    return TransportFailures.unavailable(request, cause);
  }
}
