package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.Status;
import dev.amapi.ops.rest.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One scripted answer of a {@link FakeAmapiServer}, queued with {@link
 * FakeAmapiServer#enqueue(FakeResponse)}: a status, headers and body, or a fault (a delay, a stall,
 * a dropped connection).
 *
 * <p>Immutable and thread-safe; the {@code with} methods return new values.
 */
public final class FakeResponse {
  /** The content type of every JSON answer, as Google's servers send it. */
  public static final String JSON_CONTENT_TYPE = "application/json; charset=UTF-8";

  /** What the server does with the request. */
  enum Kind {
    ANSWER,
    STALL,
    DISCONNECT
  }

  private final Kind kind;
  private final int status;
  private final String contentType;
  private final byte[] body;
  private final List<Map.Entry<String, String>> headers;
  private final Duration delay;

  private FakeResponse(
      Kind kind,
      int status,
      String contentType,
      byte[] body,
      List<Map.Entry<String, String>> headers,
      Duration delay) {
    this.kind = kind;
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = List.copyOf(headers);
    this.delay = delay;
  }

  /**
   * Returns an answer with this HTTP status and JSON body, sent as {@value #JSON_CONTENT_TYPE}. The
   * body is sent as given, valid JSON or not.
   *
   * @param status the HTTP status
   * @param body the body, sent as UTF-8
   * @return the answer, with no delay and no extra header
   * @throws IllegalArgumentException if the status is not between 200 and 599
   */
  public static FakeResponse json(int status, String body) {
    requireNonNull(body, "body");
    return new FakeResponse(
        Kind.ANSWER,
        checkStatus(status),
        JSON_CONTENT_TYPE,
        body.getBytes(StandardCharsets.UTF_8),
        List.of(),
        Duration.ZERO);
  }

  /**
   * Returns an error answer: {@code status} in Google's error envelope ({@code {"error": {"code":
   * httpStatus, "message", "status", "details"}}}), with this HTTP status.
   *
   * @param status the error: code, message and details
   * @param httpStatus the HTTP status, also the envelope's {@code code}
   * @return the answer, with no delay and no extra header
   * @throws IllegalArgumentException if the HTTP status is not between 200 and 599
   */
  public static FakeResponse error(Status status, int httpStatus) {
    requireNonNull(status, "status");
    return new FakeResponse(
        Kind.ANSWER,
        checkStatus(httpStatus),
        JSON_CONTENT_TYPE,
        WireFormat.writeErrorEnvelope(status, httpStatus),
        List.of(),
        Duration.ZERO);
  }

  /**
   * Returns an error answer for {@code status} with its code's canonical HTTP status, such as 404
   * for {@code NOT_FOUND}.
   *
   * @param status the error: code, message and details
   * @return the answer, with no delay and no extra header
   */
  public static FakeResponse error(Status status) {
    requireNonNull(status, "status");
    return error(status, status.code().httpStatus());
  }

  /**
   * Returns an answer with any content type and body, such as a proxy's HTML error page. An empty
   * content type sends no {@code Content-Type} header.
   *
   * @param status the HTTP status
   * @param contentType the {@code Content-Type} header's value; empty for none
   * @param body the body, sent byte for byte; copied
   * @return the answer, with no delay and no extra header
   * @throws IllegalArgumentException if the status is not between 200 and 599, or the content type
   *     holds a line break
   */
  public static FakeResponse raw(int status, String contentType, byte[] body) {
    requireNonNull(contentType, "contentType");
    requireNonNull(body, "body");
    checkHeaderValue("contentType", contentType);
    return new FakeResponse(
        Kind.ANSWER, checkStatus(status), contentType, body.clone(), List.of(), Duration.ZERO);
  }

  /**
   * Returns a fault: the server reads the request and never answers, until it is closed (then it
   * drops the connection). Use it with a client timeout; closing the server ends the stall and
   * releases its thread.
   *
   * @return the fault
   */
  public static FakeResponse stall() {
    return new FakeResponse(Kind.STALL, 0, "", new byte[0], List.of(), Duration.ZERO);
  }

  /**
   * Returns a fault: the server reads the request and closes the connection without sending a byte,
   * as a crashed or restarted backend does. The client sees an I/O error, not an answer.
   *
   * @return the fault
   */
  public static FakeResponse disconnect() {
    return new FakeResponse(Kind.DISCONNECT, 0, "", new byte[0], List.of(), Duration.ZERO);
  }

  /**
   * Returns this response with one more header; a header of the same name is kept, not replaced,
   * except {@code Content-Type}, which replaces the default one.
   *
   * @param name the header's name
   * @param value the header's value
   * @return a new response; this one is unchanged
   * @throws IllegalArgumentException if the name is empty or not a token, or the value holds a line
   *     break
   * @throws IllegalStateException on a {@link #stall()} or {@link #disconnect()}, which send no
   *     headers
   */
  public FakeResponse withHeader(String name, String value) {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    if (kind != Kind.ANSWER) {
      throw new IllegalStateException(
          "A " + kind.name().toLowerCase(Locale.ROOT) + " sends no headers");
    }
    if (name.isEmpty() || !name.chars().allMatch(FakeResponse::isTokenChar)) {
      throw new IllegalArgumentException("Invalid header name \"" + name + "\"");
    }
    checkHeaderValue(name, value);
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new FakeResponse(kind, status, contentType, body, more, delay);
  }

  /**
   * Returns this response answered only after {@code delay} (for a disconnect: dropped after it).
   * Closing the server cuts the delay short.
   *
   * @param delay how long to wait before answering; replaces any delay set before
   * @return a new response; this one is unchanged
   * @throws IllegalArgumentException if the delay is negative
   */
  public FakeResponse withDelay(Duration delay) {
    requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    return new FakeResponse(kind, status, contentType, body, headers, delay);
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  byte[] body() {
    return body;
  }

  List<Map.Entry<String, String>> headers() {
    return headers;
  }

  Duration delay() {
    return delay;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("FakeResponse{");
    if (kind == Kind.ANSWER) {
      out.append(status).append(", ").append(body.length).append(" bytes");
      if (!contentType.isEmpty()) {
        out.append(", ").append(contentType);
      }
      if (!headers.isEmpty()) {
        out.append(", headers=").append(headers);
      }
    } else {
      out.append(kind.name().toLowerCase(Locale.ROOT));
    }
    if (!delay.isZero()) {
      out.append(", delay=").append(delay);
    }
    return out.append('}').toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FakeResponse other
        && kind == other.kind
        && status == other.status
        && contentType.equals(other.contentType)
        && Arrays.equals(body, other.body)
        && headers.equals(other.headers)
        && delay.equals(other.delay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, contentType, Arrays.hashCode(body), headers, delay);
  }

  private static int checkStatus(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("HTTP status must be between 200 and 599, was " + status);
    }
    return status;
  }

  private static void checkHeaderValue(String name, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("Header " + name + " must not contain a line break");
    }
  }

  private static boolean isTokenChar(int c) {
    return c > ' ' && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }
}
