package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fault a stateful {@link FakeAmapiServer} plays on the wire, for the next requests ({@link
 * FakeAmapiServer#faultNextRequests(int, WireFault)}) or for every request to one operation ({@link
 * FakeAmapiServer#faultRequestsTo(dev.amapi.ops.domain.OperationName, WireFault)}): the menu a
 * testing team knows from WireMock.
 *
 * <ul>
 *   <li>{@link #delay(FakeDelay)}: the real answer, late;
 *   <li>{@link #dribble(int, Duration)}: the real answer, its body sent in pieces over a time;
 *   <li>{@link #malformedChunk()}: the real status and headers, then a chunk whose size is not a
 *       number, then the connection closes;
 *   <li>{@link #emptyResponse()}: the connection closes without a byte;
 *   <li>{@link #randomDataThenClose()}: bytes that are not HTTP, then the connection closes;
 *   <li>{@link #connectionReset()}: the connection is reset (a TCP RST), no byte sent.
 * </ul>
 *
 * The first three reach the server's state (a cancel so answered did cancel); the last three do not
 * (as when a backend crashed before it got the request). On an {@code https} server, {@link
 * #malformedChunk()} and {@link #randomDataThenClose()} write their bytes outside TLS, so the
 * client sees a TLS failure rather than an HTTP one.
 *
 * <p>Immutable values with {@code equals} and {@code toString}.
 */
public final class WireFault {
  enum Kind {
    DELAY,
    DRIBBLE,
    MALFORMED_CHUNK,
    EMPTY_RESPONSE,
    RANDOM_DATA_THEN_CLOSE,
    CONNECTION_RESET
  }

  private final Kind kind;
  private final FakeDelay delay;
  private final int chunks;
  private final Duration over;

  private WireFault(Kind kind, FakeDelay delay, int chunks, Duration over) {
    this.kind = kind;
    this.delay = delay;
    this.chunks = chunks;
    this.over = over;
  }

  /**
   * Returns: the real answer, after {@code delay}. Closing the server cuts the delay short.
   *
   * @param delay how long to wait before answering
   * @return the fault
   */
  public static WireFault delay(FakeDelay delay) {
    requireNonNull(delay, "delay");
    return new WireFault(Kind.DELAY, delay, 0, Duration.ZERO);
  }

  /**
   * Returns: the real status and headers at once, then the body in {@code chunks} pieces of about
   * equal size, one every {@code over / chunks} (HTTP chunked encoding, one HTTP chunk per piece),
   * so that the whole body has arrived after {@code over}. A body shorter than {@code chunks} bytes
   * is sent a byte at a time.
   *
   * @param chunks how many pieces
   * @param over how long the body takes in all
   * @return the fault
   * @throws IllegalArgumentException if {@code chunks} is not positive or {@code over} is negative
   */
  public static WireFault dribble(int chunks, Duration over) {
    requireNonNull(over, "over");
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be positive, was " + chunks);
    }
    if (over.isNegative()) {
      throw new IllegalArgumentException("over must not be negative, was " + over);
    }
    return new WireFault(Kind.DRIBBLE, FakeDelay.NONE, chunks, over);
  }

  /**
   * Returns: the real status and headers with {@code Transfer-Encoding: chunked}, one good chunk
   * holding the first half of the body, then a chunk size that is not hexadecimal, then the
   * connection closes.
   *
   * @return the fault
   */
  public static WireFault malformedChunk() {
    return new WireFault(Kind.MALFORMED_CHUNK, FakeDelay.NONE, 0, Duration.ZERO);
  }

  /**
   * Returns: the connection closes (a FIN) without a byte of answer.
   *
   * @return the fault
   */
  public static WireFault emptyResponse() {
    return new WireFault(Kind.EMPTY_RESPONSE, FakeDelay.NONE, 0, Duration.ZERO);
  }

  /**
   * Returns: the server sends random bytes that are not HTTP (drawn from the server's random
   * source, see {@link FakeAmapiServer#randomSeed(long)}), then closes the connection.
   *
   * @return the fault
   */
  public static WireFault randomDataThenClose() {
    return new WireFault(Kind.RANDOM_DATA_THEN_CLOSE, FakeDelay.NONE, 0, Duration.ZERO);
  }

  /**
   * Returns: the server resets the connection (closes it with linger zero: a TCP RST), without a
   * byte of answer: the client sees "connection reset by peer".
   *
   * @return the fault
   */
  public static WireFault connectionReset() {
    return new WireFault(Kind.CONNECTION_RESET, FakeDelay.NONE, 0, Duration.ZERO);
  }

  Kind kind() {
    return kind;
  }

  FakeDelay delay() {
    return delay;
  }

  int chunks() {
    return chunks;
  }

  Duration over() {
    return over;
  }

  /** Whether the request reaches the state before the fault plays. */
  boolean reachesState() {
    return kind == Kind.DELAY || kind == Kind.DRIBBLE || kind == Kind.MALFORMED_CHUNK;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WireFault other
        && kind == other.kind
        && delay.equals(other.delay)
        && chunks == other.chunks
        && over.equals(other.over);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, delay, chunks, over);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DELAY -> "WireFault.delay(" + delay + ")";
      case DRIBBLE -> "WireFault.dribble(" + chunks + ", " + over + ")";
      case MALFORMED_CHUNK -> "WireFault.malformedChunk()";
      case EMPTY_RESPONSE -> "WireFault.emptyResponse()";
      case RANDOM_DATA_THEN_CLOSE -> "WireFault.randomDataThenClose()";
      case CONNECTION_RESET -> "WireFault.connectionReset()";
    };
  }
}
