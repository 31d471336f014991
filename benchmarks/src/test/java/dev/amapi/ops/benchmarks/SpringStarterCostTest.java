package dev.amapi.ops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.spring.ObservationCallListener;
import dev.amapi.ops.testkit.FakeAmapiServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Checks SpringStarterCost's arithmetic and that each variant is the client it names: the starter's
 * bean, observed or not, sends the same one cancel as the client built by hand, and the observed
 * one records it. Nothing here is timed.
 */
class SpringStarterCostTest {

  @Test
  void median_isTheMiddleValue_orTheMeanOfTheMiddleTwo() {
    assertThat(Spread.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Spread.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThatThrownBy(() -> Spread.median(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void spread_printsMedianThenRange() {
    assertThat(Spread.of(List.of(3.0, 1.0, 2.0), "%.0f")).isEqualTo("2 (1–3)");
    assertThat(Spread.of(List.of(0.5, 1.25), "%.2f×")).isEqualTo("0.88× (0.50×–1.25×)");
  }

  @Test
  void throughputRatio_isBaselineTimeOverVariantTime_roundByRound() {
    // 200 µs a call against a baseline's 100 µs: half the calls per second.
    assertThat(Spread.throughputRatios(List.of(200.0, 100.0), List.of(100.0, 100.0)))
        .containsExactly(0.5, 1.0);
    assertThat(Spread.differences(List.of(5.0, 7.0), List.of(2.0, 10.0)))
        .containsExactly(3.0, -3.0);
    assertThatThrownBy(() -> Spread.throughputRatios(List.of(1.0), List.of(1.0, 2.0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyVariant_sendsOneCancel_andTheObservedOneRecordsIt() {
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      OperationName reboot =
          server.operations().issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT).name();
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      try (DeviceOperations hand = SpringStarterCost.byHand(server.endpoint(), null);
          AnnotationConfigApplicationContext starter =
              SpringStarterCost.start(
                  SpringStarterCost.Context.STARTER, server.endpoint(), null, null);
          AnnotationConfigApplicationContext observed =
              SpringStarterCost.start(
                  SpringStarterCost.Context.STARTER_OBSERVED,
                  server.endpoint(),
                  null,
                  () -> SpringStarterCost.observationRegistry(meters));
          AnnotationConfigApplicationContext bridgeOnly =
              SpringStarterCost.start(
                  SpringStarterCost.Context.STARTER_OBSERVED,
                  server.endpoint(),
                  null,
                  SpringStarterCost::bridgeOnlyRegistry)) {
        List<DeviceOperations> clients =
            List.of(
                hand,
                starter.getBean(DeviceOperations.class),
                observed.getBean(DeviceOperations.class),
                bridgeOnly.getBean(DeviceOperations.class));
        for (DeviceOperations client : clients) {
          server.clearJournal();
          client.cancel(reboot);
          assertThat(server.requests()).hasSize(1);
          assertThat(server.lastRequest().path()).isEqualTo("/v1/" + reboot + ":cancel");
          assertThat(server.lastRequest().header("Authorization"))
              .hasValue("Bearer " + Client.TOKEN);
        }
        assertThat(observed.getBeansOfType(ObservationCallListener.class)).hasSize(1);
        assertThat(starter.getBeansOfType(ObservationCallListener.class)).isEmpty();
        assertThat(meters.get(ObservationCallListener.CALL_OBSERVATION).timer().count())
            .isEqualTo(1);
      }
    }
  }

  @Test
  void overHttps_theStarterTrustsTheFakeThroughTheCustomizer() {
    try (FakeAmapiServer server = FakeAmapiServer.startHttps();
        AnnotationConfigApplicationContext starter =
            SpringStarterCost.start(
                SpringStarterCost.Context.STARTER,
                server.endpoint(),
                FakeAmapiServer.clientSslContext(),
                null)) {
      OperationName reboot =
          server.operations().issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT).name();
      starter.getBean(DeviceOperations.class).cancel(reboot);
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void theEmptyContext_hasNoClient() {
    try (FakeAmapiServer server = FakeAmapiServer.start();
        AnnotationConfigApplicationContext empty =
            SpringStarterCost.start(
                SpringStarterCost.Context.EMPTY, server.endpoint(), null, null)) {
      assertThat(empty.getBeansOfType(DeviceOperations.class)).isEmpty();
    }
  }
}
