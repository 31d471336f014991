package dev.amapi.ops.transport.jdk;

import dev.amapi.ops.rest.RestRequest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a response body up to a limit, so an endless or huge body cannot exhaust memory, and within
 * what is left of the request's timeout, so a body that stalls cannot hang the call: the JDK's own
 * request timeout stops counting once the headers have arrived.
 */
final class CappedBody implements HttpResponse.BodyHandler<CappedBody.Body> {
  private final int limit;
  private final Duration timeout;
  private final long startNanos = System.nanoTime();

  private CappedBody(int limit, Duration timeout) {
    this.limit = limit;
    this.timeout = timeout;
  }

  /** Returns the handler for this request's answer; the clock starts now. */
  static CappedBody of(RestRequest request) {
    return new CappedBody(request.maxResponseBytes(), request.timeout());
  }

  @Override
  public HttpResponse.BodySubscriber<Body> apply(HttpResponse.ResponseInfo info) {
    long left = timeout.toNanos() - (System.nanoTime() - startNanos);
    return new Subscriber(limit, Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)), timeout);
  }

  /** The bytes read, and whether more were left unread. */
  record Body(byte[] bytes, boolean truncated) {}

  private static final class Subscriber implements HttpResponse.BodySubscriber<Body> {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final CompletableFuture<Body> bounded;
    private volatile Flow.@Nullable Subscription subscription;

    Subscriber(int limit, long nanosLeft, Duration timeout) {
      this.limit = limit;
      result.orTimeout(nanosLeft, TimeUnit.NANOSECONDS);
      this.bounded =
          result.handle(
              (body, error) -> {
                if (error == null) {
                  return body;
                }
                Throwable cause =
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
                if (cause instanceof TimeoutException) {
                  Flow.Subscription current = subscription;
                  if (current != null) {
                    current.cancel(); // drops the connection rather than reuse a half-read one
                  }
                  // An HttpTimeoutException is what the JDK's own timeout raises: same mapping.
                  HttpTimeoutException timedOut =
                      new HttpTimeoutException("body not complete within " + timeout);
                  timedOut.initCause(cause);
                  throw new CompletionException(timedOut);
                }
                throw error instanceof CompletionException c ? c : new CompletionException(error);
              });
    }

    @Override
    public CompletionStage<Body> getBody() {
      return bounded;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        int room = limit - bytes.size();
        int take = Math.min(room, buffer.remaining());
        byte[] chunk = new byte[take];
        buffer.get(chunk);
        bytes.write(chunk, 0, take);
        if (buffer.hasRemaining()) {
          Flow.Subscription current = subscription;
          if (current != null) {
            current.cancel();
          }
          result.complete(new Body(bytes.toByteArray(), true));
          return;
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(new Body(bytes.toByteArray(), false));
    }
  }
}
