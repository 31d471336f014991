package dev.amapi.ops.benchmarks;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.transport.apache.ApacheHttpOperations;
import java.net.URI;

/** amapi-ops over Apache HttpClient 5 ({@code transport-apache}), default pool. */
final class AmapiApacheClient extends AmapiOpsClient {

  private AmapiApacheClient(URI endpoint, String operationName) {
    super(
        ApacheHttpOperations.builder()
            .endpoint(endpoint)
            .tokenSource(AccessTokenSource.fixed(AccessToken.of(Client.TOKEN)))
            .retryPolicy(RetryPolicy.none())
            .build(),
        operationName);
  }

  static OperationClient open(URI endpoint, String operationName) {
    return new AmapiApacheClient(endpoint, operationName);
  }
}
