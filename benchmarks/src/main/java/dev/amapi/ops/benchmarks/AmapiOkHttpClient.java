package dev.amapi.ops.benchmarks;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.transport.okhttp.OkHttpOperations;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/** amapi-ops over Apache HttpClient 5 ({@code transport.okhttp}), default pool. */
final class AmapiOkHttpClient extends AmapiOpsClient {

  private AmapiOkHttpClient(DeviceOperations operations, String operationName) {
    super(operations, operationName);
  }

  static OperationClient open(URI endpoint, String operationName, @Nullable SSLContext tls) {
    OkHttpOperations.Builder builder =
        OkHttpOperations.builder()
            .endpoint(endpoint)
            .tokenSource(AccessTokenSource.fixed(AccessToken.of(Client.TOKEN)))
            .retryPolicy(RetryPolicy.none());
    if (tls != null) {
      builder.sslContext(tls);
    }
    return new AmapiOkHttpClient(builder.build(), operationName);
  }
}
