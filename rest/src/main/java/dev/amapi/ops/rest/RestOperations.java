package dev.amapi.ops.rest;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.internal.RequestUris;
import dev.amapi.ops.rest.internal.SdkVersion;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The operations API over any {@link HttpExchange}: builds each request, authenticates it, sends it
 * through the exchange, retries as the policy says, and turns the answer into values or an {@link
 * AmapiException}. Thread-safe.
 */
final class RestOperations implements DeviceOperations {
  private static final String JSON = "application/json";

  private final HttpExchange exchange;
  private final RestSettings settings;
  private final AccessTokenSource tokens;
  private final String userAgent;
  private final String apiClient;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Creates the client; it closes {@code exchange} when closed. */
  RestOperations(HttpExchange exchange, RestSettings settings) {
    this.exchange = requireNonNull(exchange, "exchange");
    this.settings = requireNonNull(settings, "settings");
    this.tokens = settings.tokenSource();
    String sdk = "amapi-ops/" + SdkVersion.VERSION;
    String java = "Java/" + System.getProperty("java.version");
    this.userAgent =
        settings.applicationName().isEmpty()
            ? sdk + " " + java
            : settings.applicationName() + " " + sdk + " " + java;
    this.apiClient = "gl-java/" + System.getProperty("java.version") + " " + sdk;
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

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      exchange.close();
    }
  }

  @Override
  public String toString() {
    return "RestOperations{" + settings + ", exchange=" + exchange + '}';
  }

  private Call<@Nullable Void> cancelCall(OperationName name) {
    requireNonNull(name, "name");
    return new Call<>(
        "POST",
        RequestUris.cancel(settings.endpoint(), name),
        body -> {
          RestJson.readEmpty(body);
          return null;
        });
  }

  private Call<Operation> getCall(OperationName name) {
    requireNonNull(name, "name");
    return new Call<>("GET", RequestUris.get(settings.endpoint(), name), RestJson::readOperation);
  }

  private Call<OperationsPage> listCall(DeviceName device, ListOperationsRequest request) {
    requireNonNull(device, "device");
    requireNonNull(request, "request");
    return new Call<>(
        "GET",
        RequestUris.list(settings.endpoint(), device, request),
        RestJson::readOperationsPage);
  }

  private <T> T execute(Call<T> call) {
    requireOpen();
    AccessToken token = tokens.token();
    boolean refreshed = false;
    for (int attempt = 1; ; attempt++) {
      RestRequest request = call.request(token);
      RestResponse response = null;
      try {
        response = exchange.send(request);
        if (response.statusCode() == 401 && !refreshed) {
          refreshed = true;
          AccessToken fresh = tokens.refresh(token);
          if (!fresh.equals(token)) {
            // A rejected token is not the server's failure: the retry does not count.
            token = fresh;
            attempt--;
            continue;
          }
        }
        return call.answer(request, response);
      } catch (AmapiException e) {
        Optional<Duration> delay =
            settings
                .retryPolicy()
                .nextDelay(e.code(), attempt, serverDelay(e, response).orElse(null));
        if (delay.isEmpty()) {
          throw e;
        }
        sleep(delay.get(), e);
      }
    }
  }

  private <T> CompletableFuture<T> executeAsync(Call<T> call) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(TransportFailures.closed());
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    // The token source may fetch over the network: never on the caller's thread.
    CompletableFuture.supplyAsync(tokens::token)
        .whenComplete(
            (token, error) -> {
              if (error != null) {
                result.completeExceptionally(unwrap(error));
              } else {
                attemptAsync(call, token, 1, false, result);
              }
            });
    return result;
  }

  private <T> void attemptAsync(
      Call<T> call,
      AccessToken token,
      int attempt,
      boolean refreshed,
      CompletableFuture<T> result) {
    try {
      sendAsync(call, token, attempt, refreshed, result);
    } catch (RuntimeException | Error e) {
      // This runs in the transport's and the delayed executor's callbacks: whatever goes wrong
      // must reach the caller's future, or it would never complete.
      result.completeExceptionally(e);
    }
  }

  private <T> void sendAsync(
      Call<T> call,
      AccessToken token,
      int attempt,
      boolean refreshed,
      CompletableFuture<T> result) {
    if (result.isDone()) {
      return; // the caller cancelled: do not send again
    }
    if (closed.get()) {
      result.completeExceptionally(TransportFailures.closed());
      return;
    }
    RestRequest request = call.request(token);
    CompletableFuture<RestResponse> sent = exchange.sendAsync(request);
    result.whenComplete(
        (value, error) -> {
          if (result.isCancelled()) {
            sent.cancel(true);
          }
        });
    sent.whenComplete(
        (response, error) -> {
          try {
            if (error != null) {
              throw unwrap(error);
            }
            if (response.statusCode() == 401 && !refreshed) {
              CompletableFuture.supplyAsync(() -> tokens.refresh(token))
                  .whenComplete(
                      (fresh, refreshError) -> {
                        if (refreshError != null) {
                          result.completeExceptionally(unwrap(refreshError));
                        } else if (fresh == null) {
                          result.completeExceptionally(
                              new NullPointerException("the token source refreshed to null"));
                        } else if (!fresh.equals(token)) {
                          attemptAsync(call, fresh, attempt, true, result);
                        } else {
                          completeWith(call, request, response, token, attempt, true, result);
                        }
                      });
              return;
            }
            completeWith(call, request, response, token, attempt, refreshed, result);
          } catch (AmapiException e) {
            retryOrFail(call, token, attempt, refreshed, e, null, result);
          } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
          }
        });
  }

  private <T> void completeWith(
      Call<T> call,
      RestRequest request,
      RestResponse response,
      AccessToken token,
      int attempt,
      boolean refreshed,
      CompletableFuture<T> result) {
    try {
      result.complete(call.answer(request, response));
    } catch (AmapiException e) {
      retryOrFail(call, token, attempt, refreshed, e, response, result);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private <T> void retryOrFail(
      Call<T> call,
      AccessToken token,
      int attempt,
      boolean refreshed,
      AmapiException failure,
      @Nullable RestResponse response,
      CompletableFuture<T> result) {
    Optional<Duration> delay =
        settings
            .retryPolicy()
            .nextDelay(failure.code(), attempt, serverDelay(failure, response).orElse(null));
    if (delay.isEmpty()) {
      result.completeExceptionally(failure);
      return;
    }
    CompletableFuture.delayedExecutor(delay.get().toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> attemptAsync(call, token, attempt + 1, refreshed, result));
  }

  private void requireOpen() {
    if (closed.get()) {
      throw TransportFailures.closed();
    }
  }

  private static Optional<Duration> serverDelay(
      AmapiException failure, @Nullable RestResponse response) {
    Optional<Duration> fromDetails =
        failure.status().detail(ErrorDetail.RetryInfo.class).map(ErrorDetail.RetryInfo::retryDelay);
    if (fromDetails.isPresent() || response == null) {
      return fromDetails;
    }
    // Retry-After in seconds; the HTTP-date form is rare from Google and not worth a parser.
    return response
        .header("retry-after")
        .filter(value -> !value.isEmpty() && value.chars().allMatch(Character::isDigit))
        .filter(value -> value.length() < 7)
        .map(value -> Duration.ofSeconds(Long.parseLong(value)));
  }

  private static void sleep(Duration delay, AmapiException failure) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      AmapiException interrupted =
          new AmapiException(
              Status.of(
                  Code.CANCELLED, "Interrupted while waiting to retry: " + failure.getMessage()),
              e);
      interrupted.addSuppressed(failure);
      throw interrupted;
    }
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new CompletionException(cause);
  }

  /** One API call: its method, URI and how to read a successful answer. */
  private final class Call<T> {
    private final String method;
    private final URI uri;
    private final Function<byte[], T> decoder;

    Call(String method, URI uri, Function<byte[], T> decoder) {
      this.method = method;
      this.uri = uri;
      this.decoder = decoder;
    }

    RestRequest request(AccessToken token) {
      Map<String, String> headers = new LinkedHashMap<>();
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
      return new RestRequest(
          method, uri, headers, settings.requestTimeout(), settings.maxResponseBytes());
    }

    T answer(RestRequest request, RestResponse response) {
      int status = response.statusCode();
      if (status < 200 || status > 299) {
        throw new AmapiException(
            HttpErrors.statusOf(status, response.body(), response.truncated()), status);
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
                    + HttpErrors.excerpt(response.body())),
            status);
      }
      try {
        return decoder.apply(response.body());
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
                    + HttpErrors.excerpt(response.body())),
            status);
      }
    }
  }
}
