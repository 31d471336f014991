package dev.amapi.ops.transport.okhttp;

import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.testkit.junit5.contract.HttpTransportContract;

/**
 * The port contract, over OkHttp 5. With {@code retryOnConnectionFailure(false)} OkHttp resends
 * nothing by itself, so {@code libraryResendsPerAttempt()} keeps its default of 0.
 */
class OkHttpContractTest extends HttpTransportContract {
  @Override
  protected DeviceOperationsBuilder<?> newBuilder() {
    return OkHttpOperations.builder();
  }
}
