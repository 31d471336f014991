package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.rest.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server on loopback that speaks the Android Management API's REST interface for
 * operations, for tests of transports and of code that talks HTTP: start one, point the client at
 * {@link #endpoint()}, then assert on what the server received.
 *
 * <p>It has two modes, and the first use decides which:
 *
 * <ul>
 *   <li><b>Stateful</b>: seed {@link #operations()} and the server answers {@code cancel}, {@code
 *       get} and {@code list} with the API's semantics; the HTTP layer is a thin adapter over that
 *       {@link FakeOperations}, so the in-memory fake and the server cannot disagree.
 *   <li><b>Scripted</b>: {@link #enqueue(FakeResponse)} answers and each request gets the next one,
 *       whatever it asked: errors, odd bodies, delays, stalls, dropped connections.
 * </ul>
 *
 * Seeding a scripted server, or scripting a seeded one, throws {@link IllegalStateException}: use
 * two servers.
 *
 * <p>In stateful mode the server checks requests as Google's front end does, before touching the
 * state: a {@code POST} with neither {@code Content-Length} nor {@code Transfer-Encoding} is a 411
 * Length Required, with a short HTML body (Google's front end answers its own HTML page there, not
 * the JSON envelope); an unknown path or wrong method is a 404 {@code NOT_FOUND} envelope; a
 * missing or non-{@code Bearer} {@code Authorization} header, with no {@code access_token} or
 * {@code oauth_token} query parameter either, a 401 {@code UNAUTHENTICATED}; an ID that does not
 * survive percent-decoding and validation ({@code ..}, {@code /}, ...), a malformed {@code %}
 * escape, an unknown query parameter, a non-numeric {@code pageSize} or an invalid value of a
 * standard parameter a 400 {@code INVALID_ARGUMENT}; {@code returnPartialSuccess} on a list, with
 * any value, a 501 {@code UNIMPLEMENTED} (the API documents no partial success for operations). Any
 * token is accepted, unless {@link #acceptOnly(Predicate)} says otherwise.
 *
 * <p>The standard query parameters of the discovery document are honoured as at Google: answers are
 * pretty-printed JSON ({@code Content-Type: application/json; charset=UTF-8}, two-space indent, a
 * final line break) unless {@code prettyPrint=false}, which answers compact JSON; {@code fields}
 * answers a partial response ({@code fields=name,done}, {@code
 * fields=operations(name),nextPageToken}, {@code a/b} paths, {@code *}) and refuses a field the
 * answer does not have; {@code callback=f} answers JSONP, {@code // API callback\nf(...);} as
 * {@code text/javascript; charset=UTF-8}; {@code access_token} and {@code oauth_token} carry the
 * bearer token when there is no {@code Authorization} header; {@code $.xgafv} ({@code 1}, {@code
 * 2}), {@code alt=json}, {@code key}, {@code quotaUser}, {@code upload_protocol} and {@code
 * uploadType} are accepted and ignored (the journal keeps them); {@code alt=media} and {@code
 * alt=proto} are 501 {@code UNIMPLEMENTED}, since the fake speaks JSON only. Error envelopes are
 * printed and wrapped the same way, but never cut by {@code fields}. A request whose {@code
 * Accept-Encoding} takes {@code gzip} gets every non-empty answer gzip-encoded, with {@code
 * Content-Encoding: gzip}, whatever its size. Scripted answers ({@link #enqueue}) are sent byte for
 * byte, none of this applied.
 *
 * <p>Page tokens are not signed: a token is the base64 of the offset, device and filter it was
 * issued for, so a test can forge one that decodes and get that page, where Google's tokens are
 * opaque and tamper-proof. A token that does not decode, or names another device or filter, is a
 * 400 {@code INVALID_ARGUMENT}.
 *
 * <p>Stateful mode plays the faults scripted on {@link #operations()} (what cancel does, latency,
 * failing calls, see {@link FakeOperations}), and faults only HTTP has: {@link
 * #dropNextRequests(int)}, {@link #malformNextAnswers(int)}, {@link #truncateNextAnswers(int)}, and
 * the wire faults of {@link WireFault} (delays drawn from a {@link FakeDelay}, a dribbled body, a
 * malformed chunk, an empty response, random data, a connection reset) for the next requests
 * ({@link #faultNextRequests(int, WireFault)}) or for one operation ({@link
 * #faultRequestsTo(OperationName, WireFault)}). Scripted mode has the same menu on {@link
 * FakeResponse}. Random delays and data come from one random source, seeded by {@link
 * #randomSeed(long)}.
 *
 * <p>Time: {@link #start(Clock)} gives the server's operations a clock, such as a {@link FakeClock}
 * the test moves, for operations that complete or expire by themselves ({@link
 * FakeOperations#completesAfter}, {@link FakeOperations#devicesPickUpCommandsAfter}, {@link
 * FakeOperations#expireCommands}).
 *
 * <p>Clients connect to a small TCP front of the server's own, which relays each connection to the
 * JDK's HTTP server behind it: that is what lets the fake reset a connection or write bytes that
 * are not HTTP, and answer a malformed {@code %} escape in Google's JSON rather than in the JDK's
 * HTML (on {@code https} the front cannot read requests, and such a request gets the JDK's answer).
 * The front costs one loopback hop per request.
 *
 * <p>Every request, in either mode, is recorded: {@link #takeRequest(Duration)}, {@link
 * #requests()}, {@link #requestsTo(String)}, {@link #lastRequest()}.
 *
 * <p>{@link #start()} serves plain {@code http}; {@link #startHttps()} serves {@code https} with
 * the testkit's own self-signed certificate for {@code 127.0.0.1} and {@code localhost}, which a
 * client trusts through {@link #clientSslContext()} (or {@link #certificate()}). That key is for
 * tests only, and public.
 *
 * <p>Thread-safe. The server runs on daemon threads named {@code amapi-fake-server-N}; {@link
 * #close()} stops it, ends stalls and delays, and waits for those threads to end.
 */
public final class FakeAmapiServer implements AutoCloseable {
  private static final String V1 = "v1";
  private static final String CANCEL_SUFFIX = ":cancel";
  private static final String ISSUE_COMMAND_SUFFIX = ":issueCommand";
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MALFORMED_BODY =
      "<html><body>Malformed answer scripted with FakeAmapiServer.malformNextAnswers</body></html>"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] LENGTH_REQUIRED_BODY =
      ("<!DOCTYPE html>\n<html lang=en><title>Error 411 (Length Required)!!1</title>\n"
              + "<p><b>411.</b> That's an error.\n<p>POST requests require a"
              + " <code>Content-length</code> header. That's all we know.\n")
          .getBytes(StandardCharsets.UTF_8);
  private static final String RETURN_PARTIAL_SUCCESS_MESSAGE =
      "returnPartialSuccess is not supported by this method: the API documents no partial"
          + " success for operations.list, and FakeAmapiServer does not support it.";
  private static final int RANDOM_DATA_LENGTH = 1024;
  private static final Pattern BEARER = Pattern.compile("(?i)bearer +[^\\s]+");

  private static final Set<String> LIST_PARAMETERS =
      Set.of(
          "filter",
          "pageSize",
          "page_size",
          "pageToken",
          "page_token",
          "returnPartialSuccess",
          "return_partial_success");

  private enum Mode {
    UNDECIDED,
    STATEFUL,
    SCRIPTED
  }

  private final LoopbackHttpServer http;
  private final TcpFront front;
  private final URI endpoint;
  private final FakeOperations operations;
  private final CountDownLatch closing = new CountDownLatch(1);

  private final Object lock = new Object();
  // Guarded by lock.
  private Mode mode = Mode.UNDECIDED;
  private final Deque<FakeResponse> script = new ArrayDeque<>();
  private final List<RecordedRequest> journal = new ArrayList<>();
  private final Set<InetSocketAddress> clientEnds = new HashSet<>();
  private boolean closed;
  private @Nullable Predicate<String> validToken;
  private int dropsLeft;
  private int malformedLeft;
  private int truncatedLeft;
  private Random random = new Random();
  private final Deque<WireFault> nextWireFaults = new ArrayDeque<>();
  private final Map<OperationName, WireFault> operationWireFaults = new HashMap<>();

  private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
  private volatile @Nullable AdminApi admin;

  private FakeAmapiServer(LoopbackHttpServer http, Clock clock, int port) {
    this.http = http;
    this.operations = FakeOperations.create(clock, this::beforeSeeding);
    this.front =
        TcpFront.start(http.address(), port, http.scheme().equals("http"), this::unreadable);
    this.endpoint = URI.create(http.scheme() + "://127.0.0.1:" + front.port() + "/");
  }

  /**
   * Starts a server on {@code 127.0.0.1}, on a free port, in no mode yet.
   *
   * @return the running server; the caller closes it
   * @throws UncheckedIOException if the loopback port cannot be bound
   */
  public static FakeAmapiServer start() {
    return start(Clock.systemUTC());
  }

  /**
   * Starts a server as {@link #start()} does whose {@link #operations()} read time from {@code
   * clock}: with a {@link FakeClock}, the test moves time for scripted completions and expiry
   * ({@link FakeOperations#completesAfter}, {@link FakeOperations#expireCommands}).
   *
   * @param clock the clock of the server's operations
   * @return the running server; the caller closes it
   * @throws UncheckedIOException if the loopback port cannot be bound
   */
  public static FakeAmapiServer start(Clock clock) {
    return start(clock, 0);
  }

  /**
   * Starts a server as {@link #start(Clock)} does on this port of {@code 127.0.0.1}: for a server
   * other processes find at a known address, such as the standalone one of {@code amapi-ops
   * fake-server --port N}.
   *
   * @param clock the clock of the server's operations
   * @param port the port to listen on, 1 to 65535; 0 for a free one
   * @return the running server; the caller closes it
   * @throws IllegalArgumentException if {@code port} is out of range
   * @throws UncheckedIOException if the port cannot be bound, such as when it is in use
   */
  public static FakeAmapiServer start(Clock clock, int port) {
    requireNonNull(clock, "clock");
    checkPort(port);
    return start(LoopbackHttpServer.bind("amapi-fake-server-"), clock, port);
  }

  /**
   * Starts a server as {@link #start()} does that speaks {@code https}: TLS with the testkit's
   * self-signed certificate, valid for {@code 127.0.0.1} and {@code localhost} (subject alternative
   * names), so that a client can check the host name as it would against Google. Its {@link
   * #endpoint()} is {@code https://127.0.0.1:PORT/}. A client must trust the certificate: build it
   * with {@link #clientSslContext()}; one with the default trust store fails the handshake.
   *
   * <p>The certificate's private key ships in the testkit jar and is public on purpose: never trust
   * it outside a test.
   *
   * @return a new server, answering, in no mode yet
   * @throws UncheckedIOException if the loopback port cannot be bound, or the testkit's key cannot
   *     be read
   * @throws IllegalStateException if the JDK cannot set TLS up with the testkit's key
   */
  public static FakeAmapiServer startHttps() {
    return startHttps(Clock.systemUTC());
  }

  /**
   * Starts an {@code https} server as {@link #startHttps()} does whose {@link #operations()} read
   * time from {@code clock}, as {@link #start(Clock)}.
   *
   * @param clock the clock of the server's operations
   * @return a new server, answering, in no mode yet
   * @throws UncheckedIOException if the loopback port cannot be bound, or the testkit's key cannot
   *     be read
   * @throws IllegalStateException if the JDK cannot set TLS up with the testkit's key
   */
  public static FakeAmapiServer startHttps(Clock clock) {
    return startHttps(clock, 0);
  }

  /**
   * Starts an {@code https} server as {@link #startHttps(Clock)} does on this port of {@code
   * 127.0.0.1}.
   *
   * @param clock the clock of the server's operations
   * @param port the port to listen on, 1 to 65535; 0 for a free one
   * @return a new server, answering, in no mode yet
   * @throws IllegalArgumentException if {@code port} is out of range
   * @throws UncheckedIOException if the port cannot be bound, or the testkit's key cannot be read
   * @throws IllegalStateException if the JDK cannot set TLS up with the testkit's key
   */
  public static FakeAmapiServer startHttps(Clock clock, int port) {
    requireNonNull(clock, "clock");
    checkPort(port);
    return start(
        LoopbackHttpServer.bind("amapi-fake-server-", FakeTls.get().serverContext()), clock, port);
  }

  private static FakeAmapiServer start(LoopbackHttpServer http, Clock clock, int port) {
    FakeAmapiServer server;
    try {
      server = new FakeAmapiServer(http, clock, port);
    } catch (RuntimeException e) {
      http.stop();
      throw e;
    }
    http.start(server::handle);
    return server;
  }

  private static void checkPort(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
  }

  /**
   * Serves the admin API next to the REST API, on the same port, under {@code /__admin/}: what lets
   * a test in another language or process seed operations, script cancel outcomes, faults and
   * failures, read the journal and move a {@link FakeClock}, over HTTP with JSON in and out. Off
   * until called; the standalone server ({@code amapi-ops fake-server}) turns it on. Admin requests
   * need no token, are not recorded in the journal and are never faulted.
   *
   * <table>
   *   <caption>The admin API</caption>
   *   <tr><th>request</th><th>does</th></tr>
   *   <tr><td>{@code GET /__admin/health}</td><td>{@code {"status":"ok",...}}</td></tr>
   *   <tr><td>{@code POST /__admin/operations}</td><td>seeds an Operation as the API writes it, a
   *       list of them, or {@code {"operations":[...]}}</td></tr>
   *   <tr><td>{@code POST /__admin/devices/{enterprise}/{device}/commands}</td><td>issues a
   *       command, {@code {"type":"REBOOT","duration":"600s"}}; answers the Operation</td></tr>
   *   <tr><td>{@code POST /__admin/cancel-outcomes}</td><td>{@code {"operation":NAME,
   *       "outcome":"UNIMPLEMENTED"}} ({@code SUCCEEDS}, {@code COMPLETES_ANYWAY}, {@code
   *       FAILS_WITH} with {@code "status":{"code":..,"message":..}}, {@code
   *       TAKES_EFFECT_AFTER_GETS} with {@code "gets":N}, {@code REJECTED_WHEN_DONE}); without
   *       {@code operation}, for all</td></tr>
   *   <tr><td>{@code POST /__admin/faults}</td><td>a wire fault, {@code {"fault":"connectionReset",
   *       "next":1}} or {@code "operation":NAME}; or call failures, {@code {"failNextCalls":2,
   *       "code":"UNAVAILABLE","retryAfter":"2s"}}</td></tr>
   *   <tr><td>{@code DELETE /__admin/faults}</td><td>forgets every fault, failure and cancel
   *       outcome</td></tr>
   *   <tr><td>{@code GET /__admin/journal}, {@code DELETE /__admin/journal}</td><td>the requests
   *       received, credentials hidden; forgets them</td></tr>
   *   <tr><td>{@code GET /__admin/clock}, {@code POST /__admin/clock/advance}</td><td>the
   *       server's time; {@code {"by":"30s"}} moves a {@link FakeClock}</td></tr>
   *   <tr><td>{@code GET /__admin/certificate}</td><td>the {@code https} certificate, PEM</td></tr>
   * </table>
   *
   * <p>Input the admin API cannot use is a 400 with {@code {"error":{"message":...}}} saying what
   * was wrong; a path it does not know is a 404 of the same form. Calling twice is harmless.
   *
   * @throws IllegalStateException if the server is closed
   */
  public void enableAdminApi() {
    synchronized (lock) {
      checkOpen();
      if (admin == null) {
        admin = new AdminApi(this);
      }
    }
  }

  /** Returns the clock the server's operations read. */
  Clock clock() {
    return operations.clock();
  }

  /**
   * Returns a TLS context for clients that trusts exactly the certificate of {@link #startHttps()}
   * servers and nothing else (no public CA): pass it to the client under test, such as {@code
   * HttpClient.newBuilder().sslContext(FakeAmapiServer.clientSslContext())}. Host names are still
   * checked by the client; the certificate names {@code 127.0.0.1} and {@code localhost}. The same
   * context every time; it is thread-safe.
   *
   * @return the shared client context, initialised
   * @throws UncheckedIOException if the testkit's certificate cannot be read
   * @throws IllegalStateException if the JDK cannot set TLS up with it
   */
  public static SSLContext clientSslContext() {
    return FakeTls.get().clientContext();
  }

  /**
   * Returns the self-signed certificate {@link #startHttps()} servers present, for a client that
   * takes trusted certificates rather than an {@link SSLContext} (put it in a {@link
   * java.security.KeyStore} as a trusted entry).
   *
   * @return the certificate, its own issuer, for {@code 127.0.0.1} and {@code localhost}
   * @throws UncheckedIOException if the testkit's certificate cannot be read
   * @throws IllegalStateException if the JDK cannot parse it
   */
  public static X509Certificate certificate() {
    return FakeTls.get().certificate();
  }

  /**
   * Returns the server's base URI, {@code http://127.0.0.1:PORT/} (or {@code https://} for a server
   * of {@link #startHttps()}): what a client's endpoint is.
   *
   * @return {@code http://127.0.0.1:PORT/}, or {@code https://127.0.0.1:PORT/}
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Returns the state the server answers from in stateful mode. Reading it is always allowed;
   * seeding it ({@link FakeOperations#seed}, {@link FakeOperations#issueCommand}) puts the server
   * in stateful mode, and throws {@link IllegalStateException} if it is already scripted.
   *
   * @return the in-memory operations behind this server, the same instance on every call
   */
  public FakeOperations operations() {
    return operations;
  }

  /**
   * Queues {@code response} as the answer to a future request, and puts the server in scripted
   * mode: requests are answered in queue order, whatever they ask; once the queue is empty they get
   * a 500 {@code INTERNAL} envelope saying so.
   *
   * @param response the answer to send, whatever the request
   * @throws IllegalStateException if the server is in stateful mode (its operations were seeded) or
   *     closed
   */
  public void enqueue(FakeResponse response) {
    requireNonNull(response, "response");
    synchronized (lock) {
      checkOpen();
      if (mode == Mode.STATEFUL) {
        throw new IllegalStateException(
            "FakeAmapiServer is in stateful mode (its operations were seeded), so it cannot also"
                + " answer scripted responses: start another FakeAmapiServer for those");
      }
      mode = Mode.SCRIPTED;
      script.add(response);
    }
  }

  /**
   * Makes the server answer a request whose bearer token fails {@code validToken} with a 401 {@code
   * UNAUTHENTICATED} envelope, as Google does for an expired or forged token; such as {@code
   * server.acceptOnly(tokenServer::isValid)}. Puts the server in stateful mode.
   *
   * @param validToken tells whether a bearer token, without the {@code Bearer} prefix, is accepted
   * @throws IllegalStateException if the server is in scripted mode or closed
   */
  public void acceptOnly(Predicate<String> validToken) {
    requireNonNull(validToken, "validToken");
    synchronized (lock) {
      checkOpen();
      enterStatefulMode("checking tokens");
      this.validToken = validToken;
    }
  }

  /**
   * Makes the server close the connection without an answer for the next {@code count} requests,
   * before they reach the state (a cancel so dropped changes nothing), as a crashed or restarted
   * backend does. Puts the server in stateful mode.
   *
   * @param count how many requests to drop; adds to any drops still pending
   * @throws IllegalArgumentException if {@code count} is not positive
   * @throws IllegalStateException if the server is in scripted mode or closed
   */
  public void dropNextRequests(int count) {
    checkCount(count);
    synchronized (lock) {
      checkOpen();
      enterStatefulMode("dropping requests");
      dropsLeft += count;
    }
  }

  /**
   * Makes the server answer the next {@code count} requests with a body that is not JSON, with the
   * HTTP status and JSON content type of the real answer (the request does reach the state), as a
   * misbehaving proxy does. Puts the server in stateful mode.
   *
   * @param count how many answers to malform; adds to any still pending
   * @throws IllegalArgumentException if {@code count} is not positive
   * @throws IllegalStateException if the server is in scripted mode or closed
   */
  public void malformNextAnswers(int count) {
    checkCount(count);
    synchronized (lock) {
      checkOpen();
      enterStatefulMode("malformed answers");
      malformedLeft += count;
    }
  }

  /**
   * Makes the server answer the next {@code count} requests with the real answer's JSON cut short:
   * half of it (at least one byte less), sent whole at the HTTP level, with the real status. The
   * request does reach the state. Puts the server in stateful mode.
   *
   * @param count how many answers to cut short; adds to any still pending
   * @throws IllegalArgumentException if {@code count} is not positive
   * @throws IllegalStateException if the server is in scripted mode or closed
   */
  public void truncateNextAnswers(int count) {
    checkCount(count);
    synchronized (lock) {
      checkOpen();
      enterStatefulMode("truncated answers");
      truncatedLeft += count;
    }
  }

  /**
   * Makes the server play {@code fault} on the next {@code count} requests (after any still
   * pending), whatever they ask: a delay or a dribble of the real answer, a malformed chunk, an
   * empty response, random data, a connection reset; see {@link WireFault} for which reach the
   * state. A fault scripted for the request's operation ({@link #faultRequestsTo}) wins and does
   * not use one of these up. Puts the server in stateful mode.
   *
   * @param count how many requests; positive
   * @param fault what to do to each
   * @throws IllegalArgumentException if {@code count} is not positive
   * @throws IllegalStateException if the server is in scripted mode or closed
   */
  public void faultNextRequests(int count, WireFault fault) {
    checkCount(count);
    requireNonNull(fault, "fault");
    synchronized (lock) {
      checkOpen();
      enterStatefulMode("wire faults");
      for (int i = 0; i < count; i++) {
        nextWireFaults.add(fault);
      }
    }
  }

  /**
   * Makes the server play {@code fault} on every request to this operation from now on (its {@code
   * get} and its {@code cancel}), until {@link #clearWireFaults()}; other requests are not touched.
   * Replaces a fault scripted for it before. Puts the server in stateful mode.
   *
   * @param name the operation whose requests to fault; it need not exist
   * @param fault what to do to each
   * @throws IllegalStateException if the server is in scripted mode or closed
   */
  public void faultRequestsTo(OperationName name, WireFault fault) {
    requireNonNull(name, "name");
    requireNonNull(fault, "fault");
    synchronized (lock) {
      checkOpen();
      enterStatefulMode("wire faults");
      operationWireFaults.put(name, fault);
    }
  }

  /**
   * Forgets every wire fault scripted with {@link #faultNextRequests} and {@link #faultRequestsTo}
   * and not yet played. Faults already playing go on.
   */
  public void clearWireFaults() {
    synchronized (lock) {
      nextWireFaults.clear();
      operationWireFaults.clear();
    }
  }

  /**
   * Seeds the server's random source, from which random delays ({@link FakeDelay#uniform}, {@link
   * FakeDelay#lognormal}) and random data ({@link WireFault#randomDataThenClose()}) are drawn, so
   * that a run can be repeated. Unseeded until called. Allowed in either mode.
   *
   * @param seed the seed
   */
  public void randomSeed(long seed) {
    synchronized (lock) {
      random = new Random(seed);
    }
  }

  /**
   * Returns the oldest request not yet taken, waiting up to {@code timeout} for one to arrive.
   *
   * @param timeout how long to wait; zero or negative checks once without waiting
   * @return the request, now taken: the next call returns the one after it
   * @throws AssertionError if none arrives within the timeout ({@code "No request arrived within
   *     PT2S"}), or the wait is interrupted
   */
  public RecordedRequest takeRequest(Duration timeout) {
    requireNonNull(timeout, "timeout");
    RecordedRequest request;
    try {
      request = untaken.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a request", e);
    }
    if (request == null) {
      throw new AssertionError("No request arrived within " + timeout);
    }
    return request;
  }

  /**
   * Returns every request received so far, oldest first, taken or not.
   *
   * @return an immutable snapshot of the journal
   */
  public List<RecordedRequest> requests() {
    synchronized (lock) {
      return List.copyOf(journal);
    }
  }

  /**
   * Returns the requests, oldest first, whose path ends with {@code pathSuffix}: {@code
   * requestsTo(name + ":cancel")} for the cancels of an operation, {@code requestsTo(":cancel")}
   * for every cancel, {@code requestsTo("/operations")} for every list.
   *
   * @param pathSuffix what the request's path ends with, query excluded
   * @return an immutable snapshot of the matching requests; empty if none
   */
  public List<RecordedRequest> requestsTo(String pathSuffix) {
    requireNonNull(pathSuffix, "pathSuffix");
    return requests().stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
  }

  /**
   * Returns the newest request received, taken or not.
   *
   * @return the last request in the journal
   * @throws AssertionError if none arrived yet
   */
  public RecordedRequest lastRequest() {
    synchronized (lock) {
      if (journal.isEmpty()) {
        throw new AssertionError("No request arrived at " + endpoint);
      }
      return journal.get(journal.size() - 1);
    }
  }

  /**
   * Returns how many requests the server has received.
   *
   * @return the journal's size, dropped requests included
   */
  public int requestCount() {
    synchronized (lock) {
      return journal.size();
    }
  }

  /**
   * Returns how many client connections the requests recorded since the start (or the last {@link
   * #clearJournal()}) came over: the distinct remote address and port pairs they were received
   * from. A client that reuses its connections has few; one that opens a connection per request has
   * one per request. A port the client's system reused for a later connection counts once.
   *
   * @return the number of distinct client connections seen, zero before any request
   */
  public int connectionCount() {
    synchronized (lock) {
      return clientEnds.size();
    }
  }

  /**
   * Forgets every request received so far, taken or not, the connections they came over ({@link
   * #connectionCount()}), and the calls its {@link #operations()} recorded: for a long-running test
   * or benchmark, whose journal would otherwise only grow.
   */
  public void clearJournal() {
    synchronized (lock) {
      journal.clear();
      untaken.clear();
      clientEnds.clear();
    }
    operations.clearCalls();
  }

  /**
   * Stops the server: closes its port and every connection, ends stalls and delays, and waits (up
   * to 5 s) for its threads to end. The state and the journal stay readable. Closing twice is
   * harmless.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    closing.countDown();
    front.close();
    http.stop();
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "FakeAmapiServer{"
          + endpoint
          + ", "
          + mode.name().toLowerCase(Locale.ROOT)
          + (closed ? ", closed" : "")
          + '}';
    }
  }

  private void beforeSeeding() {
    synchronized (lock) {
      enterStatefulMode("seeding or scripting its operations");
    }
  }

  /** Puts the server in stateful mode, or says why it cannot; call holding the lock. */
  private void enterStatefulMode(String what) {
    if (mode == Mode.SCRIPTED) {
      throw new IllegalStateException(
          "FakeAmapiServer is in scripted mode (a response was enqueued), so "
              + what
              + " is not possible: start another FakeAmapiServer to test against the API's"
              + " semantics");
    }
    mode = Mode.STATEFUL;
  }

  private static void checkCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("FakeAmapiServer is closed");
    }
  }

  private void handle(HttpExchange exchange) {
    try {
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
      AdminApi adminApi = admin;
      if (adminApi != null && AdminApi.serves(path)) {
        adminApi.handle(exchange, path);
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      RecordedRequest request =
          new RecordedRequest(
              exchange.getRequestMethod(),
              path,
              query,
              exchange.getRequestHeaders(),
              body,
              operations.clock().instant());
      FakeResponse scripted = record(request, exchange.getRemoteAddress());
      if (scripted != null) {
        play(exchange, scripted);
      } else {
        answerFromState(exchange, request);
      }
    } catch (IOException e) {
      // The client went away or the server is closing: there is nobody left to answer.
    } catch (RuntimeException | Error e) {
      // A bug in the fake, or a broken classpath: tell the client rather than hang up silently.
      failed(exchange, e);
    } finally {
      exchange.close();
    }
  }

  private static void failed(HttpExchange exchange, Throwable e) {
    if (exchange.getResponseCode() != -1) {
      return;
    }
    try {
      sendError(exchange, Status.of(Code.INTERNAL, "FakeAmapiServer failed: " + e));
    } catch (IOException | RuntimeException ignored) {
      // The connection is gone too; the exchange is closed below.
    }
  }

  /** Records the request and returns its scripted answer, or null to answer from the state. */
  private @Nullable FakeResponse record(RecordedRequest request, InetSocketAddress client) {
    synchronized (lock) {
      journal.add(request);
      clientEnds.add(client);
      untaken.add(request);
      if (mode != Mode.SCRIPTED) {
        return null;
      }
      FakeResponse next = script.poll();
      if (next != null) {
        return next;
      }
      return FakeResponse.error(
          Status.of(
              Code.INTERNAL,
              "FakeAmapiServer has no scripted response left for "
                  + request.method()
                  + " "
                  + request.path()
                  + ": enqueue one FakeResponse per request the code under test sends"));
    }
  }

  private void play(HttpExchange exchange, FakeResponse response) throws IOException {
    if (response.kind() == FakeResponse.Kind.STALL) {
      awaitClosing(null);
      return;
    }
    if (!awaitClosing(sample(response.delay()))) {
      return;
    }
    switch (response.kind()) {
      case DISCONNECT -> {
        // Closing an exchange before its headers are sent drops the connection without a byte.
        return;
      }
      case RANDOM_DATA_THEN_CLOSE -> {
        playConnectionFault(exchange, WireFault.randomDataThenClose());
        return;
      }
      case CONNECTION_RESET -> {
        playConnectionFault(exchange, WireFault.connectionReset());
        return;
      }
      default -> {}
    }
    Headers headers = exchange.getResponseHeaders();
    boolean ownContentType =
        response.headers().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"));
    if (!ownContentType && !response.contentType().isEmpty()) {
      headers.set("Content-Type", response.contentType());
    }
    for (Map.Entry<String, String> header : response.headers()) {
      headers.add(header.getKey(), header.getValue());
    }
    sendWith(exchange, response.status(), response.body(), response.bodyFault());
  }

  /** Sends an answer, dribbled or with a malformed chunk if {@code fault} says so. */
  private void sendWith(HttpExchange exchange, int status, byte[] body, @Nullable WireFault fault)
      throws IOException {
    if (fault == null || fault.kind() == WireFault.Kind.DELAY) {
      send(exchange, status, body);
    } else if (fault.kind() == WireFault.Kind.DRIBBLE) {
      dribble(exchange, status, body, fault);
    } else if (fault.kind() == WireFault.Kind.MALFORMED_CHUNK) {
      TcpFront.Connection connection = front.connection(exchange.getRemoteAddress());
      if (connection != null) {
        connection.writeAndClose(malformedChunk(status, exchange.getResponseHeaders(), body));
      }
    } else {
      playConnectionFault(exchange, fault);
    }
  }

  /** Plays a fault that leaves no answer: empty response, random data, reset. */
  private void playConnectionFault(HttpExchange exchange, WireFault fault) {
    if (fault.kind() == WireFault.Kind.EMPTY_RESPONSE) {
      // Closing an exchange before its headers are sent drops the connection without a byte.
      return;
    }
    TcpFront.Connection connection = front.connection(exchange.getRemoteAddress());
    if (connection == null) {
      return;
    }
    if (fault.kind() == WireFault.Kind.CONNECTION_RESET) {
      connection.reset();
    } else {
      byte[] noise = new byte[RANDOM_DATA_LENGTH];
      synchronized (lock) {
        random.nextBytes(noise);
      }
      connection.writeAndClose(noise);
    }
  }

  /** Sends status and headers, then the body in pieces spread over the fault's time. */
  private void dribble(HttpExchange exchange, int status, byte[] body, WireFault fault)
      throws IOException {
    if (body.length == 0) {
      send(exchange, status, body);
      return;
    }
    // 0: a chunked body, so that each flush sends one HTTP chunk.
    exchange.sendResponseHeaders(status, 0);
    int pieces = Math.min(fault.chunks(), body.length);
    Duration gap = fault.over().dividedBy(pieces);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < pieces; i++) {
        if (!awaitClosing(gap)) {
          return;
        }
        int from = (int) ((long) body.length * i / pieces);
        int to = (int) ((long) body.length * (i + 1) / pieces);
        out.write(body, from, to - from);
        out.flush();
      }
    }
  }

  /** The bytes of an answer whose second chunk's size is not hexadecimal. */
  private static byte[] malformedChunk(int status, Headers headers, byte[] body) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Fake\r\n");
    headers.forEach(
        (name, values) -> {
          if (!name.equalsIgnoreCase("Content-Length")
              && !name.equalsIgnoreCase("Transfer-Encoding")) {
            values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
          }
        });
    head.append("Transfer-Encoding: chunked\r\n\r\n");
    int half = Math.max(1, body.length / 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body.length > 0) {
      out.writeBytes((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, half);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("zz-not-a-chunk-size\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private Duration sample(FakeDelay delay) {
    synchronized (lock) {
      return delay.sample(random);
    }
  }

  /** Takes the wire fault due for this request: its operation's, or the next scripted one. */
  private @Nullable WireFault nextWireFault(RecordedRequest request) {
    OperationName name = null;
    Route route = Route.of(request.method(), request.path());
    if (route != null && route.kind != Route.Kind.LIST && route.kind != Route.Kind.ISSUE_COMMAND) {
      try {
        name = route.operationName();
      } catch (AmapiException e) {
        // Not a valid name: no operation's faults apply.
      }
    }
    synchronized (lock) {
      WireFault own = name == null ? null : operationWireFaults.get(name);
      return own != null ? own : nextWireFaults.poll();
    }
  }

  /**
   * Answers a request line the JDK's server would refuse with its own HTML page: Google's JSON 400
   * envelope, and the connection closed. The request is recorded, with no body.
   */
  private byte[] unreadable(TcpFront.UnreadableRequest request) {
    String target = request.target();
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    RecordedRequest recorded =
        new RecordedRequest(
            request.method(),
            path,
            query,
            request.headers(),
            new byte[0],
            operations.clock().instant());
    synchronized (lock) {
      journal.add(recorded);
      untaken.add(recorded);
    }
    boolean inPath = !validEscapes(path);
    String message =
        "Invalid request: the "
            + (inPath ? "path" : "query")
            + " holds a malformed percent-escape: \""
            + FakeStatuses.printable(target)
            + "\"";
    Status status =
        FakeStatuses.invalidArgument(message, inPath ? "path" : "query", "malformed escape");
    byte[] json = StandardParameters.DEFAULTS.error(WireFormat.writeErrorEnvelope(status, 400));
    String head =
        "HTTP/1.1 400 Bad Request\r\nContent-Type: "
            + FakeResponse.JSON_CONTENT_TYPE
            + "\r\nContent-Length: "
            + json.length
            + "\r\nConnection: close\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(json);
    return out.toByteArray();
  }

  private static boolean validEscapes(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '%'
          && (i + 2 >= raw.length()
              || Character.digit(raw.charAt(i + 1), 16) < 0
              || Character.digit(raw.charAt(i + 2), 16) < 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits for the delay, or until the server closes when {@code delay} is null; returns whether the
   * server is still open.
   */
  private boolean awaitClosing(@Nullable Duration delay) {
    try {
      if (delay == null) {
        closing.await();
        return false;
      }
      return delay.isZero() || !closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The fault an HTTP-only script plays on one stateful answer. */
  private enum HttpFault {
    NONE,
    DROP,
    MALFORM,
    TRUNCATE
  }

  private HttpFault nextHttpFault() {
    synchronized (lock) {
      if (dropsLeft > 0) {
        dropsLeft--;
        return HttpFault.DROP;
      }
      if (malformedLeft > 0) {
        malformedLeft--;
        return HttpFault.MALFORM;
      }
      if (truncatedLeft > 0) {
        truncatedLeft--;
        return HttpFault.TRUNCATE;
      }
      return HttpFault.NONE;
    }
  }

  private void answerFromState(HttpExchange exchange, RecordedRequest request) throws IOException {
    if (request.method().equals("POST")
        && request.header("Content-Length").isEmpty()
        && request.header("Transfer-Encoding").isEmpty()) {
      // Google's front end refuses a POST without a length before any API sees it, in HTML.
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
      send(exchange, 411, LENGTH_REQUIRED_BODY.clone());
      return;
    }
    WireFault wire = nextWireFault(request);
    if (wire != null && !wire.reachesState()) {
      playConnectionFault(exchange, wire);
      return;
    }
    if (wire != null && !awaitClosing(sample(wire.delay()))) {
      return;
    }
    HttpFault fault = nextHttpFault();
    if (fault == HttpFault.DROP) {
      // Closing an exchange before its headers are sent drops the connection without a byte.
      return;
    }
    Reply reply = answer(request);
    byte[] body =
        switch (fault) {
          case MALFORM -> MALFORMED_BODY.clone();
          case TRUNCATE -> Arrays.copyOf(reply.body, Math.max(0, reply.body.length / 2));
          default -> reply.body;
        };
    reply.headers.forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType);
    if (body.length > 0 && acceptsGzip(request)) {
      body = gzip(body);
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    sendWith(exchange, reply.status, body, wire);
  }

  /** Whether the request's {@code Accept-Encoding} takes gzip (not with {@code q=0}). */
  private static boolean acceptsGzip(RecordedRequest request) {
    for (String value : request.headers().getOrDefault("Accept-Encoding", List.of())) {
      for (String coding : value.split(",")) {
        String[] parts = coding.strip().split(";");
        if (!parts[0].strip().equalsIgnoreCase("gzip")) {
          continue;
        }
        boolean refused = false;
        for (int i = 1; i < parts.length; i++) {
          String parameter = parts[i].strip().replace(" ", "");
          if (parameter.matches("(?i)q=0(\\.0*)?")) {
            refused = true;
          }
        }
        if (!refused) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 32);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An answer computed from the state, before any HTTP-only fault changes it. */
  private static final class Reply {
    final int status;
    final Map<String, String> headers;
    final byte[] body;
    final String contentType;

    Reply(int status, Map<String, String> headers, byte[] body, String contentType) {
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.contentType = contentType;
    }

    static Reply ok(byte[] json, StandardParameters parameters) {
      return new Reply(200, Map.of(), parameters.success(json), parameters.contentType());
    }

    static Reply error(Status status, int httpStatus, StandardParameters parameters) {
      return error(status, httpStatus, Map.of(), parameters);
    }

    static Reply error(
        Status status, int httpStatus, Map<String, String> headers, StandardParameters parameters) {
      return new Reply(
          httpStatus,
          headers,
          parameters.error(WireFormat.writeErrorEnvelope(status, httpStatus)),
          parameters.contentType());
    }

    static Reply error(Status status, StandardParameters parameters) {
      return error(status, status.code().httpStatus(), parameters);
    }
  }

  private Reply answer(RecordedRequest request) {
    Route route = Route.of(request.method(), request.path());
    if (route == null) {
      return Reply.error(
          Status.of(
              Code.NOT_FOUND,
              "The requested URL "
                  + request.path()
                  + " was not found on this server for method "
                  + request.method()
                  + "."),
          StandardParameters.DEFAULTS);
    }
    StandardParameters standard = StandardParameters.DEFAULTS;
    try {
      Map<String, List<String>> parameters = Query.parse(request.query());
      standard = StandardParameters.of(parameters);
      if (!authorized(request, standard.queryToken())) {
        Status status = FakeStatuses.unauthenticated(route.method);
        return Reply.error(
            status,
            401,
            Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\""),
            standard);
      }
      Query.checkNames(parameters, route.kind == Route.Kind.LIST ? LIST_PARAMETERS : Set.of());
      switch (route.kind) {
        case ISSUE_COMMAND -> {
          standard.checkFields(FieldSelection.Shape.OPERATION);
          DeviceName device = route.deviceName();
          Command command;
          try {
            command = WireFormat.readCommandRequest(request.body());
          } catch (IllegalArgumentException e) {
            String message = "Invalid JSON payload received. " + e.getMessage();
            return Reply.error(
                FakeStatuses.invalidArgument(message, "command", message), 400, standard);
          }
          Reply failed =
              scriptedFailure(PortCall.Method.ISSUE_COMMAND, device.toString(), standard);
          if (failed != null) {
            return failed;
          }
          return Reply.ok(
              WireFormat.writeOperation(operations.issueNow(device, command)), standard);
        }
        case CANCEL -> {
          standard.checkFields(FieldSelection.Shape.EMPTY);
          OperationName name = route.operationName();
          Reply failed = scriptedFailure(PortCall.Method.CANCEL, name.toString(), standard);
          if (failed != null) {
            return failed;
          }
          operations.cancelNow(name);
          return Reply.ok(EMPTY_OBJECT, standard);
        }
        case GET -> {
          standard.checkFields(FieldSelection.Shape.OPERATION);
          OperationName name = route.operationName();
          Reply failed = scriptedFailure(PortCall.Method.GET, name.toString(), standard);
          if (failed != null) {
            return failed;
          }
          return Reply.ok(WireFormat.writeOperation(operations.getNow(name)), standard);
        }
        case LIST -> {
          if (parameters.containsKey("returnPartialSuccess")
              || parameters.containsKey("return_partial_success")) {
            return Reply.error(
                Status.of(Code.UNIMPLEMENTED, RETURN_PARTIAL_SUCCESS_MESSAGE), standard);
          }
          standard.checkFields(FieldSelection.Shape.LIST);
          DeviceName device = route.deviceName();
          ListOperationsRequest list =
              new ListOperationsRequest(
                  Query.first(parameters, "filter"),
                  Query.pageSize(parameters),
                  Query.first(parameters, "pageToken", "page_token"));
          Reply failed = scriptedFailure(PortCall.Method.LIST, device.toString(), standard);
          if (failed != null) {
            return failed;
          }
          return Reply.ok(
              WireFormat.writeOperationsPage(operations.listNow(device, list)), standard);
        }
      }
      throw new AssertionError(route.kind);
    } catch (AmapiException e) {
      return Reply.error(e.status(), e.httpStatus().orElse(e.code().httpStatus()), standard);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // A closed FakeOperations, or seeded raw JSON that is not JSON: say so rather than hang up.
      return Reply.error(
          Status.of(Code.INTERNAL, "FakeAmapiServer failed: " + e.getMessage()), standard);
    }
  }

  private boolean authorized(RecordedRequest request, String queryToken) {
    String header = request.header("Authorization").orElse("");
    String token;
    if (BEARER.matcher(header).matches()) {
      token = header.substring(header.indexOf(' ')).strip();
    } else if (header.isEmpty() && !queryToken.isEmpty()) {
      token = queryToken;
    } else {
      return false;
    }
    Predicate<String> check;
    synchronized (lock) {
      check = validToken;
    }
    return check == null || check.test(token);
  }

  /** Records the call with the state and returns the scripted failure's answer, if one is due. */
  private @Nullable Reply scriptedFailure(
      PortCall.Method method, String name, StandardParameters standard) {
    FakeOperations.CallFailure failure = operations.enterAndTakeFailure(method, name);
    if (failure == null) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (!failure.retryAfter().isZero()) {
      headers.put("Retry-After", Long.toString(failure.retryAfter().toSeconds()));
    }
    return Reply.error(failure.status(), failure.httpStatus(), headers, standard);
  }

  private static void sendError(HttpExchange exchange, Status status) throws IOException {
    sendError(exchange, status, status.code().httpStatus());
  }

  private static void sendError(HttpExchange exchange, Status status, int httpStatus)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", FakeResponse.JSON_CONTENT_TYPE);
    send(exchange, httpStatus, WireFormat.writeErrorEnvelope(status, httpStatus));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    // -1 means no body; 0 would mean a chunked one.
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** A request the REST API has a method for, with its path's IDs decoded and validated. */
  private static final class Route {
    enum Kind {
      ISSUE_COMMAND,
      CANCEL,
      GET,
      LIST
    }

    final Kind kind;
    final String method;
    final String[] rawIds;

    private Route(Kind kind, String method, String[] rawIds) {
      this.kind = kind;
      this.method = method;
      this.rawIds = rawIds;
    }

    /** Returns the route of this method and raw path, or null when the API has none. */
    static @Nullable Route of(String httpMethod, String rawPath) {
      String[] segments = rawPath.split("/", -1);
      // "", v1, enterprises, {e}, devices, {d}:issueCommand
      if (segments.length == 6
          && segments[0].isEmpty()
          && segments[1].equals(V1)
          && segments[2].equals("enterprises")
          && segments[4].equals("devices")
          && segments[5].endsWith(ISSUE_COMMAND_SUFFIX)) {
        String id = segments[5].substring(0, segments[5].length() - ISSUE_COMMAND_SUFFIX.length());
        return httpMethod.equals("POST")
            ? new Route(Kind.ISSUE_COMMAND, "IssueCommand", new String[] {segments[3], id})
            : null;
      }
      // "", v1, enterprises, {e}, devices, {d}, operations[, {o}]
      if (segments.length < 7
          || segments.length > 8
          || !segments[0].isEmpty()
          || !segments[1].equals(V1)
          || !segments[2].equals("enterprises")
          || !segments[4].equals("devices")
          || !segments[6].equals("operations")) {
        return null;
      }
      if (segments.length == 7) {
        return httpMethod.equals("GET")
            ? new Route(Kind.LIST, "ListOperations", new String[] {segments[3], segments[5]})
            : null;
      }
      String last = segments[7];
      if (last.endsWith(CANCEL_SUFFIX)) {
        String id = last.substring(0, last.length() - CANCEL_SUFFIX.length());
        return httpMethod.equals("POST")
            ? new Route(Kind.CANCEL, "CancelOperation", new String[] {segments[3], segments[5], id})
            : null;
      }
      return httpMethod.equals("GET")
          ? new Route(Kind.GET, "GetOperation", new String[] {segments[3], segments[5], last})
          : null;
    }

    DeviceName deviceName() {
      String enterprise = decode(rawIds[0], "enterprise");
      String device = decode(rawIds[1], "device");
      try {
        return DeviceName.of(enterprise, device);
      } catch (IllegalArgumentException e) {
        throw invalidName(e.getMessage());
      }
    }

    OperationName operationName() {
      DeviceName device = deviceName();
      String operation = decode(rawIds[2], "operation");
      try {
        return device.operation(operation);
      } catch (IllegalArgumentException e) {
        throw invalidName(e.getMessage());
      }
    }

    /** Percent-decodes one path segment as UTF-8; {@code +} stays {@code +} in a path. */
    private static String decode(String raw, String what) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c != '%') {
          if (c >= 0x80) {
            throw invalidName(
                "The " + what + " ID in the path holds a character that is not escaped");
          }
          bytes.write(c);
          continue;
        }
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw invalidName("The " + what + " ID in the path has a malformed escape at index " + i);
        }
        bytes.write(high * 16 + low);
        i += 2;
      }
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes.toByteArray()))
            .toString();
      } catch (CharacterCodingException e) {
        throw invalidName("The " + what + " ID in the path is not UTF-8 once unescaped");
      }
    }

    private static AmapiException invalidName(@Nullable String why) {
      String message = "Invalid resource name in the request path: " + why;
      return new AmapiException(
          FakeStatuses.invalidArgument(message, "name", String.valueOf(why)),
          Code.INVALID_ARGUMENT.httpStatus());
    }
  }
}
