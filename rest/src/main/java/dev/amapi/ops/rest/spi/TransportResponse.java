package dev.amapi.ops.rest.spi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP response as a transport hands it back: the status, the headers as the library gave them,
 * and the body read up to the request's cap. Made once per exchange and read once by the binding,
 * so it takes what the transport hands it without copying.
 */
public final class TransportResponse {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final int bodyLength;
  private final boolean truncated;

  private TransportResponse(
      int statusCode,
      Map<String, List<String>> headers,
      byte[] body,
      int bodyLength,
      boolean truncated) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
    this.bodyLength = bodyLength;
    this.truncated = truncated;
  }

  /**
   * Returns a response. The response keeps {@code headers} and {@code body} as they are: the
   * transport hands them over and does not change them afterwards.
   *
   * @param statusCode the HTTP status, 100 to 599
   * @param headers header names to values; names in any case (lookups ignore it)
   * @param body the array holding the body bytes
   * @param bodyLength how many bytes of {@code body}, from its start, are the body
   * @param truncated whether the body was longer than the request's cap and was cut
   * @return the response
   * @throws IllegalArgumentException if the status is out of range or the length does not fit
   */
  public static TransportResponse of(
      int statusCode,
      Map<String, List<String>> headers,
      byte[] body,
      int bodyLength,
      boolean truncated) {
    if (statusCode < 100 || statusCode > 599) {
      throw new IllegalArgumentException("HTTP status out of range: " + statusCode);
    }
    requireNonNull(headers, "headers");
    if (bodyLength < 0 || bodyLength > body.length) {
      throw new IllegalArgumentException(
          "bodyLength " + bodyLength + " does not fit an array of " + body.length);
    }
    return new TransportResponse(statusCode, headers, body, bodyLength, truncated);
  }

  /**
   * Reads a body from a stream up to the request's cap: the one read loop every transport whose
   * library hands over a blocking stream shares. It reads at most one byte past the cap, to learn
   * whether there was more; then the response is {@link #truncated()}, and the transport should
   * drop the connection rather than close the stream (which would read the rest) — call {@code
   * abort} on its library's request before the stream is closed.
   *
   * @param statusCode the HTTP status, 100 to 599
   * @param headers header names to values, as the library gave them
   * @param body the body stream; left open for the caller to close
   * @param declaredLength the {@code Content-Length}, or -1 when unknown: sizes the array once
   * @param maxResponseBytes the request's cap
   * @return the response, its body cut at the cap
   * @throws UncheckedIOException if reading fails, as {@link HttpTransport.Exchange#call()} throws
   */
  public static TransportResponse read(
      int statusCode,
      Map<String, List<String>> headers,
      InputStream body,
      long declaredLength,
      int maxResponseBytes) {
    int limit = maxResponseBytes;
    byte[] bytes =
        new byte[declaredLength >= 0 && declaredLength <= limit ? (int) declaredLength + 1 : 512];
    int length = 0;
    while (length <= limit) {
      if (length == bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min((long) limit + 1, bytes.length * 2L));
      }
      int read;
      try {
        read = body.read(bytes, length, bytes.length - length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (read < 0) {
        break;
      }
      length += read;
    }
    boolean truncated = length > limit;
    return of(statusCode, headers, bytes, truncated ? limit : length, truncated);
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status code, such as 200 or 503
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the first value of a header, whatever the case of its name.
   *
   * @param name the header name
   * @return its first value, or empty if the response has no such header
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    if (values == null) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
          values = header.getValue();
          break;
        }
      }
    }
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns a copy of the body bytes.
   *
   * @return the body, at most the request's {@code maxResponseBytes}
   */
  public byte[] body() {
    return Arrays.copyOf(body, bodyLength);
  }

  /**
   * Returns the array holding the body, without copying: for the binding's decoder. Bytes {@code 0}
   * to {@link #bodyLength()} are the body; do not change them.
   *
   * @return the transport's array
   */
  public byte[] bodyArray() {
    return body;
  }

  /**
   * Returns the length of the body kept.
   *
   * @return how many bytes of {@link #bodyArray()} are the body
   */
  public int bodyLength() {
    return bodyLength;
  }

  /**
   * Returns whether the body was cut at the request's cap.
   *
   * @return true if the server sent more than {@code maxResponseBytes}
   */
  public boolean truncated() {
    return truncated;
  }

  /** Returns the status and body size; never a header value. */
  @Override
  public String toString() {
    return "TransportResponse{"
        + statusCode
        + ", "
        + bodyLength
        + " bytes"
        + (truncated ? " (truncated)" : "")
        + '}';
  }
}
