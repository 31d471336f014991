package dev.amapi.ops.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.spring.AmapiOpsAutoConfiguration;
import dev.amapi.ops.spring.TestKeys;
import dev.amapi.ops.testkit.FakeAmapiServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code @AutoConfigureAmapiFake} on a configuration class, as Spring's test support reads it. */
class AutoConfigureAmapiFakeTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  // No credentials anywhere: the build's GOOGLE_APPLICATION_CREDENTIALS names no file. The
  // starter's auto-configuration comes in as @EnableAutoConfiguration brings it in an application,
  // so that it is ordered with the annotation's.
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(WithFake.class);

  @Test
  void client_cancelsOnTheFake_withNoCredentials() {
    runner
        .withPropertyValues("amapi.ops.endpoint=https://androidmanagement.googleapis.com/")
        .run(
            context -> {
              FakeAmapiServer fake = context.getBean(FakeAmapiServer.class);
              OperationName reboot =
                  fake.operations().issueCommand(DEVICE, CommandType.REBOOT).name();

              context.getBean(DeviceOperations.class).cancel(reboot);

              fake.operations().assertCancelledOnce(reboot);
              assertThat(fake.lastRequest().header("authorization"))
                  .hasValue("Bearer " + AmapiFakeAutoConfiguration.TOKEN);
            });
  }

  @Test
  void otherProperties_stillApply() {
    runner
        .withPropertyValues("amapi.ops.transport=apache", "amapi.ops.request-timeout=7s")
        .run(
            context -> {
              FakeAmapiServer fake = context.getBean(FakeAmapiServer.class);
              assertThat(context.getBean(DeviceOperations.class).toString())
                  .contains("endpoint=" + fake.endpoint())
                  .contains("requestTimeout=PT7S")
                  .contains("ApacheHttpTransport");
            });
  }

  @Test
  void applicationsOwnTokenSource_isLeftAlone_butTheClientSendsTheFakesToken() {
    runner
        .withUserConfiguration(OwnTokens.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(AccessTokenSource.class);
              FakeAmapiServer fake = context.getBean(FakeAmapiServer.class);
              OperationName reboot =
                  fake.operations().issueCommand(DEVICE, CommandType.REBOOT).name();

              context.getBean(DeviceOperations.class).get(reboot);

              assertThat(fake.lastRequest().header("authorization"))
                  .hasValue("Bearer " + AmapiFakeAutoConfiguration.TOKEN);
            });
  }

  @Test
  void contextClose_stopsTheServer() {
    URI[] endpoint = new URI[1];
    runner.run(context -> endpoint[0] = context.getBean(FakeAmapiServer.class).endpoint());

    assertThatThrownBy(() -> connect(endpoint[0])).isInstanceOf(ConnectException.class);
  }

  @Test
  void withoutTheAnnotation_nothingOfTheFake() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AmapiOpsAutoConfiguration.class))
        .withPropertyValues(TestKeys.onClassPath())
        .run(context -> assertThat(context).doesNotHaveBean(FakeAmapiServer.class));
  }

  private static void connect(URI endpoint) throws IOException {
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.getInputStream().read();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(AmapiOpsAutoConfiguration.class)
  @AutoConfigureAmapiFake
  static class WithFake {}

  @Configuration(proxyBeanMethods = false)
  static class OwnTokens {
    @Bean
    AccessTokenSource ownTokens() {
      return AccessTokenSource.fixed(dev.amapi.ops.domain.AccessToken.of("production-token"));
    }
  }
}
