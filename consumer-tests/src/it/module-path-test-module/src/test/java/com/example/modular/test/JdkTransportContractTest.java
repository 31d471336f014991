package com.example.modular.test;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.junit5.contract.OperationsContract;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;

/**
 * The contract suite from a named module: JUnit runs the package-private test and lifecycle methods
 * this class inherits from testkit-junit5's contract package.
 */
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
