package dev.amapi.ops.testkit.contract;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A TCP peer on loopback that sees connections as the client opens and closes them, which no HTTP
 * server shows: it either relays each connection to a target (counting the ones open), or resets
 * each one with a TCP RST once the request has started arriving.
 *
 * <p>Its threads are daemons named {@code amapi-fake-relay-N}; {@link #close()} ends them.
 */
final class LoopbackRelay implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ServerSocket listener;
  private final @Nullable InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private LoopbackRelay(@Nullable InetSocketAddress target) {
    try {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.target = target;
    start(this::accept);
  }

  /** Returns a relay to the server behind {@code endpoint}. */
  static LoopbackRelay to(URI endpoint) {
    return new LoopbackRelay(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()));
  }

  /** Returns a peer that resets every connection once the client has sent something. */
  static LoopbackRelay resettingEveryConnection() {
    return new LoopbackRelay(null);
  }

  /** Returns the endpoint clients connect to. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
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
      InetSocketAddress to = target;
      if (to == null) {
        start(() -> reset(client));
      } else {
        start(() -> relay(client, to));
      }
    }
  }

  private void reset(Socket client) {
    try {
      client.getInputStream().read(); // the request has started
      client.setSoLinger(true, 0); // close() now sends RST instead of FIN
    } catch (IOException e) {
      // The client went away first; nothing to reset.
    } finally {
      closeQuietly(client);
      open.remove(client);
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
      closeQuietly(client);
      open.remove(client);
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
