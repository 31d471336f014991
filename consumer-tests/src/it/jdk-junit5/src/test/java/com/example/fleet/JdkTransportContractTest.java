package com.example.fleet;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.junit5.contract.OperationsContract;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;

/** The testkit's contract suite, run from a consumer's build against the JDK transport. */
class JdkTransportContractTest extends OperationsContract {
  @Override
  protected DeviceOperations connect(FakeAmapiServer server) {
    return JdkHttpOperations.builder()
        .endpoint(server.endpoint())
        .tokenSource(AccessTokenSource.fixed(AccessToken.of("test-token")))
        .retryPolicy(RetryPolicy.none())
        .build();
  }
}
