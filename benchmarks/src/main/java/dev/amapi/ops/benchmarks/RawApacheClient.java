package dev.amapi.ops.benchmarks;

import dev.amapi.ops.transport.apache.ApacheHttpOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * The baseline of amapi-ops's Apache transport: Apache HttpClient 5's classic, blocking {@link
 * CloseableHttpClient} from {@code HttpClients.custom()} over a {@code
 * PoolingHttpClientConnectionManager} sized as amapi-ops sizes its pool ({@link
 * ApacheHttpOperations#DEFAULT_MAX_CONNECTIONS} in all and per route), with retries, redirects,
 * cookies and content compression off (so it sends no {@code Accept-Encoding}, like amapi-ops),
 * connect timeout and response timeout 10 s. It sends what amapi-ops sends: {@code POST
 * {endpoint}v1/{name}:cancel} with {@code Content-Length: 0} (an empty entity), or {@code GET
 * {endpoint}v1/{name}}, with the same four headers; the answer is read whole with {@code
 * EntityUtils.toByteArray} (which returns the connection to the pool) and its status must be 200.
 * Nothing is parsed.
 */
final class RawApacheClient implements OperationClient {
  private static final Timeout TIMEOUT = Timeout.ofSeconds(10);
  private static final byte[] NO_BYTES = new byte[0];

  private final CloseableHttpClient client;
  private final URI cancel;
  private final URI get;

  private RawApacheClient(CloseableHttpClient client, URI cancel, URI get) {
    this.client = client;
    this.cancel = cancel;
    this.get = get;
  }

  static OperationClient open(URI endpoint, String operationName, @Nullable SSLContext tls) {
    PoolingHttpClientConnectionManagerBuilder pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(ApacheHttpOperations.DEFAULT_MAX_CONNECTIONS)
            .setMaxConnPerRoute(ApacheHttpOperations.DEFAULT_MAX_CONNECTIONS)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom().setConnectTimeout(TIMEOUT).build());
    if (tls != null) {
      pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
    }
    CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(pool.build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .build();
    return new RawApacheClient(
        client,
        RawHeaders.cancel(endpoint, operationName),
        RawHeaders.get(endpoint, operationName));
  }

  @Override
  public void cancel() {
    HttpPost post = new HttpPost(cancel);
    post.setEntity(new ByteArrayEntity(NO_BYTES, (ContentType) null));
    send(post);
  }

  @Override
  public Object get() {
    return send(new HttpGet(get));
  }

  private byte[] send(ClassicHttpRequest request) {
    request.setHeader("authorization", RawHeaders.AUTHORIZATION);
    request.setHeader("accept", RawHeaders.ACCEPT);
    request.setHeader("user-agent", RawHeaders.USER_AGENT);
    request.setHeader("x-goog-api-client", RawHeaders.API_CLIENT);
    try {
      return client.execute(
          request,
          response -> {
            byte[] body =
                response.getEntity() == null
                    ? NO_BYTES
                    : EntityUtils.toByteArray(response.getEntity());
            RawHeaders.checkOk(response.getCode(), get);
            return body;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
