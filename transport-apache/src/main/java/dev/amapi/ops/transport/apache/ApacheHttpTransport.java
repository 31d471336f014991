package dev.amapi.ops.transport.apache;

import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.spi.HttpMethod;
import dev.amapi.ops.rest.spi.HttpTransport;
import dev.amapi.ops.rest.spi.TransportRequest;
import dev.amapi.ops.rest.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Moves the binding's requests over Apache HttpClient 5's classic (blocking) client, pooled: the
 * whole transport. Thread-safe. An exchange is aborted by cancelling its request, which closes its
 * connection under the blocked read.
 */
final class ApacheHttpTransport implements HttpTransport {
  private static final RequestConfig NO_REDIRECTS =
      // Also for a caller's client: a redirect would carry the token elsewhere.
      RequestConfig.custom().setRedirectsEnabled(false).build();

  private final CloseableHttpClient client;
  private final boolean owned;
  private volatile boolean closed;

  private ApacheHttpTransport(CloseableHttpClient client, boolean owned) {
    this.client = client;
    this.owned = owned;
  }

  static ApacheHttpTransport create(RestSettings settings, int maxConnections) {
    PoolingHttpClientConnectionManagerBuilder pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                    .build());
    settings
        .sslContext()
        .ifPresent(context -> pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(context)));
    CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(pool.build())
            // The standard proxy system properties, as the JDK's client follows them.
            .setRoutePlanner(
                new SystemDefaultRoutePlanner(
                    settings.proxy().orElseGet(ProxySelector::getDefault)))
            // The SDK's RetryPolicy is the only source of retries.
            .disableAutomaticRetries()
            // A redirect would carry the token to another URL; the API never redirects.
            .disableRedirectHandling()
            .disableCookieManagement()
            // The SDK reads small JSON answers; no Accept-Encoding the binding did not ask for.
            .disableContentCompression()
            .setDefaultRequestConfig(NO_REDIRECTS)
            .build();
    return new ApacheHttpTransport(client, true);
  }

  static ApacheHttpTransport overCallersClient(CloseableHttpClient client) {
    return new ApacheHttpTransport(client, false);
  }

  @Override
  public Exchange prepare(TransportRequest request) {
    return new ApacheExchange(request);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (owned) {
      // Closes every pooled connection at once, so a call still blocked on one ends too.
      client.close(CloseMode.IMMEDIATE);
    }
  }

  @Override
  public String toString() {
    return "ApacheHttpTransport{" + (owned ? "own client" : "caller's client") + '}';
  }

  private final class ApacheExchange implements Exchange {
    private final TransportRequest request;
    private final HttpUriRequestBase apache;

    ApacheExchange(TransportRequest request) {
      this.request = request;
      this.apache = new HttpUriRequestBase(request.method().name(), request.uri());
      request.headers().forEach(apache::addHeader);
      if (request.method() == HttpMethod.POST) {
        // An entity of known length (0 when empty), its type in the headers: no chunking.
        apache.setEntity(new ByteArrayEntity(request.body(), null));
      }
    }

    @Override
    public TransportResponse call() {
      if (closed) {
        throw new IllegalStateException("The transport is closed");
      }
      HttpClientContext context = HttpClientContext.create();
      context.setRequestConfig(NO_REDIRECTS);
      try (ClassicHttpResponse response = client.executeOpen(null, apache, context)) {
        return read(response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        if (Thread.currentThread().isInterrupted()) {
          apache.cancel();
        }
      }
    }

    @Override
    public void abort() {
      apache.cancel();
    }

    private TransportResponse read(ClassicHttpResponse response) throws IOException {
      Map<String, List<String>> headers = new HashMap<>();
      for (Header header : response.getHeaders()) {
        headers
            .computeIfAbsent(header.getName(), name -> new ArrayList<>(1))
            .add(header.getValue());
      }
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        return TransportResponse.of(response.getCode(), headers, new byte[0], 0, false);
      }
      try (InputStream in = entity.getContent()) {
        TransportResponse answer =
            TransportResponse.read(
                response.getCode(),
                headers,
                in,
                entity.getContentLength(),
                request.maxResponseBytes());
        if (answer.truncated()) {
          apache.cancel(); // more than the cap: drop the connection rather than read the rest
        }
        return answer;
      }
    }
  }
}
