package dev.amapi.ops.rest;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.event.AttemptEnd;
import dev.amapi.ops.rest.event.CallEnd;
import dev.amapi.ops.rest.event.CallStart;
import dev.amapi.ops.rest.event.OperationKind;
import dev.amapi.ops.rest.event.RetryReason;
import dev.amapi.ops.rest.internal.RequestUris;
import dev.amapi.ops.rest.internal.SdkVersion;
import dev.amapi.ops.rest.spi.HttpMethod;
import dev.amapi.ops.rest.spi.HttpTransport;
import dev.amapi.ops.rest.spi.TransportRequest;
import dev.amapi.ops.rest.spi.TransportResponse;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The operations API over any {@link HttpTransport}: builds each request, authenticates it, sends
 * it, bounds it in time, retries as the policy says, and turns the answer into values or an {@link
 * AmapiException}. The attempt, the 401 refresh and the retry decision are written once ({@link
 * Run#step()}); a sync call runs the steps on the caller's thread and sleeps between them, an async
 * one runs them on the executor and waits on the clock's thread. Thread-safe.
 */
final class RestOperations implements DeviceOperations {
  private static final String JSON = "application/json";
  private static final String JSON_BODY = "application/json; charset=UTF-8";
  private static final int ASYNC_THREADS = 64;
  private static final long DONE = -1;
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final HttpTransport transport;
  private final RestSettings settings;
  private final AccessTokenSource tokens;
  private final Deadlines deadlines = new Deadlines();
  private final Executor executor;
  private final @Nullable ThreadPoolExecutor ownedExecutor;
  private final Set<AsyncRun<?>> asyncRuns = ConcurrentHashMap.newKeySet();
  private final String userAgent;
  private final String apiClient;
  private final long requestTimeoutNanos;
  private final CallEvents events;
  private final String transportName;
  private volatile boolean closed;
  private volatile @Nullable TokenHeaders lastHeaders;

  /** Creates the client; it closes {@code transport} when closed. */
  RestOperations(
      HttpTransport transport, RestSettings settings, CallEvents events, String transportName) {
    this.transport = requireNonNull(transport, "transport");
    this.settings = requireNonNull(settings, "settings");
    this.events = requireNonNull(events, "events");
    this.transportName = requireNonNull(transportName, "transportName");
    this.tokens = settings.tokenSource();
    this.requestTimeoutNanos = settings.requestTimeout().toNanos();
    Optional<Executor> callers = settings.executor();
    if (callers.isPresent()) {
      this.executor = callers.get();
      this.ownedExecutor = null;
    } else {
      ThreadPoolExecutor own = ownExecutor();
      this.executor = own;
      this.ownedExecutor = own;
    }
    String sdk = "amapi-ops/" + SdkVersion.VERSION;
    String java = "Java/" + System.getProperty("java.version");
    this.userAgent =
        settings.applicationName().isEmpty()
            ? sdk + " " + java
            : settings.applicationName() + " " + sdk + " " + java;
    this.apiClient = "gl-java/" + System.getProperty("java.version") + " " + sdk;
  }

  @Override
  public Operation issueCommand(DeviceName device, Command command) {
    return execute(issueCommandCall(device, command));
  }

  @Override
  public CompletableFuture<Operation> issueCommandAsync(DeviceName device, Command command) {
    return executeAsync(issueCommandCall(device, command));
  }

  @Override
  public void cancel(OperationName name) {
    execute(cancelCall(name));
  }

  @Override
  public CompletableFuture<Void> cancelAsync(OperationName name) {
    return executeAsync(cancelCall(name));
  }

  @Override
  public Operation get(OperationName name) {
    return execute(getCall(name));
  }

  @Override
  public CompletableFuture<Operation> getAsync(OperationName name) {
    return executeAsync(getCall(name));
  }

  @Override
  public OperationsPage list(DeviceName device, ListOperationsRequest request) {
    return execute(listCall(device, request));
  }

  @Override
  public CompletableFuture<OperationsPage> listAsync(
      DeviceName device, ListOperationsRequest request) {
    return executeAsync(listCall(device, request));
  }

  /**
   * Ends every call in flight (a sync caller's {@code call()} throws {@link IllegalStateException},
   * an async future completes with it), then releases the clock's thread, the executor the client
   * made, and the transport. Never interrupts a caller's thread; returns without waiting for the
   * transport's threads to end.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    deadlines.close();
    for (AsyncRun<?> run : asyncRuns) {
      run.endAsClosed();
    }
    transport.close();
    ThreadPoolExecutor own = ownedExecutor;
    if (own != null) {
      own.shutdownNow(); // the client's own threads: an attempt on one is aborted already
    }
  }

  @Override
  public String toString() {
    return "RestOperations{" + settings + ", transport=" + transport + '}';
  }

  private Call<Operation> issueCommandCall(DeviceName device, Command command) {
    requireNonNull(device, "device");
    requireNonNull(command, "command");
    return new Call<>(
        OperationKind.ISSUE_COMMAND,
        device,
        HttpMethod.POST,
        RequestUris.issueCommand(settings.endpoint(), device),
        RestJson.writeCommandRequest(command),
        body -> {
          Operation operation = RestJson.readOperation(body);
          if (!operation.name().device().equals(device)) {
            throw new IllegalArgumentException(
                "the answer is the operation \""
                    + operation.name()
                    + "\", not one of the device \""
                    + device
                    + "\"");
          }
          return operation;
        });
  }

  private Call<@Nullable Void> cancelCall(OperationName name) {
    requireNonNull(name, "name");
    return new Call<>(
        OperationKind.CANCEL,
        name,
        HttpMethod.POST,
        RequestUris.cancel(settings.endpoint(), name),
        body -> {
          RestJson.readEmpty(body);
          return null;
        });
  }

  private Call<Operation> getCall(OperationName name) {
    requireNonNull(name, "name");
    return new Call<>(
        OperationKind.GET,
        name,
        HttpMethod.GET,
        RequestUris.get(settings.endpoint(), name),
        body -> {
          Operation operation = RestJson.readOperation(body);
          if (!operation.name().equals(name)) {
            // Never hand back another operation as if it were the one asked for.
            throw new IllegalArgumentException(
                "the answer is the operation \""
                    + operation.name()
                    + "\", not \""
                    + name
                    + "\", the one asked for");
          }
          return operation;
        });
  }

  private Call<OperationsPage> listCall(DeviceName device, ListOperationsRequest request) {
    requireNonNull(device, "device");
    requireNonNull(request, "request");
    return new Call<>(
        OperationKind.LIST,
        device,
        HttpMethod.GET,
        RequestUris.list(settings.endpoint(), device, request),
        RestJson::readOperationsPage);
  }

  private <T> T execute(Call<T> call) {
    requireOpen();
    Run<T> run = new Run<>(call, false);
    try {
      run.token = tokens.token();
      for (; ; ) {
        long delay = run.step();
        if (delay == DONE) {
          return run.result();
        }
        sleep(delay, run);
      }
    } catch (RuntimeException | Error e) {
      run.endCall(e);
      throw e;
    }
  }

  private <T> CompletableFuture<T> executeAsync(Call<T> call) {
    if (closed) {
      return CompletableFuture.failedFuture(closed());
    }
    AsyncRun<T> async = new AsyncRun<>(new Run<>(call, true));
    asyncRuns.add(async);
    async.future.whenComplete(
        (value, error) -> {
          asyncRuns.remove(async);
          if (async.future.isCancelled()) {
            async.run.cancel(); // the caller gave up: abort the exchange in flight
            async.run.endCall(new CancellationException("cancelled by the caller"));
          }
        });
    if (closed) {
      async.endAsClosed(); // closed while this was being set up
    } else {
      async.resume();
    }
    return async.future;
  }

  private void requireOpen() {
    if (closed) {
      throw closed();
    }
  }

  private static IllegalStateException closed() {
    return new IllegalStateException("The client is closed");
  }

  private static void sleep(long delayNanos, Run<?> run) {
    try {
      TimeUnit.NANOSECONDS.sleep(delayNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      AmapiException failure = run.lastFailure;
      AmapiException interrupted =
          new AmapiException(
              Status.of(
                  Code.CANCELLED,
                  "Interrupted while waiting to retry"
                      + (failure == null ? "" : ": " + failure.getMessage())),
              e);
      if (failure != null) {
        interrupted.addSuppressed(failure);
      }
      throw interrupted;
    }
  }

  private static ThreadPoolExecutor ownExecutor() {
    int id = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor own =
        new ThreadPoolExecutor(
            ASYNC_THREADS,
            ASYNC_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "amapi-ops-async-" + id + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    own.allowCoreThreadTimeOut(true);
    return own;
  }

  /**
   * Returns the headers every request with this token carries. Tokens change rarely (an hour
   * apart), so the last token's headers are kept and reused; the quota project is read each time
   * the token changes.
   */
  private Map<String, String> headersFor(AccessToken token) {
    TokenHeaders last = lastHeaders;
    if (last != null && last.token.equals(token)) {
      return last.headers;
    }
    Map<String, String> headers = new LinkedHashMap<>(8);
    headers.put("authorization", "Bearer " + token.value());
    headers.put("accept", JSON);
    headers.put("user-agent", userAgent);
    headers.put("x-goog-api-client", apiClient);
    tokens
        .quotaProject()
        .ifPresent(
            project ->
                headers.put(
                    "x-goog-user-project",
                    HeaderValues.requireVisible("the token source's quota project", project)));
    Map<String, String> fixed = TransportRequest.frozenHeaders(headers);
    lastHeaders = new TokenHeaders(token, fixed);
    return fixed;
  }

  /** A token and the headers that carry it; never printed (the record's text would hold it). */
  private static final class TokenHeaders {
    final AccessToken token;
    final Map<String, String> headers;

    TokenHeaders(AccessToken token, Map<String, String> headers) {
      this.token = token;
      this.headers = headers;
    }
  }

  private static Optional<Duration> serverDelay(
      AmapiException failure, @Nullable TransportResponse response) {
    Optional<Duration> fromDetails =
        failure.status().detail(ErrorDetail.RetryInfo.class).map(ErrorDetail.RetryInfo::retryDelay);
    if (fromDetails.isPresent() || response == null) {
      return fromDetails;
    }
    return retryAfter(response);
  }

  /** The answer's {@code Retry-After}, kept in the exception for callers who pace themselves. */
  private static Optional<Duration> retryAfter(TransportResponse response) {
    // Retry-After in seconds; the HTTP-date form is rare from Google and not worth a parser.
    return response
        .header("retry-after")
        .filter(value -> !value.isEmpty() && value.chars().allMatch(Character::isDigit))
        .filter(value -> value.length() < 7)
        .map(value -> Duration.ofSeconds(Long.parseLong(value)));
  }

  private static String describe(long nanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static byte[] bodyOf(TransportResponse response) {
    byte[] array = response.bodyArray();
    return array.length == response.bodyLength() ? array : response.body();
  }

  /**
   * One call from start to answer: the attempts so far, the token, and the deadline. {@link
   * #step()} is the whole retry loop's body, shared by sync and async calls.
   */
  private final class Run<T> {
    private final Call<T> call;
    private final long startNanos = System.nanoTime();
    private final boolean hasDeadline;
    private final long deadlineNanos;
    private @Nullable AccessToken token;
    private int attempt;
    private boolean refreshed;
    private @Nullable T value;
    private @Nullable AmapiException lastFailure;
    private @Nullable RuntimeException failure;
    private @Nullable TransportResponse lastResponse;
    private volatile HttpTransport.@Nullable Exchange current;
    private volatile boolean cancelled;
    // Null when no listener hears: then no event is made at all.
    private final @Nullable CallStart start;
    private long attemptStartNanos;
    private boolean ended;

    Run(Call<T> call, boolean async) {
      this.call = call;
      Optional<Duration> whole = settings.callTimeout();
      this.hasDeadline = whole.isPresent();
      this.deadlineNanos = startNanos + whole.map(Duration::toNanos).orElse(0L);
      if (events.isEmpty()) {
        this.start = null;
      } else {
        this.start =
            new CallStart(
                CallEvents.nextCallId(),
                call.kind,
                call.resource.toString(),
                call.method.name(),
                call.uri,
                transportName,
                async);
        events.started(start);
      }
    }

    /**
     * Makes one attempt, with its one 401 refresh, and decides what follows.
     *
     * @return the nanoseconds to wait before the next attempt, or {@link #DONE} when {@link
     *     #result()} has the answer or the failure
     */
    long step() {
      attempt++;
      lastResponse = null;
      AmapiException failed;
      try {
        value = attemptOnce();
        attemptEnded(Code.OK, 0, RetryReason.NONE);
        return done();
      } catch (AmapiException e) {
        failed = e;
      }
      lastFailure = failed;
      Optional<Duration> server = serverDelay(failed, lastResponse);
      Optional<Duration> delay =
          settings.retryPolicy().nextDelay(failed.code(), attempt, server.orElse(null));
      if (delay.isEmpty() || cancelled) {
        failure = failed;
        attemptEnded(failed.code(), 0, RetryReason.NONE);
        return done();
      }
      long wait = delay.get().toNanos();
      if (hasDeadline && System.nanoTime() + wait - deadlineNanos >= 0) {
        failure = callDeadlinePassed(failed);
        attemptEnded(failed.code(), 0, RetryReason.NONE);
        return done();
      }
      if (start != null) {
        RetryReason reason =
            failed.status().detail(ErrorDetail.RetryInfo.class).isPresent()
                ? RetryReason.SERVER_RETRY_INFO
                : server.isPresent() ? RetryReason.RETRY_AFTER : RetryReason.POLICY_BACKOFF;
        attemptEnded(failed.code(), wait, reason);
      }
      return wait;
    }

    private long done() {
      if (start != null) {
        endCall(failure);
      }
      return DONE;
    }

    private void attemptEnded(Code code, long delayNanos, RetryReason reason) {
      CallStart started = start;
      if (started == null) {
        return;
      }
      TransportResponse response = lastResponse;
      events.attemptEnded(
          new AttemptEnd(
              started,
              attempt,
              response == null ? 0 : response.statusCode(),
              code,
              Duration.ofNanos(System.nanoTime() - attemptStartNanos),
              response == null ? 0 : response.bodyLength(),
              Duration.ofNanos(delayNanos),
              reason));
    }

    /** Tells the listeners how the call ended, once, whichever thread ends it first. */
    void endCall(@Nullable Throwable failed) {
      CallStart started = start;
      if (started == null) {
        return;
      }
      synchronized (this) {
        if (ended) {
          return;
        }
        ended = true;
      }
      Code code;
      String errorType;
      if (failed == null) {
        code = Code.OK;
        errorType = "";
      } else if (failed instanceof AmapiException amapi) {
        code = amapi.code();
        errorType = code.name();
      } else {
        code = cancelled || closed ? Code.CANCELLED : Code.UNKNOWN;
        errorType = failed.getClass().getName();
      }
      TransportResponse response = lastResponse;
      events.ended(
          new CallEnd(
              started,
              code,
              response == null ? 0 : response.statusCode(),
              attempt,
              Duration.ofNanos(System.nanoTime() - startNanos),
              errorType));
    }

    /** Returns the answer, or throws the failure the call ended with. */
    @SuppressWarnings("NullAway") // a call answered with no value (cancel) returns null as Void
    T result() {
      RuntimeException failed = failure;
      if (failed != null) {
        throw failed;
      }
      return value;
    }

    void cancel() {
      cancelled = true;
      HttpTransport.Exchange exchange = current;
      if (exchange != null) {
        exchange.abort();
      }
    }

    private T attemptOnce() {
      for (; ; ) {
        AccessToken sent = requireNonNull(token, "token");
        TransportRequest request = call.request(sent, timeLeftNanos());
        TransportResponse response = exchange(request);
        lastResponse = response;
        if (response.statusCode() == 401 && !refreshed) {
          refreshed = true;
          AccessToken fresh = requireNonNull(tokens.refresh(sent), "the token source's refresh");
          if (!fresh.equals(sent)) {
            token = fresh; // a rejected token is not the server's failure: this does not count
            attemptEnded(Code.UNAUTHENTICATED, 0, RetryReason.TOKEN_REFRESH);
            continue;
          }
        }
        return call.answer(request, response);
      }
    }

    private long timeLeftNanos() {
      long left = requestTimeoutNanos;
      if (hasDeadline) {
        left = Math.min(left, deadlineNanos - System.nanoTime());
      }
      return left;
    }

    private TransportResponse exchange(TransportRequest request) {
      if (closed) {
        throw closed();
      }
      long now = System.nanoTime();
      attemptStartNanos = now;
      long attemptDeadline = now + requestTimeoutNanos;
      boolean limitedByCall = hasDeadline && deadlineNanos - attemptDeadline < 0;
      if (limitedByCall) {
        attemptDeadline = deadlineNanos;
        if (deadlineNanos - now <= 0) {
          throw callDeadlinePassed(lastFailure);
        }
      }
      HttpTransport.Exchange exchange = transport.prepare(request);
      current = exchange;
      if (cancelled || closed) {
        exchange.abort();
      }
      Deadlines.Watch watch = deadlines.watch(exchange, attemptDeadline);
      try {
        return exchange.call();
      } catch (RuntimeException e) {
        boolean expired = watch.expired() || System.nanoTime() - attemptDeadline >= 0;
        throw noAnswer(request, e, expired, limitedByCall);
      } finally {
        watch.close();
        current = null;
      }
    }

    private RuntimeException noAnswer(
        TransportRequest request, RuntimeException e, boolean expired, boolean limitedByCall) {
      if (closed) {
        return new IllegalStateException(
            "The client was closed while waiting for " + request.method() + " " + request.uri(), e);
      }
      if (cancelled) {
        return new AmapiException(
            Status.of(Code.CANCELLED, "Cancelled by the caller: " + request), e);
      }
      if (Thread.currentThread().isInterrupted()) {
        return new AmapiException(
            Status.of(Code.CANCELLED, "Interrupted while waiting for " + request), e);
      }
      String what = "No answer to " + request.method() + " " + request.uri();
      if (expired) {
        String limit =
            limitedByCall
                ? "the call's deadline of "
                    + describe(settings.callTimeout().orElseThrow().toNanos())
                : describe(requestTimeoutNanos);
        // The binding's clock decided, whatever the library raised as the exchange was aborted
        // (Java 25 reports a cut body as an IOException about its length): kept, suppressed.
        TimeoutException timedOut = new TimeoutException("aborted after " + limit);
        timedOut.addSuppressed(e);
        return new AmapiException(
            Status.of(Code.DEADLINE_EXCEEDED, what + " within " + limit), timedOut);
      }
      Throwable cause =
          e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      String reason = cause.getMessage();
      return new AmapiException(
          Status.of(
              Code.UNAVAILABLE,
              what
                  + ": "
                  + cause.getClass().getSimpleName()
                  + (reason == null || reason.isEmpty() ? "" : ": " + reason)),
          cause);
    }

    private AmapiException callDeadlinePassed(@Nullable AmapiException last) {
      String deadline = describe(settings.callTimeout().orElseThrow().toNanos());
      AmapiException exceeded =
          new AmapiException(
              Status.of(
                  Code.DEADLINE_EXCEEDED,
                  "The call's deadline of "
                      + deadline
                      + " passed after "
                      + attempt
                      + (attempt == 1 ? " attempt" : " attempts")
                      + (last == null ? "" : "; the last failed with " + last.getMessage())),
              last);
      return exceeded;
    }
  }

  /** An async call: its steps run on the executor, its waits on the clock's thread. */
  private final class AsyncRun<T> {
    private final Run<T> run;
    private final CompletableFuture<T> future = new CompletableFuture<>();

    AsyncRun(Run<T> run) {
      this.run = run;
    }

    /** Runs the next step on the executor. */
    void resume() {
      try {
        executor.execute(this::step);
      } catch (RejectedExecutionException e) {
        IllegalStateException refused =
            closed ? closedDuring(e) : new IllegalStateException("The executor refused", e);
        run.endCall(refused);
        future.completeExceptionally(refused);
      }
    }

    void endAsClosed() {
      IllegalStateException closedNow = closedDuring(null);
      run.endCall(closedNow);
      future.completeExceptionally(closedNow);
      run.cancel();
    }

    private IllegalStateException closedDuring(@Nullable Throwable cause) {
      return new IllegalStateException(
          "The client was closed while waiting for " + run.call.method + " " + run.call.uri, cause);
    }

    private void step() {
      if (future.isDone()) {
        return;
      }
      try {
        if (run.token == null) {
          // The token source may fetch over the network: here, on the executor, never the caller's
          // thread or a common pool.
          run.token = tokens.token();
        }
        long delay = run.step();
        if (delay == DONE) {
          future.complete(run.result());
          return;
        }
        deadlines.schedule(this::resume, delay);
      } catch (RejectedExecutionException e) {
        IllegalStateException closedNow = closedDuring(e);
        run.endCall(closedNow);
        future.completeExceptionally(closedNow);
      } catch (RuntimeException | Error e) {
        // Whatever goes wrong reaches the caller's future, or it would never complete. An Error
        // is never retried.
        run.endCall(e);
        future.completeExceptionally(e);
      }
    }
  }

  /** One API call: its method, URI, body and how to read a successful answer. */
  private final class Call<T> {
    private final OperationKind kind;
    private final Object resource; // a name: made a String only for a listener
    private final HttpMethod method;
    private final URI uri;
    private final Function<byte[], T> decoder;
    private final byte[] body;

    Call(
        OperationKind kind,
        Object resource,
        HttpMethod method,
        URI uri,
        Function<byte[], T> decoder) {
      this(kind, resource, method, uri, new byte[0], decoder);
    }

    /** A call with a JSON body, which may hold a secret (a new password): never logged. */
    Call(
        OperationKind kind,
        Object resource,
        HttpMethod method,
        URI uri,
        byte[] body,
        Function<byte[], T> decoder) {
      this.kind = kind;
      this.resource = resource;
      this.method = method;
      this.uri = uri;
      this.decoder = decoder;
      this.body = body;
    }

    TransportRequest request(AccessToken token, long timeLeftNanos) {
      Map<String, String> headers = headersFor(token);
      if (body.length > 0) {
        Map<String, String> withBody = new LinkedHashMap<>(headers);
        withBody.put("content-type", JSON_BODY);
        headers = withBody;
      }
      return new TransportRequest(
          method,
          uri,
          headers,
          Duration.ofNanos(Math.max(0, timeLeftNanos)),
          settings.maxResponseBytes(),
          body);
    }

    T answer(TransportRequest request, TransportResponse response) {
      int status = response.statusCode();
      if (status < 200 || status > 299) {
        Status error = HttpErrors.statusOf(status, bodyOf(response), response.truncated());
        if (status == 500 && error.message().isEmpty() && body.length > 0) {
          // The API answers some payloads it cannot accept with a bare 500: say what to look at.
          error =
              new Status(
                  error.code(),
                  "The server failed on "
                      + method
                      + " "
                      + uri
                      + " with HTTP 500 and no message; the API answers so to some requests it"
                      + " cannot accept: check the command's type and parameters",
                  error.details(),
                  error.legacyErrors(),
                  error.unknownStatusName(),
                  error.otherFields());
        }
        throw new AmapiException(error, status, retryAfter(response).orElse(null));
      }
      if (response.truncated()) {
        throw new AmapiException(
            Status.of(
                Code.OUT_OF_RANGE,
                "The answer to "
                    + request.method()
                    + " "
                    + request.uri()
                    + " is larger than maxResponseBytes ("
                    + settings.maxResponseBytes()
                    + " bytes); it starts: "
                    + HttpErrors.excerpt(bodyOf(response))),
            status);
      }
      byte[] body = bodyOf(response);
      try {
        return decoder.apply(body);
      } catch (IllegalArgumentException e) {
        throw new AmapiException(
            Status.of(
                Code.UNKNOWN,
                "Malformed answer to "
                    + request.method()
                    + " "
                    + request.uri()
                    + ": "
                    + e.getMessage()
                    + "; body: "
                    + HttpErrors.excerpt(body)),
            status);
      }
    }
  }
}
