package dev.amapi.ops.benchmarks;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.transport.apache.ApacheHttpOperations;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/** amapi-ops over Apache HttpClient 5 ({@code transport-apache}), default pool. */
final class AmapiApacheClient extends AmapiOpsClient {

  private AmapiApacheClient(DeviceOperations operations, String operationName) {
    super(operations, operationName);
  }

  static OperationClient open(URI endpoint, String operationName, @Nullable SSLContext tls) {
    ApacheHttpOperations.Builder builder =
        ApacheHttpOperations.builder()
            .endpoint(endpoint)
            .tokenSource(AccessTokenSource.fixed(AccessToken.of(Client.TOKEN)))
            .retryPolicy(RetryPolicy.none());
    if (tls != null) {
      builder.sslContext(tls);
    }
    return new AmapiApacheClient(builder.build(), operationName);
  }
}
