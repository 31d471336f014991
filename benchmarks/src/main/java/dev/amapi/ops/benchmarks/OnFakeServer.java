package dev.amapi.ops.benchmarks;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.testkit.FakeAmapiServer;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every benchmark runs against: a {@link FakeAmapiServer} on 127.0.0.1 holding one pending
 * reboot, and one client of the kind named by {@code client}, built once per trial and shared by
 * every benchmark thread (as the README says to use it: building one loads the trust store). The
 * server speaks {@code scheme}: plain {@code http}, or {@code https} with the testkit's self-signed
 * certificate, which every client then trusts (and only it) through the fake's {@link
 * FakeAmapiServer#clientSslContext()}.
 *
 * <p>The server runs in the benchmark's JVM, so every figure includes its side of the exchange (the
 * JDK's {@code HttpServer}, Jackson), the same for every client.
 */
@State(Scope.Benchmark)
@SuppressWarnings("NullAway.Init") // JMH calls @Setup before any benchmark method.
public abstract class OnFakeServer {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @Param({
    "RAW_JDK",
    "AMAPI_JDK",
    "RAW_APACHE",
    "AMAPI_APACHE",
    "RAW_OKHTTP",
    "AMAPI_OKHTTP",
    "GOOGLE"
  })
  public Client client;

  @Param({"http", "https"})
  public String scheme;

  FakeAmapiServer server;
  OperationClient operations;

  @Setup(Level.Trial)
  public void startServerAndClient() {
    server = startServer(scheme);
    String name = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name().toString();
    operations = client.open(server.endpoint(), name, tlsFor(scheme));
  }

  /** Forgets the requests the fake recorded, so its journal does not grow through a trial. */
  @Setup(Level.Iteration)
  public void clearJournal() {
    server.clearJournal();
  }

  /**
   * Starts a fake server speaking {@code scheme}, {@code http} or {@code https}; the testkit turns
   * Nagle's algorithm off for its answers.
   */
  static FakeAmapiServer startServer(String scheme) {
    return switch (scheme) {
      case "http" -> FakeAmapiServer.start();
      case "https" -> FakeAmapiServer.startHttps();
      default -> throw new IllegalArgumentException("scheme must be http or https, was " + scheme);
    };
  }

  /** The context clients trust the fake with over {@code https}; null over {@code http}. */
  static @Nullable SSLContext tlsFor(String scheme) {
    return scheme.equals("https") ? FakeAmapiServer.clientSslContext() : null;
  }

  @TearDown(Level.Trial)
  public void closeClientAndServer() {
    operations.close();
    server.close();
  }
}
