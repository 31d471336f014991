package dev.amapi.ops.transport.apache;

import dev.amapi.ops.rest.RestResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * Reads a response up to a body limit, so an endless or huge body cannot exhaust memory. Past the
 * limit it hands back what it has, marked truncated, and aborts the exchange, so the rest is never
 * read and the connection is not reused.
 *
 * <p>One per request. The client calls it from one I/O thread at a time.
 */
final class CappedBody implements AsyncResponseConsumer<RestResponse> {
  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private volatile @Nullable HttpResponse head;
  private volatile @Nullable FutureCallback<RestResponse> result;

  CappedBody(int limit) {
    this.limit = limit;
  }

  @Override
  public void consumeResponse(
      HttpResponse response,
      @Nullable EntityDetails entityDetails,
      HttpContext context,
      FutureCallback<RestResponse> resultCallback) {
    head = response;
    if (entityDetails == null) {
      resultCallback.completed(toResponse(response, false));
    } else {
      result = resultCallback;
    }
  }

  @Override
  public void informationResponse(HttpResponse response, HttpContext context) {
    // A 1xx answer is not the answer; the final one follows.
  }

  @Override
  public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
    // The limit, not flow control, bounds what is kept.
    capacityChannel.update(Integer.MAX_VALUE);
  }

  @Override
  public void consume(ByteBuffer src) throws IOException {
    FutureCallback<RestResponse> callback = result;
    HttpResponse response = head;
    if (callback == null || response == null) {
      return; // already answered
    }
    int take = Math.min(limit - bytes.size(), src.remaining());
    byte[] chunk = new byte[take];
    src.get(chunk);
    bytes.write(chunk, 0, take);
    if (src.hasRemaining()) {
      result = null;
      callback.completed(toResponse(response, true));
      // Failing the exchange stops the reading and drops the connection, whose unread rest
      // would otherwise arrive before the next answer.
      throw new BodyLimitReached(limit);
    }
  }

  @Override
  public void streamEnd(@Nullable List<? extends Header> trailers) {
    FutureCallback<RestResponse> callback = result;
    HttpResponse response = head;
    result = null;
    if (callback != null && response != null) {
      callback.completed(toResponse(response, false));
    }
  }

  @Override
  public void failed(Exception cause) {
    FutureCallback<RestResponse> callback = result;
    result = null;
    if (callback != null) {
      callback.failed(cause);
    }
  }

  @Override
  public void releaseResources() {
    result = null;
  }

  private RestResponse toResponse(HttpResponse response, boolean truncated) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      headers
          .computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(header.getValue() == null ? "" : header.getValue());
    }
    return new RestResponse(response.getCode(), headers, bytes.toByteArray(), truncated);
  }

  /** Ends an exchange whose body is longer than the limit; never reaches the caller. */
  static final class BodyLimitReached extends IOException {
    private static final long serialVersionUID = 1L;

    BodyLimitReached(int limit) {
      super("Response body is longer than " + limit + " bytes; the rest was not read");
    }
  }
}
