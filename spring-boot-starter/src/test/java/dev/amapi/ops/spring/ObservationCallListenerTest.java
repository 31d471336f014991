package dev.amapi.ops.spring;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.testkit.FakeAmapiServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With an ObservationRegistry bean, every call and attempt is an observation. */
class ObservationCallListenerTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  private FakeAmapiServer server;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    server = FakeAmapiServer.start();
    runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    AmapiOpsAutoConfiguration.class, AmapiOpsObservationAutoConfiguration.class))
            .withPropertyValues(
                "amapi.ops.endpoint=" + server.endpoint(), "amapi.ops.retry.initial-backoff=1ms")
            .withBean(AccessTokenSource.class, () -> AccessTokenSource.fixed(AccessToken.of("t")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void cancel_isOneCallObservation_withOneAttempt() {
    runner
        .withBean(TestObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context -> {
              TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
              OperationName reboot =
                  server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();

              context.getBean(DeviceOperations.class).cancel(reboot);

              assertThat(registry)
                  .hasNumberOfObservationsWithNameEqualTo(
                      ObservationCallListener.CALL_OBSERVATION, 1)
                  .hasNumberOfObservationsWithNameEqualTo(
                      ObservationCallListener.ATTEMPT_OBSERVATION, 1)
                  .hasObservationWithNameEqualTo(ObservationCallListener.CALL_OBSERVATION)
                  .that()
                  .hasContextualNameEqualTo(
                      "androidmanagement.enterprises.devices.operations/cancel")
                  .hasLowCardinalityKeyValue("rpc.method", "cancel")
                  .hasLowCardinalityKeyValue("rpc.service", ObservationCallListener.RPC_SERVICE)
                  .hasLowCardinalityKeyValue("rpc.response.status_code", "OK")
                  .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                  .hasLowCardinalityKeyValue("error.type", "none")
                  .hasLowCardinalityKeyValue("amapi_ops.transport", "JdkHttpOperations")
                  .hasHighCardinalityKeyValue("amapi_ops.resource", reboot.toString())
                  .doesNotHaveLowCardinalityKeyValueWithKey("amapi_ops.resource")
                  .doesNotHaveLowCardinalityKeyValueWithKey("url.full")
                  .hasBeenStarted()
                  .hasBeenStopped();
              assertThat(registry)
                  .hasObservationWithNameEqualTo(ObservationCallListener.ATTEMPT_OBSERVATION)
                  .that()
                  .hasContextualNameEqualTo("POST")
                  .hasLowCardinalityKeyValue("http.request.method", "POST")
                  .hasLowCardinalityKeyValue("http.response.status_code", "200")
                  .hasLowCardinalityKeyValue("amapi_ops.retry.reason", "none")
                  .hasParentObservationContextMatching(
                      parent -> parent.getName().equals(ObservationCallListener.CALL_OBSERVATION))
                  .hasBeenStopped();
            });
  }

  @Test
  void retriedCall_isOneCallObservation_withAnAttemptObservationPerExchange() {
    Stopped stopped = new Stopped();
    runner
        .withBean(Stopped.class, () -> stopped)
        .withBean(
            TestObservationRegistry.class,
            () -> {
              TestObservationRegistry registry = TestObservationRegistry.create();
              registry.observationConfig().observationHandler(stopped);
              return registry;
            })
        .run(
            context -> {
              TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
              OperationName reboot =
                  server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
              server.operations().failNextCalls(1, Code.UNAVAILABLE);

              context.getBean(DeviceOperations.class).get(reboot);

              List<Observation.Context> attempts =
                  context.getBean(Stopped.class).contexts.stream()
                      .filter(c -> c.getName().equals(ObservationCallListener.ATTEMPT_OBSERVATION))
                      .collect(Collectors.toList());
              assertThat(attempts).hasSize(2);
              assertThat(
                      attempts
                          .get(0)
                          .getLowCardinalityKeyValue("rpc.response.status_code")
                          .getValue())
                  .isEqualTo("UNAVAILABLE");
              assertThat(
                      attempts
                          .get(0)
                          .getLowCardinalityKeyValue("amapi_ops.retry.reason")
                          .getValue())
                  .isEqualTo("policy_backoff");
              assertThat(attempts.get(0).getLowCardinalityKeyValue("error.type").getValue())
                  .isEqualTo("503");
              assertThat(
                      attempts
                          .get(1)
                          .getLowCardinalityKeyValue("rpc.response.status_code")
                          .getValue())
                  .isEqualTo("OK");
              assertThat(
                      attempts
                          .get(1)
                          .getHighCardinalityKeyValue("http.request.resend_count")
                          .getValue())
                  .isEqualTo("1");
              assertThat(registry)
                  .hasNumberOfObservationsWithNameEqualTo(
                      ObservationCallListener.CALL_OBSERVATION, 1)
                  .hasObservationWithNameEqualTo(ObservationCallListener.CALL_OBSERVATION)
                  .that()
                  .hasLowCardinalityKeyValue("rpc.method", "get")
                  .hasHighCardinalityKeyValue("amapi_ops.attempts", "2");
            });
  }

  @Test
  void failedCall_isTaggedWithItsCode() {
    runner
        .withBean(TestObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context -> {
              TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);

              try {
                context.getBean(DeviceOperations.class).get(DEVICE.operation("1786048723669"));
              } catch (RuntimeException expected) {
                // NOT_FOUND
              }

              assertThat(registry)
                  .hasObservationWithNameEqualTo(ObservationCallListener.CALL_OBSERVATION)
                  .that()
                  .hasLowCardinalityKeyValue("rpc.response.status_code", "NOT_FOUND")
                  .hasLowCardinalityKeyValue("outcome", "FAILURE")
                  .hasLowCardinalityKeyValue("error.type", "NOT_FOUND");
            });
  }

  @Test
  void callUnderAnObservation_isItsChild() {
    runner
        .withBean(TestObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context -> {
              TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
              OperationName reboot =
                  server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();

              Observation.createNotStarted("fleet.job", registry)
                  .observe(() -> context.getBean(DeviceOperations.class).cancel(reboot));

              assertThat(registry)
                  .hasObservationWithNameEqualTo(ObservationCallListener.CALL_OBSERVATION)
                  .that()
                  .hasParentObservationContextMatching(
                      parent -> parent.getName().equals("fleet.job"));
            });
  }

  /**
   * With Boot's own observation and metrics auto-configuration, as an application with actuator.
   */
  @Test
  void bootsObservationRegistry_callsBecomeTimers() {
    runner
        .withConfiguration(
            AutoConfigurations.of(
                ObservationAutoConfiguration.class,
                MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(ObservationCallListener.class);
              OperationName reboot =
                  server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
              server.operations().failNextCalls(1, Code.UNAVAILABLE);

              context.getBean(DeviceOperations.class).cancel(reboot);

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(
                      meters
                          .get(ObservationCallListener.CALL_OBSERVATION)
                          .tag("rpc.method", "cancel")
                          .tag("outcome", "SUCCESS")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .get(ObservationCallListener.ATTEMPT_OBSERVATION)
                          .tag("rpc.response.status_code", "UNAVAILABLE")
                          .tag("amapi_ops.retry.reason", "policy_backoff")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .get(ObservationCallListener.ATTEMPT_OBSERVATION)
                          .tag("http.response.status_code", "200")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(meters.find(ObservationCallListener.CALL_OBSERVATION).meters())
                  .allSatisfy(
                      meter -> assertThat(meter.getId().getTag("amapi_ops.resource")).isNull());
            });
  }

  @Test
  void noRegistry_noListener() {
    runner.run(context -> assertThat(context).doesNotHaveBean(ObservationCallListener.class));
  }

  @Test
  void micrometerNotOnTheClassPath_noListener_andTheClientStillWorks() {
    runner
        .withClassLoader(new FilteredClassLoader("io.micrometer"))
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(ObservationCallListener.class);
              OperationName reboot =
                  server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
              assertThat(context.getBean(DeviceOperations.class).get(reboot).name())
                  .isEqualTo(reboot);
            });
  }

  /** The observations stopped, in order. */
  static final class Stopped implements ObservationHandler<Observation.Context> {
    final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();

    @Override
    public void onStop(Observation.Context context) {
      contexts.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }
}
