package dev.amapi.ops.transport.jdk;

import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.testkit.junit5.contract.HttpTransportContract;

/** The port contract, over the JDK's HttpClient. */
class JdkHttpContractTest extends HttpTransportContract {
  @Override
  protected DeviceOperationsBuilder<?> newBuilder() {
    return JdkHttpOperations.builder();
  }

  /**
   * {@code java.net.http} resends a GET once when its connection closes before any answer byte, and
   * no per-client setting turns that off.
   */
  @Override
  protected int libraryResendsPerAttempt() {
    return 1;
  }
}
