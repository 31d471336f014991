package dev.amapi.ops.transport.jdk;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.rest.HttpExchange;
import dev.amapi.ops.rest.RestRequest;
import dev.amapi.ops.rest.RestResponse;
import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.TransportFailures;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Moves the binding's requests over a {@code java.net.http.HttpClient}. Thread-safe. */
final class JdkHttpExchange implements HttpExchange {
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private volatile @Nullable HttpClient client;
  private final @Nullable ExecutorService ownedExecutor;

  private JdkHttpExchange(HttpClient client, @Nullable ExecutorService ownedExecutor) {
    this.client = client;
    this.ownedExecutor = ownedExecutor;
  }

  static JdkHttpExchange create(RestSettings settings) {
    int id = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread =
              new Thread(runnable, "amapi-jdk-http-" + id + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    // An executor of our own, so close() can end the threads the client works on.
    ExecutorService executor = Executors.newCachedThreadPool(factory);
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            // A redirect would carry the token to another URL; the API never redirects.
            .followRedirects(HttpClient.Redirect.NEVER)
            // Over plain http (loopback only) skip the h2c upgrade headers on every request.
            .version(
                settings.endpoint().getScheme().equalsIgnoreCase("https")
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .build();
    return new JdkHttpExchange(client, executor);
  }

  static JdkHttpExchange overCallersClient(HttpClient client) {
    return new JdkHttpExchange(client, null);
  }

  @Override
  public RestResponse send(RestRequest request) {
    // Through the async path, so that one deadline bounds the whole exchange, body included.
    CompletableFuture<RestResponse> pending = sendAsync(request);
    try {
      return pending.get();
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new AmapiException(
          Status.of(Code.CANCELLED, "Interrupted while waiting for " + request), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw TransportFailures.unavailable(request, cause == null ? e : cause);
    }
  }

  @Override
  public CompletableFuture<RestResponse> sendAsync(RestRequest request) {
    HttpClient current = requireOpen();
    CompletableFuture<HttpResponse<CappedBody.Body>> inFlight =
        current.sendAsync(toJdk(request), new CappedBody(request.maxResponseBytes()));
    CompletableFuture<RestResponse> answer = new CompletableFuture<>();
    inFlight.whenComplete(
        (response, error) -> {
          if (error == null) {
            answer.complete(toResponse(response));
            return;
          }
          Throwable cause = error instanceof CompletionException ? error.getCause() : error;
          answer.completeExceptionally(
              cause instanceof IOException io ? failure(request, io) : cause);
        });
    // HttpRequest.timeout stops counting once the headers arrive; this bounds the body too.
    answer.orTimeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
    CompletableFuture<RestResponse> result =
        answer.handle(
            (response, error) -> {
              if (error == null) {
                return response;
              }
              Throwable cause =
                  error instanceof CompletionException && error.getCause() != null
                      ? error.getCause()
                      : error;
              if (cause instanceof TimeoutException timeout) {
                inFlight.cancel(true);
                throw TransportFailures.deadlineExceeded(request, timeout);
              }
              throw cause instanceof RuntimeException runtime
                  ? runtime
                  : new CompletionException(cause);
            });
    result.whenComplete(
        (response, error) -> {
          if (result.isCancelled()) {
            inFlight.cancel(true); // the caller gave up: stop the exchange too
          }
        });
    return result;
  }

  @Override
  public void close() {
    HttpClient current = client;
    client = null;
    if (current == null) {
      return;
    }
    if (ownedExecutor == null) {
      return; // the caller's client is the caller's to close
    }
    ownedExecutor.shutdownNow();
    // Java 21+ can close the client (ending its selector thread); on Java 17 it ends once the
    // client is unreachable, which dropping our reference above allows.
    if (current instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing is best effort; nothing the caller could do about it.
      }
    }
    try {
      ownedExecutor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "JdkHttpExchange{" + (ownedExecutor == null ? "caller's client" : "own client") + '}';
  }

  private HttpClient requireOpen() {
    HttpClient current = client;
    if (current == null) {
      throw TransportFailures.closed();
    }
    return current;
  }

  private static HttpRequest toJdk(RestRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
    request.headers().forEach(builder::header);
    if (request.method().equals("GET")) {
      builder.GET();
    } else {
      // An empty body with Content-Length: 0; no chunking, no encoding.
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  private static RestResponse toResponse(HttpResponse<CappedBody.Body> response) {
    CappedBody.Body body = response.body();
    return new RestResponse(
        response.statusCode(), response.headers().map(), body.bytes(), body.truncated());
  }

  private static AmapiException failure(RestRequest request, IOException e) {
    // A connect timeout means the server could not be reached: UNAVAILABLE, like a refusal.
    if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
      return TransportFailures.deadlineExceeded(request, e);
    }
    return TransportFailures.unavailable(request, e);
  }
}
