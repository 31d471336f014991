package dev.amapi.ops.testkit.junit5.contract;

import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.testkit.FakeAmapiServer;

/** The port contract, over the in-memory fake: it may never drift from the HTTP transports. */
class InMemoryContractTest extends OperationsContract {
  @Override
  protected DeviceOperations connect(FakeAmapiServer server) {
    return server.operations();
  }
}
