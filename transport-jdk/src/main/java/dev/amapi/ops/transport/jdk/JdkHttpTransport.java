package dev.amapi.ops.transport.jdk;

import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.spi.HttpMethod;
import dev.amapi.ops.rest.spi.HttpTransport;
import dev.amapi.ops.rest.spi.TransportRequest;
import dev.amapi.ops.rest.spi.TransportResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Moves the binding's requests over a {@code java.net.http.HttpClient}: the whole transport.
 * Thread-safe.
 *
 * <p>Each exchange goes out with {@code send()} on one of the transport's own sender threads, and
 * its answer is handed over by the body subscriber the moment the last byte is read, straight to
 * the waiting caller. {@code abort()} interrupts that sender thread (which makes the JDK end the
 * exchange on every version) and never a caller's. {@code sendAsync()} is not used: the future it
 * returns completes one hop later on the common pool, which on a two-core machine is a new thread
 * per call. {@code HttpClient} resends a {@code GET} once by itself when a connection closes before
 * any answer byte, and retries a refused connect once; no per-client setting turns that off, so the
 * server may see one extra request per attempt. The binding's attempt count and deadlines hold
 * regardless.
 */
final class JdkHttpTransport implements HttpTransport {
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  // Dropped at close: on Java 17 the client's selector thread and connections end only once the
  // client is unreachable, and the caller may keep the closed DeviceOperations around.
  private volatile @Nullable HttpClient client;
  private final @Nullable ThreadPoolExecutor ownedExecutor;
  // The threads that wait in HttpClient.send(): the transport's own, so that abort() may interrupt
  // one (which makes the JDK end the exchange, on every version) without touching a caller's.
  private final ThreadPoolExecutor senders;

  private JdkHttpTransport(HttpClient client, @Nullable ThreadPoolExecutor ownedExecutor) {
    this.client = client;
    this.ownedExecutor = ownedExecutor;
    int id = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.senders =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "amapi-jdk-send-" + id + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  static JdkHttpTransport create(RestSettings settings) {
    int id = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    // A bounded pool of our own: the client's tasks never block, so a few threads serve any number
    // of callers, and close() can end them.
    int size = Math.max(2, Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            size,
            size,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "amapi-jdk-http-" + id + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    boolean https = settings.endpoint().getScheme().equalsIgnoreCase("https");
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            // A redirect would carry the token to another URL; the API never redirects.
            .followRedirects(HttpClient.Redirect.NEVER)
            // Over plain http (loopback only) skip the h2c upgrade headers on every request.
            .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .executor(executor);
    if (settings.sslContext().isPresent()) {
      builder.sslContext(settings.sslContext().get());
    } else if (!https) {
      // Every request goes to the endpoint and never redirects: no TLS to set up.
      builder.sslContext(new NoTlsContext());
    }
    settings.proxy().ifPresent(builder::proxy);
    return new JdkHttpTransport(builder.build(), executor);
  }

  static JdkHttpTransport overCallersClient(HttpClient client) {
    return new JdkHttpTransport(client, null);
  }

  @Override
  public Exchange prepare(TransportRequest request) {
    return new JdkExchange(request);
  }

  @Override
  public void close() {
    HttpClient current = client;
    if (current == null) {
      return;
    }
    client = null;
    // Graceful shutdowns, not shutdownNow(): the binding aborted every exchange already, and a
    // client task still queued (the step that tells the client an exchange is over) must run, or
    // the Java 17 client counts that exchange as pending forever and never lets its connections go.
    senders.shutdown();
    ThreadPoolExecutor executor = ownedExecutor;
    if (executor == null) {
      return; // the caller's client is the caller's to close
    }
    // Java 21+ can end the client's selector thread and connections now; its shutdownNow() does
    // not wait for exchanges (the binding aborted them already). On Java 17 they end once the
    // client is unreachable and has no exchange pending: keep no reference to it beyond this
    // transport's, and let its queued tasks run.
    try {
      Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
      shutdownNow.invoke(current);
    } catch (ReflectiveOperationException e) {
      // Java 17: no such method.
    }
    executor.shutdown();
  }

  @Override
  public String toString() {
    return "JdkHttpTransport{" + (ownedExecutor == null ? "caller's client" : "own client") + '}';
  }

  /** One exchange: the answer comes through {@link #answer}, completed by the body subscriber. */
  private final class JdkExchange implements Exchange, HttpResponse.BodyHandler<Void> {
    private final TransportRequest request;
    private final CompletableFuture<TransportResponse> answer = new CompletableFuture<>();
    private volatile @Nullable Future<?> sent;

    JdkExchange(TransportRequest request) {
      this.request = request;
    }

    @Override
    public TransportResponse call() {
      HttpClient current = client;
      if (current == null) {
        throw new IllegalStateException("The transport is closed");
      }
      HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri());
      request.headers().forEach(builder::header);
      if (request.method() == HttpMethod.GET) {
        builder.GET();
      } else {
        // The body with its Content-Length (0 when empty); no chunking, no encoding.
        byte[] body = request.body();
        builder.method(
            request.method().name(),
            body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
      }
      HttpRequest jdk = builder.build();
      // send(), not sendAsync(): the future sendAsync() returns completes one hop later on the
      // common pool, which on a two-core machine is a new thread per call. The answer itself comes
      // through the body subscriber, on the client's thread, straight to the waiting caller.
      Future<?> pending;
      try {
        pending =
            senders.submit(
                () -> {
                  try {
                    current.send(jdk, this);
                  } catch (IOException e) {
                    answer.completeExceptionally(e);
                  } catch (InterruptedException e) {
                    answer.completeExceptionally(new InterruptedIOException("aborted"));
                  } catch (RuntimeException | Error e) {
                    answer.completeExceptionally(e);
                  }
                });
      } catch (RejectedExecutionException e) {
        throw new IllegalStateException("The transport is closed", e);
      }
      sent = pending;
      if (answer.isDone()) {
        pending.cancel(true); // aborted while it was being sent
      }
      try {
        return answer.get();
      } catch (InterruptedException e) {
        abort();
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new InterruptedIOException("interrupted"));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
          throw new UncheckedIOException(io);
        }
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new UncheckedIOException(new IOException(cause));
      }
    }

    @Override
    public void abort() {
      answer.completeExceptionally(new IOException("aborted"));
      Future<?> pending = sent;
      if (pending != null) {
        pending.cancel(true); // interrupts our sender: the JDK then ends the exchange
      }
    }

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
      return new CappedBody(info);
    }

