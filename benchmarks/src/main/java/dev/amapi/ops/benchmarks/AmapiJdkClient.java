package dev.amapi.ops.benchmarks;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import java.net.URI;

/** amapi-ops over the JDK's {@code HttpClient} ({@code transport-jdk}). */
final class AmapiJdkClient extends AmapiOpsClient {

  private AmapiJdkClient(URI endpoint, String operationName) {
    super(
        JdkHttpOperations.builder()
            .endpoint(endpoint)
            .tokenSource(AccessTokenSource.fixed(AccessToken.of(Client.TOKEN)))
            .retryPolicy(RetryPolicy.none())
            .build(),
        operationName);
  }

  static OperationClient open(URI endpoint, String operationName) {
    return new AmapiJdkClient(endpoint, operationName);
  }
}
