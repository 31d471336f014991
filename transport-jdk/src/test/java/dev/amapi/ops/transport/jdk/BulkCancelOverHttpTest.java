package dev.amapi.ops.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.usecase.BulkCancel;
import dev.amapi.ops.domain.usecase.BulkCancelListener;
import dev.amapi.ops.domain.usecase.BulkCancelReport;
import dev.amapi.ops.domain.usecase.BulkOutcome;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.PortCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code BulkCancel} over HTTP: the JDK client with its own retries off, against the fake server
 * answering some calls {@code UNAVAILABLE} (503) and {@code RESOURCE_EXHAUSTED} (429 with {@code
 * Retry-After}); the use case retries them itself, under its rate limit.
 */
class BulkCancelOverHttpTest {
  private static final double RATE = 200;

  @Test
  void fleetOverHttp_everyPendingOperationCancelledOnce_rateHeld() {
    try (FakeAmapiServer server = FakeAmapiServer.start();
        DeviceOperations ops =
            JdkHttpOperations.builder()
                .endpoint(server.endpoint())
                .tokenSource(AccessTokenSource.fixed(AccessToken.of("test-token")))
                .retryPolicy(RetryPolicy.none())
                .build()) {
      List<DeviceName> devices = new ArrayList<>();
      List<OperationName> pending = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        DeviceName device = DeviceName.of("LC03k6enk8", String.format("36c33990876600%02x", i));
        devices.add(device);
        pending.add(server.operations().issueCommand(device, CommandType.REBOOT).name());
        pending.add(server.operations().issueCommand(device, CommandType.LOCK).name());
      }
      server.operations().failNextCalls(2, Code.UNAVAILABLE);
      server.operations().failNextCalls(1, Code.RESOURCE_EXHAUSTED, 429, Duration.ofSeconds(1));
      server.operations().failNextCalls(1, Code.UNAVAILABLE);

      BulkCancelReport report =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () ->
                  BulkCancel.builder(ops)
                      .concurrency(4)
                      .ratePerSecond(RATE)
                      .backoff(Duration.ofMillis(50))
                      .build()
                      .run(devices, BulkCancelListener.NONE));

      assertThat(report.counts()).isEqualTo(Map.of(BulkOutcome.CANCELLED, 60L));
      assertThat(report.devicesListed()).isEqualTo(30);
      for (OperationName name : pending) {
        assertThat(server.operations().operation(name).orElseThrow().isCancelled()).isTrue();
      }
      // 30 lists, 60 cancels, 60 gets and the 4 failed attempts.
      List<Instant> times =
          server.operations().calls().stream()
              .filter(call -> call.method() != PortCall.Method.ISSUE_COMMAND) // the seeding
              .map(PortCall::time)
              .toList();
      assertThat(times).hasSize(154);
      // Any 25 calls in a row span 24 intervals of 5 ms at 200 a second; less one interval per
      // worker, as the server may log calls admitted together in another order: at least 100 ms.
      for (int i = 24; i < times.size(); i++) {
        assertThat(Duration.between(times.get(i - 24), times.get(i)))
            .isGreaterThanOrEqualTo(Duration.ofMillis(100));
      }
    }
  }
}
