package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.spring.ObservationCallListener;
import dev.amapi.ops.spring.test.AutoConfigureAmapiFake;
import dev.amapi.ops.testkit.FakeAmapiServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** With actuator on Spring Boot 4, every call is an observation, and so a timer. */
@SpringBootTest
@AutoConfigureAmapiFake
class CallMetricsTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @Autowired FakeAmapiServer amapi;
  @Autowired RebootCanceller canceller;
  @Autowired MeterRegistry meters;
  @Autowired ObservationCallListener listener;

  @Test
  void cancelAndReadBack_areTimedByMethod() {
    OperationName reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
    // Tests with the same configuration share the context, and so its meter registry.
    long cancelsBefore = cancels();

    canceller.cancel(reboot);

    assertThat(cancels()).isEqualTo(cancelsBefore + 1);
    assertThat(
            meters
                .get(ObservationCallListener.CALL_OBSERVATION)
                .tag("rpc.method", "get")
                .timer()
                .count())
        .isPositive();
  }

  private long cancels() {
    var timer =
        meters
            .find(ObservationCallListener.CALL_OBSERVATION)
            .tag("rpc.method", "cancel")
            .tag("outcome", "SUCCESS")
            .timer();
    return timer == null ? 0 : timer.count();
  }
}
