package dev.amapi.ops.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The baseline of amapi-ops's JDK transport: one {@code java.net.http.HttpClient}, built once,
 * configured as {@code transport-jdk} configures its own (connect timeout 10 s, no redirects,
 * HTTP/1.1 over {@code http} and HTTP/2 allowed over {@code https}), sending what amapi-ops sends
 * with {@code client.send}: {@code POST {endpoint}v1/{name}:cancel} with {@code Content-Length: 0}
 * ({@code BodyPublishers.noBody()}), or {@code GET {endpoint}v1/{name}}, with the same four headers
 * and the same 10 s request timeout, and the answer read to a {@code byte[]} whose status must be
 * 200. Nothing is parsed. The request is built per call, as a caller with many operation names
 * would.
 */
final class RawJdkClient implements OperationClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;
  private final URI cancel;
  private final URI get;

  private RawJdkClient(HttpClient client, URI cancel, URI get) {
    this.client = client;
    this.cancel = cancel;
    this.get = get;
  }

  static OperationClient open(URI endpoint, String operationName, @Nullable SSLContext tls) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(
                endpoint.getScheme().equalsIgnoreCase("https")
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1);
    if (tls != null) {
      builder.sslContext(tls);
    }
    return new RawJdkClient(
        builder.build(),
        RawHeaders.cancel(endpoint, operationName),
        RawHeaders.get(endpoint, operationName));
  }

  @Override
  public void cancel() {
    send(request(cancel).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  @Override
  public Object get() {
    return send(request(get).GET().build());
  }

  private static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(TIMEOUT)
        .header("authorization", RawHeaders.AUTHORIZATION)
        .header("accept", RawHeaders.ACCEPT)
        .header("user-agent", RawHeaders.USER_AGENT)
        .header("x-goog-api-client", RawHeaders.API_CLIENT);
  }

  private byte[] send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      RawHeaders.checkOk(response.statusCode(), request.uri());
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /**
   * Nothing to release on Java 17 (the client ends once unreachable); closed on Java 21 and later.
   */
  @Override
  public void close() {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Best effort, as in transport-jdk.
      }
    }
  }
}
