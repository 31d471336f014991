package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's HTTP server bound to {@code 127.0.0.1} on a free port, run on daemon threads of its own
 * that {@link #stop()} ends: what the fake servers are built on. Bind first, so the fake knows its
 * URI before it answers; then {@link #start(HttpHandler)} it. Plain {@code http} by default, or
 * {@code https} with the testkit's own certificate ({@link FakeTls}). Thread-safe.
 */
final class LoopbackHttpServer {
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  static {
    // The JDK's server writes an answer's headers and body as two segments and leaves Nagle's
    // algorithm on unless told otherwise: the body then waits for the client's delayed ACK, 40 ms
    // on Linux, on every exchange. The property is read once, when the first server is made, so
    // it is set here, before that; a value given on the command line wins.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
  }

  private final HttpServer http;
  private final String scheme;
  private final ThreadPoolExecutor executor;
  private final Set<Thread> threads;

  private LoopbackHttpServer(
      HttpServer http, String scheme, ThreadPoolExecutor executor, Set<Thread> threads) {
    this.http = http;
    this.scheme = scheme;
    this.executor = executor;
    this.threads = threads;
  }

  /**
   * Binds a server to a free port of {@code 127.0.0.1}, not yet answering, whose threads are
   * daemons named {@code threadNamePrefix} and a number.
   *
   * @throws UncheckedIOException if the loopback port cannot be bound
   */
  static LoopbackHttpServer bind(String threadNamePrefix) {
    return bind(threadNamePrefix, null);
  }

  /**
   * Binds a server as {@link #bind(String)} does that speaks {@code https} with {@code tls} (a
   * server context: its key and certificate), or plain {@code http} when {@code tls} is null.
   *
   * @throws UncheckedIOException if the loopback port cannot be bound
   */
  static LoopbackHttpServer bind(String threadNamePrefix, @Nullable SSLContext tls) {
    requireNonNull(threadNamePrefix, "threadNamePrefix");
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    // One thread per connection, however many: a stalled answer must never hold up the next.
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            10,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, threadNamePrefix + THREAD_NUMBER.incrementAndGet());
              thread.setDaemon(true);
              threads.removeIf(old -> old.getState() == Thread.State.TERMINATED);
              threads.add(thread);
              return thread;
            });
    HttpServer http;
    try {
      InetSocketAddress loopback =
          new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
      if (tls == null) {
        http = HttpServer.create(loopback, 0);
      } else {
        HttpsServer https = HttpsServer.create(loopback, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        http = https;
      }
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "Cannot bind a loopback HTTP server (threads " + threadNamePrefix + "N) to 127.0.0.1", e);
    }
    http.setExecutor(executor);
    return new LoopbackHttpServer(http, tls == null ? "http" : "https", executor, threads);
  }

  /**
   * Returns {@code http://127.0.0.1:PORT} (or {@code https://}) followed by {@code path}, such as
   * {@code "/"}.
   */
  URI uri(String path) {
    return URI.create(scheme + "://127.0.0.1:" + http.getAddress().getPort() + path);
  }

  /** Returns the address the server is bound to, {@code 127.0.0.1} and its port. */
  InetSocketAddress address() {
    return http.getAddress();
  }

  /** Returns {@code http} or {@code https}. */
  String scheme() {
    return scheme;
  }

  /** Starts answering every request, whatever its path, with {@code handler}. */
  void start(HttpHandler handler) {
    http.createContext("/", requireNonNull(handler, "handler"));
    http.start();
  }

  /**
   * Closes the port and every connection, and waits (up to 5 s in all) for the server's threads to
   * end. A handler still waiting must be woken first, or it is interrupted.
   */
  void stop() {
    http.stop(0);
    executor.shutdownNow();
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    try {
      executor.awaitTermination(STOP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
      // A terminated pool's last worker may still be on its way out: wait until it is dead too.
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
}