    /** Reads the body up to the cap, then hands the whole answer to the waiting caller. */
    private final class CappedBody implements HttpResponse.BodySubscriber<Void> {
      private final HttpResponse.ResponseInfo info;
      private final CompletableFuture<Void> done = new CompletableFuture<>();
      private byte[] bytes;
      private int length;
      private volatile Flow.@Nullable Subscription subscription;

      CappedBody(HttpResponse.ResponseInfo info) {
        this.info = info;
        // Sized by Content-Length when the server says it (the API does): one array, no growth.
        long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
        this.bytes =
            new byte
                [declared >= 0 && declared <= request.maxResponseBytes()
                    ? (int) declared
                    : Math.min(512, request.maxResponseBytes())];
      }

      @Override
      public CompletionStage<Void> getBody() {
        return done;
      }

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (answer.isDone()) {
          subscription.cancel(); // aborted before the body began
          return;
        }
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<ByteBuffer> buffers) {
        if (answer.isDone()) {
          cancelSubscription(); // aborted: stop reading, drop the connection
          return;
        }
        int limit = request.maxResponseBytes();
        for (ByteBuffer buffer : buffers) {
          int take = Math.min(limit - length, buffer.remaining());
          if (length + take > bytes.length) {
            bytes =
                Arrays.copyOf(
                    bytes, Math.max(length + take, (int) Math.min(limit, bytes.length * 2L)));
          }
          buffer.get(bytes, length, take);
          length += take;
          if (buffer.hasRemaining()) {
            cancelSubscription(); // more than the cap: read no further
            finish(true);
            return;
          }
        }
      }

      @Override
      public void onError(Throwable throwable) {
        done.completeExceptionally(throwable);
        answer.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {
        finish(false);
      }

      private void finish(boolean truncated) {
        answer.complete(
            TransportResponse.of(
                info.statusCode(), info.headers().map(), bytes, length, truncated));
        done.complete(null);
      }

      private void cancelSubscription() {
        Flow.Subscription current = subscription;
        if (current != null) {
          current.cancel();
        }
      }
    }
  }
}
