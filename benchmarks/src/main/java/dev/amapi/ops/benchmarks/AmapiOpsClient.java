package dev.amapi.ops.benchmarks;

import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;

/**
 * amapi-ops over one of its transports, built as the README says: one client, shared. Each
 * transport has its own subclass, so that a process measuring one never loads the other.
 */
abstract class AmapiOpsClient implements OperationClient {
  private final DeviceOperations operations;
  private final OperationName name;

  AmapiOpsClient(DeviceOperations operations, String operationName) {
    this.operations = operations;
    // Parsed once, as a caller holding an Operation has its name already.
    this.name = OperationName.parse(operationName);
  }

  @Override
  public final void cancel() {
    operations.cancel(name);
  }

  @Override
  public final Object get() {
    return operations.get(name);
  }

  @Override
  public final void close() {
    operations.close();
  }
}
