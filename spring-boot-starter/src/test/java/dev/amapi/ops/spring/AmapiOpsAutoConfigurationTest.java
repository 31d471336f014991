package dev.amapi.ops.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.event.CallListener;
import dev.amapi.ops.rest.event.CallStart;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeDelay;
import dev.amapi.ops.testkit.FakeTokenServer;
import dev.amapi.ops.testkit.RecordedRequest;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import dev.amapi.ops.testkit.WireFault;
import dev.amapi.ops.transport.apache.ApacheHttpOperations;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import dev.amapi.ops.transport.okhttp.OkHttpOperations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@code amapi.ops.*} property, checked by what the built client does against the fake. */
class AmapiOpsAutoConfigurationTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  private FakeAmapiServer server;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    server = FakeAmapiServer.start();
    runner =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AmapiOpsAutoConfiguration.class))
            .withPropertyValues("amapi.ops.endpoint=" + server.endpoint());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OperationName pendingReboot() {
    return server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
  }

  @Test
  void defaults_jdkTransport_cancelsOnTheEndpoint_withTheApplicationsTokenSource() {
    runner
        .withUserConfiguration(TestToken.class, Recorder.class)
        .run(
            context -> {
              DeviceOperations ops = context.getBean(DeviceOperations.class);
              OperationName reboot = pendingReboot();

              ops.cancel(reboot);

              assertThat(ops.get(reboot).isCancelled()).isTrue();
              assertThat(server.requestsTo(reboot + ":cancel").get(0).header("authorization"))
                  .hasValue("Bearer test-token");
              assertThat(context.getBean(Recorder.class).transports())
                  .containsOnly(JdkHttpOperations.class.getSimpleName());
              assertThat(ops.toString())
                  .contains("endpoint=" + server.endpoint())
                  .contains("requestTimeout=PT10S")
                  .contains("connectTimeout=PT10S")
                  .contains("maxAttempts=5")
                  .doesNotContain("callTimeout");
            });
  }

  @ParameterizedTest
  @CsvSource({"jdk, JdkHttpOperations", "apache, ApacheHttpOperations", "okhttp, OkHttpOperations"})
  void transport_isTheOneAskedFor(String transport, String sentBy) {
    runner
        .withUserConfiguration(TestToken.class, Recorder.class)
        .withPropertyValues("amapi.ops.transport=" + transport)
        .run(
            context -> {
              context.getBean(DeviceOperations.class).get(pendingReboot());

              assertThat(context.getBean(Recorder.class).transports()).containsOnly(sentBy);
            });
  }

  @Test
  void transport_unset_isTheFirstOnTheClassPath_jdkThenApacheThenOkHttp() {
    runner
        .withUserConfiguration(TestToken.class, Recorder.class)
        .withClassLoader(new FilteredClassLoader(JdkHttpOperations.class))
        .run(
            context -> {
              context.getBean(DeviceOperations.class).get(pendingReboot());

              assertThat(context.getBean(Recorder.class).transports())
                  .containsOnly(ApacheHttpOperations.class.getSimpleName());
            });
    runner
        .withUserConfiguration(TestToken.class, Recorder.class)
        .withClassLoader(
            new FilteredClassLoader(JdkHttpOperations.class, ApacheHttpOperations.class))
        .run(
            context -> {
              context.getBean(DeviceOperations.class).get(pendingReboot());

              assertThat(context.getBean(Recorder.class).transports())
                  .containsOnly(OkHttpOperations.class.getSimpleName());
            });
  }

  @Test
  void timeoutsRetryApplicationNameAndMaxResponseBytes_areTheClientsSettings() {
    runner
        .withUserConfiguration(TestToken.class)
        .withPropertyValues(
            "amapi.ops.connect-timeout=3s",
            "amapi.ops.request-timeout=4s",
            "amapi.ops.call-timeout=5s",
            "amapi.ops.application-name=device-fleet/2.1",
            "amapi.ops.max-response-bytes=4096",
            "amapi.ops.retry.max-attempts=3",
            "amapi.ops.retry.initial-backoff=100ms",
            "amapi.ops.retry.max-backoff=2s",
            "amapi.ops.retry.retryable-codes=RESOURCE_EXHAUSTED")
        .run(
            context ->
                assertThat(context.getBean(DeviceOperations.class).toString())
                    .contains("connectTimeout=PT3S")
                    .contains("requestTimeout=PT4S")
                    .contains("callTimeout=PT5S")
                    .contains("applicationName=device-fleet/2.1")
                    .contains("maxResponseBytes=4096")
                    .contains(
                        "RetryPolicy{maxAttempts=3, initialBackoff=PT0.1S, maxBackoff=PT2S,"
                            + " retryableCodes=[RESOURCE_EXHAUSTED]}"));
  }

  @Test
  void requestTimeout_endsAnAttemptThatTakesLonger() {
    runner
        .withUserConfiguration(TestToken.class)
        .withPropertyValues("amapi.ops.request-timeout=200ms", "amapi.ops.retry.max-attempts=1")
        .run(
            context -> {
              OperationName reboot = pendingReboot();
              server.faultNextRequests(1, WireFault.delay(FakeDelay.fixed(Duration.ofSeconds(5))));

              assertThatThrownBy(() -> context.getBean(DeviceOperations.class).get(reboot))
                  .isInstanceOfSatisfying(
                      AmapiException.class,
                      e -> assertThat(e.code()).isEqualTo(Code.DEADLINE_EXCEEDED));
            });
  }

  @Test
  void callTimeout_endsTheWholeCall_beforeTheRetriesRunOut() {
    runner
        .withUserConfiguration(TestToken.class)
        .withPropertyValues(
            "amapi.ops.call-timeout=300ms",
            "amapi.ops.retry.max-attempts=50",
            "amapi.ops.retry.initial-backoff=50ms",
            "amapi.ops.retry.max-backoff=50ms")
        .run(
            context -> {
              OperationName reboot = pendingReboot();
              server.operations().failNextCalls(50, Code.UNAVAILABLE);

              assertThatThrownBy(() -> context.getBean(DeviceOperations.class).get(reboot))
                  .isInstanceOf(AmapiException.class);
              assertThat(server.requestCount()).isBetween(1, 49);
            });
  }

  @Test
  void retry_attemptsAndCodes_areThePolicys() {
    runner
        .withUserConfiguration(TestToken.class)
        .withPropertyValues(
            "amapi.ops.retry.max-attempts=3",
            "amapi.ops.retry.initial-backoff=1ms",
            "amapi.ops.retry.retryable-codes=UNAVAILABLE,RESOURCE_EXHAUSTED")
        .run(
            context -> {
              DeviceOperations ops = context.getBean(DeviceOperations.class);
              OperationName reboot = pendingReboot();
              server.operations().failNextCalls(2, Code.RESOURCE_EXHAUSTED);

              assertThat(ops.get(reboot).name()).isEqualTo(reboot);
              assertThat(server.requestCount()).isEqualTo(3);

              server.clearJournal();
              server.operations().failNextCalls(3, Code.UNAVAILABLE);
              assertThatThrownBy(() -> ops.get(reboot)).isInstanceOf(AmapiException.class);
              assertThat(server.requestCount()).isEqualTo(3);
            });
  }

  @Test
  void sslBundle_trustsWhatTheBundleTrusts(@TempDir Path dir) {
    try (FakeAmapiServer https = FakeAmapiServer.startHttps()) {
      Path certificate = TestKeys.fakeServerCertificate(dir);
      OperationName reboot = https.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
      ApplicationContextRunner overHttps =
          new ApplicationContextRunner()
              .withConfiguration(
                  AutoConfigurations.of(
                      SslAutoConfiguration.class, AmapiOpsAutoConfiguration.class))
              .withUserConfiguration(TestToken.class)
              .withPropertyValues(
                  "amapi.ops.endpoint=" + https.endpoint(),
                  "amapi.ops.retry.max-attempts=1",
                  "spring.ssl.bundle.pem.fake.truststore.certificate=file:" + certificate);

      overHttps.run(
          context ->
              assertThatThrownBy(() -> context.getBean(DeviceOperations.class).get(reboot))
                  .isInstanceOfSatisfying(
                      AmapiException.class, e -> assertThat(e.code()).isEqualTo(Code.UNAVAILABLE)));
      overHttps
          .withPropertyValues("amapi.ops.ssl-bundle=fake")
          .run(
              context -> {
                DeviceOperations ops = context.getBean(DeviceOperations.class);
                assertThat(ops.get(reboot).name()).isEqualTo(reboot);
                assertThat(ops.toString()).contains("sslContext=TLS");
              });
      overHttps
          .withPropertyValues("amapi.ops.ssl-bundle=nope")
          .run(
              context ->
                  assertThat(BadPropertiesTest.messages(context.getStartupFailure()))
                      .contains("amapi.ops.ssl-bundle=nope names no SSL bundle"));
    }
  }

  @Test
  void applicationName_leadsTheUserAgent() {
    runner
        .withUserConfiguration(TestToken.class)
        .withPropertyValues("amapi.ops.application-name=device-fleet/2.1")
        .run(
            context -> {
              context.getBean(DeviceOperations.class).get(pendingReboot());

              assertThat(server.lastRequest().header("user-agent"))
                  .hasValueSatisfying(agent -> assertThat(agent).startsWith("device-fleet/2.1 "));
            });
  }

  @Test
  void maxResponseBytes_cutsALongerAnswer() {
    runner
        .withUserConfiguration(TestToken.class)
        .withPropertyValues("amapi.ops.max-response-bytes=1024")
        .run(
            context -> {
              for (int i = 0; i < 20; i++) {
                pendingReboot();
              }

              assertThatThrownBy(
                      () ->
                          context
                              .getBean(DeviceOperations.class)
                              .list(DEVICE, ListOperationsRequest.firstPage()))
                  .isInstanceOfSatisfying(
                      AmapiException.class, e -> assertThat(e.code()).isEqualTo(Code.OUT_OF_RANGE));
            });
  }

  @Test
  void executor_namesTheBeanAsyncCallsRunOn() {
    runner
        .withUserConfiguration(TestToken.class, CountingExecutor.class)
        .withPropertyValues("amapi.ops.executor=fleetExecutor")
        .run(
            context -> {
              OperationName reboot = pendingReboot();

              context.getBean(DeviceOperations.class).cancelAsync(reboot).join();

              assertThat(context.getBean(CountingExecutor.class).runs).hasPositiveValue();
              assertThat(context.getBean(DeviceOperations.class).toString())
                  .contains("executor=caller's");
            });
  }

  @Test
  void credentials_serviceAccountKey_tokensFromItsTokenEndpoint_billedToTheQuotaProject(
      @TempDir Path dir) {
    try (FakeTokenServer tokens = FakeTokenServer.start()) {
      Path key =
          ServiceAccountKeys.generate().registeredWith(tokens).writeTo(dir.resolve("key.json"));
      server.acceptOnly(tokens::isValid);
      runner
          .withPropertyValues(
              "amapi.ops.credentials=file:" + key, "amapi.ops.quota-project=fleet-billing")
          .run(
              context -> {
                OperationName reboot = pendingReboot();

                context.getBean(DeviceOperations.class).cancel(reboot);

                RecordedRequest cancel = server.requestsTo(reboot + ":cancel").get(0);
                assertThat(cancel.header("authorization"))
                    .hasValue("Bearer " + tokens.issuedTokens().get(0));
                assertThat(cancel.header("x-goog-user-project")).hasValue("fleet-billing");
              });
    }
  }

  @Test
  void credentials_fromTheClassPath() {
    runner
        .withPropertyValues(TestKeys.onClassPath())
        .run(
            context ->
                assertThat(context.getBean(AccessTokenSource.class).toString())
                    .contains(TestKeys.CLIENT_EMAIL));
  }

  @Test
  void applicationsOwnDeviceOperations_theStarterBacksOff_andLooksForNoCredentials() {
    runner
        .withUserConfiguration(OwnClient.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(DeviceOperations.class);
              assertThat(context.getBean(DeviceOperations.class))
                  .isSameAs(context.getBean(OwnClient.class).client);
              assertThat(context).doesNotHaveBean(AccessTokenSource.class);
            });
  }

  @Test
  void contextClose_closesTheClient() {
    DeviceOperations[] built = new DeviceOperations[1];
    runner
        .withUserConfiguration(TestToken.class)
        .run(context -> built[0] = context.getBean(DeviceOperations.class));

    OperationName reboot = pendingReboot();
    assertThatThrownBy(() -> built[0].get(reboot)).isInstanceOf(IllegalStateException.class);
  }

  @Configuration(proxyBeanMethods = false)
  static class TestToken {
    @Bean
    AccessTokenSource testTokens() {
      return AccessTokenSource.fixed(AccessToken.of("test-token"));
    }
  }

  /** Hears which transport sent each call: a CallListener bean is registered on the client. */
  @Configuration(proxyBeanMethods = false)
  static class Recorder implements CallListener {
    final List<String> transports = new CopyOnWriteArrayList<>();

    @Override
    public void callStarted(CallStart start) {
      transports.add(start.transport());
    }

    List<String> transports() {
      return transports;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CountingExecutor {
    final AtomicInteger runs = new AtomicInteger();

    @Bean
    Executor fleetExecutor() {
      return command -> {
        runs.incrementAndGet();
        new Thread(command).start();
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    final DeviceOperations client =
        JdkHttpOperations.builder()
            .tokenSource(AccessTokenSource.fixed(AccessToken.of("own")))
            .build();

    @Bean
    DeviceOperations ownDeviceOperations() {
      return client;
    }
  }
}
