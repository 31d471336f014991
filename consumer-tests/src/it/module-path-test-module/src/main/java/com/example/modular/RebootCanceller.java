package com.example.modular;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import java.net.URI;

/** A fleet service's own code: cancels a pending reboot over the JDK transport, reads it back. */
public final class RebootCanceller implements AutoCloseable {
  /** How a cancelled reboot ended, as far as one read-back can tell. */
  public enum Outcome {
    CANCELLED,
    COMPLETED_ANYWAY,
    NOT_SUPPORTED,
    STILL_PENDING
  }

  private final DeviceOperations operations;

  /** A canceller calling the API at {@code endpoint} with a fixed token. */
  public RebootCanceller(URI endpoint, String token) {
    this.operations =
        JdkHttpOperations.builder()
            .endpoint(endpoint)
            .tokenSource(AccessTokenSource.fixed(AccessToken.of(token)))
            .build();
  }

  /** The client it calls the API with. */
  public DeviceOperations operations() {
    return operations;
  }

  public Outcome cancel(OperationName reboot) {
    try {
      operations.cancel(reboot);
    } catch (AmapiException e) {
      if (e.code() == Code.UNIMPLEMENTED) {
        return Outcome.NOT_SUPPORTED;
      }
      throw e;
    }
    Operation after = operations.get(reboot);
    if (!after.done()) {
      return Outcome.STILL_PENDING;
    }
    return after.isCancelled() ? Outcome.CANCELLED : Outcome.COMPLETED_ANYWAY;
  }

  @Override
  public void close() {
    operations.close();
  }
}
