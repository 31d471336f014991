package dev.amapi.ops.transport.apache;

import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.testkit.junit5.contract.HttpTransportContract;

/** The port contract, over Apache HttpClient 5's async client. */
class ApacheHttpContractTest extends HttpTransportContract {
  @Override
  protected DeviceOperationsBuilder<?> newBuilder() {
    return ApacheHttpOperations.builder();
  }
}
