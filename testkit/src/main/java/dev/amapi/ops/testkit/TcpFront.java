package dev.amapi.ops.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The TCP side of a {@link FakeAmapiServer}: the port clients connect to, relaying each connection
 * to the JDK's HTTP server behind it, so that the fake can do to a client's connection what the
 * JDK's server cannot — reset it, write bytes that are not HTTP — and answer, in Google's JSON, a
 * request line the JDK's server would refuse with its own HTML page (a malformed {@code %} escape).
 *
 * <p>For plain {@code http} it reads each request's head and frames its body ({@code
 * Content-Length} or chunked) to find the next; for {@code https} it relays bytes it cannot read.
 * It does not order its own answers after the server's: a client that pipelines a request the front
 * answers itself behind one still being answered may read the two out of order (clients of this API
 * do not pipeline). Its threads are daemons named {@code amapi-fake-server-front-N}; {@link
 * #close()} ends them.
 */
final class TcpFront implements AutoCloseable {
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);
  private static final int MAX_HEAD = 64 * 1024;

  /** A request head the JDK's server would refuse: its method, target and header lines. */
  record UnreadableRequest(String method, String target, Map<String, List<String>> headers) {}

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final boolean readsHttp;
  private final Function<UnreadableRequest, byte[]> unreadable;
  private final Map<Integer, Connection> byUpstreamPort = new ConcurrentHashMap<>();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private TcpFront(
      ServerSocket listener,
      InetSocketAddress target,
      boolean readsHttp,
      Function<UnreadableRequest, byte[]> unreadable) {
    this.listener = listener;
    this.target = target;
    this.readsHttp = readsHttp;
    this.unreadable = unreadable;
  }

  /**
   * Listens on {@code port} of {@code 127.0.0.1} (a free one when 0) and relays every connection to
   * {@code target}.
   *
   * @param readsHttp whether the bytes are plain HTTP/1.1 the front may read (not TLS)
   * @param unreadable the whole answer (status line to body) to a request whose target the JDK's
   *     server would refuse
   * @throws UncheckedIOException if the port cannot be bound
   */
  static TcpFront start(
      InetSocketAddress target,
      int port,
      boolean readsHttp,
      Function<UnreadableRequest, byte[]> unreadable) {
    ServerSocket listener;
    try {
      listener = new ServerSocket(port, 128, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot bind the fake server's port "
              + (port == 0 ? "(any free one)" : Integer.toString(port))
              + " on 127.0.0.1: "
              + e.getMessage(),
          e);
    }
    TcpFront front = new TcpFront(listener, target, readsHttp, unreadable);
    front.spawn(front::acceptLoop);
    return front;
  }

  /** Returns the port clients connect to. */
  int port() {
    return listener.getLocalPort();
  }

  /**
   * Returns the client connection that the JDK's server sees as coming from {@code upstreamEnd} (an
   * exchange's remote address), or null if it is gone.
   */
  @Nullable Connection connection(InetSocketAddress upstreamEnd) {
    return byUpstreamPort.get(upstreamEnd.getPort());
  }

  /** One client connection and its relay to the server behind. */
  static final class Connection {
    private final Socket client;
    private final Socket upstream;
    private volatile boolean takenOver;

    Connection(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    /**
     * Takes the client's connection from the relay: the server's answer on it, if any, is no longer
     * forwarded. Call before writing to it.
     */
    void takeOver() {
      takenOver = true;
    }

    /** Sends a TCP RST to the client: closes with linger zero. */
    void reset() {
      takeOver();
      try {
        client.setSoLinger(true, 0);
        client.close();
      } catch (IOException e) {
        // Gone already: the client saw something at least as bad.
      }
    }

    /** Writes {@code bytes} to the client as they are, then closes the connection. */
    void writeAndClose(byte[] bytes) {
      takeOver();
      try {
        OutputStream out = client.getOutputStream();
        out.write(bytes);
        out.flush();
        client.shutdownOutput();
      } catch (IOException e) {
        // The client went away first.
      } finally {
        closeQuietly(client);
      }
    }

    void closeBoth() {
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      Socket upstream = new Socket();
      Connection connection;
      try {
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        upstream.connect(target, 5000);
        connection = new Connection(client, upstream);
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      int port = upstream.getLocalPort();
      byUpstreamPort.put(port, connection);
      if (closed) {
        connection.closeBoth();
        return;
      }
      spawn(() -> toServer(connection));
      spawn(
          () -> {
            try {
              toClient(connection);
            } finally {
              byUpstreamPort.remove(port, connection);
            }
          });
    }
  }

  /** Relays the client's bytes to the server, reading request heads when the bytes are HTTP. */
  private void toServer(Connection connection) {
    try {
      InputStream in = new BufferedInputStream(connection.client.getInputStream());
      OutputStream out = connection.upstream.getOutputStream();
      if (readsHttp) {
        relayRequests(connection, in, out);
      }
      in.transferTo(out);
      connection.upstream.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(connection.upstream);
    }
  }

  /** Relays the server's bytes to the client until either side ends, unless taken over. */
  private void toClient(Connection connection) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = connection.upstream.getInputStream();
      OutputStream out = connection.client.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (connection.takenOver) {
          continue;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // One side went away: close both below.
    } finally {
      if (!connection.takenOver) {
        connection.closeBoth();
      } else {
        closeQuietly(connection.upstream);
      }
    }
  }

  /**
   * Relays requests one by one; returns (to relay the rest raw) when the stream is not HTTP the
   * front can frame, or ends.
   */
  private void relayRequests(Connection connection, InputStream in, OutputStream out)
      throws IOException {
    while (true) {
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      String text = new String(head, StandardCharsets.ISO_8859_1);
      String[] lines = text.split("\r\n");
      String[] requestLine = lines[0].split(" ");
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers
              .computeIfAbsent(
                  lines[i].substring(0, colon).strip(), n -> new java.util.ArrayList<>())
              .add(lines[i].substring(colon + 1).strip());
        }
      }
      if (requestLine.length == 3 && !readableTarget(requestLine[1])) {
        byte[] answer =
            unreadable.apply(new UnreadableRequest(requestLine[0], requestLine[1], headers));
        connection.writeAndClose(answer);
        closeQuietly(connection.upstream);
        return;
      }
      out.write(head);
      out.flush();
      String chunked = first(headers, "Transfer-Encoding");
      String length = first(headers, "Content-Length");
      if (chunked != null && chunked.toLowerCase(Locale.ROOT).contains("chunked")) {
        if (!relayChunks(in, out)) {
          return;
        }
      } else if (length != null) {
        long n;
        try {
          n = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
          return;
        }
        copy(in, out, n);
      }
      out.flush();
    }
  }

  /** Whether the JDK's server can parse {@code target} as a URI (it refuses it otherwise). */
  private static boolean readableTarget(String target) {
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static @Nullable String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }

  /** Reads up to and including the blank line; null at the end of the stream or if too long. */
  private static byte @Nullable [] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int state = 0;
    while (head.size() < MAX_HEAD) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (head.size() == 0 && (b == '\r' || b == '\n')) {
        continue;
      }
      head.write(b);
      state =
          switch (state) {
            case 0 -> b == '\r' ? 1 : 0;
            case 1 -> b == '\n' ? 2 : (b == '\r' ? 1 : 0);
            case 2 -> b == '\r' ? 3 : 0;
            case 3 -> b == '\n' ? 4 : (b == '\r' ? 1 : 0);
            default -> 0;
          };
      if (state == 4) {
        return head.toByteArray();
      }
    }
    return null;
  }

  /** Relays a chunked body, trailers included; false if it is not chunked as it should be. */
  private static boolean relayChunks(InputStream in, OutputStream out) throws IOException {
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        return false;
      }
      out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        return false;
      }
      if (size == 0) {
        while (true) {
          String trailer = readLine(in);
          if (trailer == null) {
            return false;
          }
          out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          if (trailer.isEmpty()) {
            return true;
          }
        }
      }
      copy(in, out, size + 2);
    }
  }

  private static @Nullable String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(16);
    while (line.size() < MAX_HEAD) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return null;
  }

  private static void copy(InputStream in, OutputStream out, long count) throws IOException {
    byte[] buffer = new byte[8192];
    long left = count;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("The client closed the connection inside a request body");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private void spawn(Runnable task) {
    Thread thread = new Thread(task, "amapi-fake-server-front-" + THREAD_NUMBER.incrementAndGet());
    thread.setDaemon(true);
    threads.removeIf(old -> old.getState() == Thread.State.TERMINATED);
    threads.add(thread);
    thread.start();
  }

  /** Closes the port and every connection, and waits (up to 5 s) for the threads to end. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    for (Connection connection : byUpstreamPort.values()) {
      connection.closeBoth();
    }
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    try {
      for (Thread thread : threads) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Nothing left to do with it.
    }
  }
}
