package dev.amapi.ops.transport.jdk;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads a response body up to a limit, so an endless or huge body cannot exhaust memory. */
final class CappedBody implements HttpResponse.BodyHandler<CappedBody.Body> {
  private final int limit;

  CappedBody(int limit) {
    this.limit = limit;
  }

  @Override
  public HttpResponse.BodySubscriber<Body> apply(HttpResponse.ResponseInfo info) {
    return new Subscriber(limit);
  }

  /** The bytes read, and whether more were left unread. */
  record Body(byte[] bytes, boolean truncated) {}

  private static final class Subscriber implements HttpResponse.BodySubscriber<Body> {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.@org.jspecify.annotations.Nullable Subscription subscription;

    Subscriber(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<Body> getBody() {
      return result;
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
