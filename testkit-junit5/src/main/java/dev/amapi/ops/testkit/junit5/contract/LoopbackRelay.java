package dev.amapi.ops.testkit.junit5.contract;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A TCP peer on loopback that sees connections as the client opens and closes them, which no HTTP
 * server shows: it either relays each connection to a target (counting the ones open), resets each
 * one with a TCP RST once the request has started arriving (at once or after a delay), closes each
 * one without a byte, answers with a body that never ends, or dribbles a body a byte at a time. It
 * counts the connections clients opened.
 *
 * <p>Its threads are daemons named {@code amapi-fake-relay-N}; {@link #close()} ends them.
 */
final class LoopbackRelay implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final byte[] ENDLESS_HEAD =
      """
      HTTP/1.1 200 OK\r
      Content-Type: application/json; charset=UTF-8\r
      Content-Length: 1073741824\r
      \r
      """
          .getBytes(StandardCharsets.US_ASCII);
  private static final int ENDLESS_BODY_SENT = 64 * 1024;
  private static final byte[] DRIBBLE_HEAD =
      """
      HTTP/1.1 200 OK\r
      Content-Type: application/json; charset=UTF-8\r
      Content-Length: 1024\r
      \r
      """
          .getBytes(StandardCharsets.US_ASCII);

  /** What the peer does with each connection it accepts. */
  private enum Mode {
    RELAY,
    RESET,
    CLOSE,
    ENDLESS_BODY,
    DRIBBLE
  }

  private final ServerSocket listener;
  private final Mode mode;
  private final @Nullable InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Duration delay;

  private LoopbackRelay(Mode mode, @Nullable InetSocketAddress target) {
    this(mode, target, Duration.ZERO);
  }

  private LoopbackRelay(Mode mode, @Nullable InetSocketAddress target, Duration delay) {
    this.delay = delay;
    try {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.mode = mode;
    this.target = target;
    start(this::accept);
  }

  /** Returns a relay to the server behind {@code endpoint}. */
  static LoopbackRelay to(URI endpoint) {
    return new LoopbackRelay(
        Mode.RELAY, new InetSocketAddress(endpoint.getHost(), endpoint.getPort()));
  }

  /** Returns a peer that resets every connection once the client has sent something. */
  static LoopbackRelay resettingEveryConnection() {
    return new LoopbackRelay(Mode.RESET, null);
  }

  /**
   * Returns a peer that resets every connection with a TCP RST {@code after} the request started
   * arriving, having sent nothing.
   */
  static LoopbackRelay resettingEveryConnection(Duration after) {
    return new LoopbackRelay(Mode.RESET, null, after);
  }

  /**
   * Returns a peer that closes every connection (FIN) once the request arrived, sending nothing.
   */
  static LoopbackRelay closingEveryConnection() {
    return new LoopbackRelay(Mode.CLOSE, null);
  }

  /**
   * Returns a peer that answers every request with a 200 announcing a 1 KiB body and then sends it
   * one byte every {@code every}: an answer that is always coming and never done.
   */
  static LoopbackRelay dribbling(Duration every) {
    return new LoopbackRelay(Mode.DRIBBLE, null, every);
  }

  /**
   * Returns a peer that answers every request with a 200 announcing a 1 GiB JSON body, sends the
   * first 64 KiB of it (spaces), then sends nothing more until the client hangs up.
   */
  static LoopbackRelay answeringWithAnEndlessBody() {
    return new LoopbackRelay(Mode.ENDLESS_BODY, null);
  }

  /** Returns the endpoint clients connect to. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
  }

  /** Returns how many connections clients opened to the peer so far. */
  int acceptedConnections() {
    return accepted.get();
  }

  /** Returns how many client connections are open now. */
  int openConnections() {
    open.removeIf(Socket::isClosed);
    return open.size();
  }

  @Override
  public void close() {
    closeQuietly(listener);
    open.forEach(LoopbackRelay::closeQuietly);
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(client);
      accepted.incrementAndGet();
      InetSocketAddress to = target;
      switch (mode) {
        case RESET -> start(() -> reset(client));
        case CLOSE -> start(() -> hangUpAfterRequest(client));
        case DRIBBLE -> start(() -> dribble(client));
        case ENDLESS_BODY -> start(() -> answerEndlessly(client));
        case RELAY -> start(() -> relay(client, requireNonNull(to, "target")));
      }
    }
  }

  private void reset(Socket client) {
    try {
      client.getInputStream().read(); // the request has started
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      client.setSoLinger(true, 0); // close() now sends RST instead of FIN
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away first; nothing to reset.
    } finally {
      hangUp(client);
    }
  }

  private void hangUpAfterRequest(Socket client) {
    try {
      skipRequestHead(client.getInputStream());
    } catch (IOException e) {
      // The client went away first.
    } finally {
      hangUp(client);
    }
  }

  private void dribble(Socket client) {
    try {
      skipRequestHead(client.getInputStream());
      OutputStream out = client.getOutputStream();
      out.write(DRIBBLE_HEAD);
      out.flush();
      for (int i = 0; i < 1024; i++) {
        Thread.sleep(delay.toMillis());
        out.write(' ');
        out.flush();
      }
    } catch (IOException e) {
      // The client hung up, or the peer is closing.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      hangUp(client);
    }
  }

  private void answerEndlessly(Socket client) {
    try {
      InputStream in = client.getInputStream();
      skipRequestHead(in);
      byte[] start = new byte[ENDLESS_BODY_SENT];
      Arrays.fill(start, (byte) ' ');
      OutputStream out = client.getOutputStream();
      out.write(ENDLESS_HEAD);
      out.write(start);
      out.flush();
      while (in.read() >= 0) {
        // Hold the connection open, the body unfinished, until the client hangs up.
      }
    } catch (IOException e) {
      // The client hung up, or the peer is closing.
    } finally {
      hangUp(client);
    }
  }

  /** Reads up to the empty line that ends a request's head; the GETs sent here have no body. */
  private static void skipRequestHead(InputStream in) throws IOException {
    int lastFour = 0;
    for (int c; lastFour != 0x0d0a0d0a && (c = in.read()) >= 0; ) {
      lastFour = lastFour << 8 | c;
    }
  }

  private void relay(Socket client, InetSocketAddress to) {
    try (Socket server = new Socket(to.getAddress(), to.getPort())) {
      Thread back = start(() -> pump(server, client));
      pump(client, server);
      back.join(5_000);
    } catch (IOException e) {
      // The target refused; the client sees its connection close.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      hangUp(client);
    }
  }

  /** Copies until {@code from} ends, then ends {@code to}'s output so the other side sees EOF. */
  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (SocketException e) {
      closeQuietly(to);
    } catch (IOException e) {
      closeQuietly(to);
    }
  }

  /** Closes a client's connection and stops counting it as open. */
  private void hangUp(Socket client) {
    closeQuietly(client);
    open.remove(client);
  }

  private static Thread start(Runnable task) {
    Thread thread = new Thread(task, "amapi-fake-relay-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing is best effort in a test peer.
    }
  }
}
