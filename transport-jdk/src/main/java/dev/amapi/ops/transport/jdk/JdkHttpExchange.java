package dev.amapi.ops.transport.jdk;

import dev.amapi.ops.domain.AmapiException;
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
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Moves the binding's requests over a {@code java.net.http.HttpClient}. Thread-safe. */
final class JdkHttpExchange implements HttpExchange {
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private volatile @Nullable HttpClient client;
  private final @Nullable ExecutorService ownedExecutor;
  // What close() must end: the calls in flight, so none is left waiting on a stopped client.
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

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
    HttpClient.Builder builder = HttpClient.newBuilder();
    settings.sslContext().ifPresent(builder::sslContext);
    HttpClient client =
        builder
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
    HttpClient current = requireOpen();
    Thread caller = Thread.currentThread();
    waiting.add(caller);
    try {
      return toResponse(current.send(toJdk(request), CappedBody.of(request)));
    } catch (IOException e) {
      throw failure(request, e);
    } catch (InterruptedException e) {
      if (client == null) {
        // close() interrupted the wait (the JDK then aborts the exchange): not the caller's.
        throw TransportFailures.closedDuring(request, e);
      }
      Thread.currentThread().interrupt();
      throw TransportFailures.interrupted(request, e);
    } finally {
      waiting.remove(caller);
      if (client == null) {
        Thread.interrupted(); // an interrupt close() sent as the call was returning
      }
    }
  }

  @Override
  public CompletableFuture<RestResponse> sendAsync(RestRequest request) {
    HttpClient current = requireOpen();
    CompletableFuture<HttpResponse<CappedBody.Body>> sent =
        current.sendAsync(toJdk(request), CappedBody.of(request));
    inFlight.add(sent);
    sent.whenComplete((response, error) -> inFlight.remove(sent));
    if (client == null) {
      sent.cancel(true); // closed while this was being sent
    }
    return sent.handle(
        (response, error) -> {
          if (error != null) {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof IOException io) {
              throw failure(request, io);
            }
            if (cause instanceof CancellationException && client == null) {
              throw TransportFailures.closedDuring(request, cause);
            }
            throw error instanceof CompletionException c ? c : new CompletionException(error);
          }
          return toResponse(response);
        });
  }

  @Override
  public void close() {
    HttpClient current = client;
    client = null;
    if (current == null) {
      return;
    }
    inFlight.forEach(call -> call.cancel(true));
    waiting.forEach(Thread::interrupt);
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
