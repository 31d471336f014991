package dev.amapi.ops.benchmarks;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.rest.event.CallListener;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/** amapi-ops over the JDK's {@code HttpClient} ({@code transport-jdk}). */
final class AmapiJdkClient extends AmapiOpsClient {

  private AmapiJdkClient(DeviceOperations operations, String operationName) {
    super(operations, operationName);
  }

  static OperationClient open(
      URI endpoint, String operationName, @Nullable SSLContext tls, boolean noOpListener) {
    JdkHttpOperations.Builder builder =
        JdkHttpOperations.builder()
            .endpoint(endpoint)
            .tokenSource(AccessTokenSource.fixed(AccessToken.of(Client.TOKEN)))
            .retryPolicy(RetryPolicy.none());
    if (tls != null) {
      builder.sslContext(tls);
    }
    if (noOpListener) {
      builder.listener(new CallListener() {});
    }
    return new AmapiJdkClient(builder.build(), operationName);
  }
}
