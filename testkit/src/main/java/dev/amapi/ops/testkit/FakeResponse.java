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
 * FakeAmapiServer#enqueue(FakeResponse)}: a status, headers and body, or a fault. The fault menu is
 * WireMock's: a fixed, uniform or lognormal delay ({@link #withDelay(FakeDelay)}), a body dribbled
 * in chunks ({@link #withDribble(int, Duration)}), a malformed chunk ({@link
 * #withMalformedChunk()}), an empty response ({@link #emptyResponse()}), random data then close
 * ({@link #randomDataThenClose()}), a connection reset by peer ({@link #connectionReset()}); and a
 * {@link #stall()}. A stateful server plays the same faults with {@link WireFault}.
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
    DISCONNECT,
    RANDOM_DATA_THEN_CLOSE,
    CONNECTION_RESET
  }

  private final Kind kind;
  private final int status;
  private final String contentType;
  private final byte[] body;
  private final List<Map.Entry<String, String>> headers;
  private final FakeDelay delay;
  // A dribble or a malformed chunk, played on an answer's body; null for none.
  private final @Nullable WireFault bodyFault;

  private FakeResponse(
      Kind kind,
      int status,
      String contentType,
      byte[] body,
      List<Map.Entry<String, String>> headers,
      FakeDelay delay,
      @Nullable WireFault bodyFault) {
    this.kind = kind;
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = List.copyOf(headers);
    this.delay = delay;
    this.bodyFault = bodyFault;
  }

  private FakeResponse(
      Kind kind,
      int status,
      String contentType,
      byte[] body,
      List<Map.Entry<String, String>> headers,
      Duration delay) {
    this(kind, status, contentType, body, headers, FakeDelay.fixed(delay), null);
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
   * Returns a fault: the connection closes without a byte of answer, WireMock's {@code
   * EMPTY_RESPONSE}; the same as {@link #disconnect()}, under the name a testing team looks for.
   *
   * @return the fault
   */
  public static FakeResponse emptyResponse() {
    return disconnect();
  }

  /**
   * Returns a fault: the server sends random bytes that are not HTTP (from the server's random
   * source, see {@link FakeAmapiServer#randomSeed(long)}), then closes the connection. On an {@code
   * https} server the bytes are outside TLS: the client sees a TLS failure.
   *
   * @return the fault
   */
  public static FakeResponse randomDataThenClose() {
    return new FakeResponse(
        Kind.RANDOM_DATA_THEN_CLOSE, 0, "", new byte[0], List.of(), Duration.ZERO);
  }

  /**
   * Returns a fault: the server resets the connection (closes it with linger zero, a TCP RST)
   * without a byte of answer: the client sees "connection reset by peer".
   *
   * @return the fault
   */
  public static FakeResponse connectionReset() {
    return new FakeResponse(Kind.CONNECTION_RESET, 0, "", new byte[0], List.of(), Duration.ZERO);
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
    return new FakeResponse(kind, status, contentType, body, more, delay, bodyFault);
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
    return withDelay(FakeDelay.fixed(delay));
  }

  /**
   * Returns this response answered (or its fault played) only after a delay drawn from {@code
   * delay} for it: fixed, uniform or lognormal. Closing the server cuts the delay short.
   *
   * @param delay the delay's distribution; replaces any delay set before
   * @return a new response; this one is unchanged
   */
  public FakeResponse withDelay(FakeDelay delay) {
    requireNonNull(delay, "delay");
    return new FakeResponse(kind, status, contentType, body, headers, delay, bodyFault);
  }

  /**
   * Returns this answer with its body dribbled: status and headers at once, then the body in {@code
   * chunks} HTTP chunks of about equal size, one every {@code over / chunks}, as {@link
   * WireFault#dribble(int, Duration)} describes.
   *
   * @param chunks how many pieces
   * @param over how long the body takes in all
   * @return a new response; this one is unchanged
   * @throws IllegalArgumentException if {@code chunks} is not positive or {@code over} is negative
   * @throws IllegalStateException if this is not an answer (a stall or a connection fault)
   */
  public FakeResponse withDribble(int chunks, Duration over) {
    WireFault dribble = WireFault.dribble(chunks, over);
    checkAnswer("dribbled");
    return new FakeResponse(kind, status, contentType, body, headers, delay, dribble);
  }

  /**
   * Returns this answer with a malformed chunk: its status and headers with {@code
   * Transfer-Encoding: chunked}, the first half of its body as one good chunk, then a chunk size
   * that is not hexadecimal, then the connection closes, as {@link WireFault#malformedChunk()}.
   *
   * @return a new response; this one is unchanged
   * @throws IllegalStateException if this is not an answer (a stall or a connection fault)
   */
  public FakeResponse withMalformedChunk() {
    checkAnswer("sent with a malformed chunk");
    return new FakeResponse(
        kind, status, contentType, body, headers, delay, WireFault.malformedChunk());
  }

  private void checkAnswer(String what) {
    if (kind != Kind.ANSWER) {
      throw new IllegalStateException(
          "A " + kind.name().toLowerCase(Locale.ROOT) + " has no body to be " + what);
    }
  }

  Kind kind() {
    return kind;
  }

  @Nullable WireFault bodyFault() {
    return bodyFault;
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

  FakeDelay delay() {
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
    if (!delay.isNone()) {
      out.append(", delay=").append(delay);
    }
    if (bodyFault != null) {
      out.append(", ").append(bodyFault);
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
        && delay.equals(other.delay)
        && Objects.equals(bodyFault, other.bodyFault);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        kind, status, contentType, Arrays.hashCode(body), headers, delay, bodyFault);
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
