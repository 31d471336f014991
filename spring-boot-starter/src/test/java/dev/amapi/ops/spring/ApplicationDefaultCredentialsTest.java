package dev.amapi.ops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With {@code amapi.ops.credentials} unset, the token source is the Application Default
 * Credentials: here the key file the build's {@code GOOGLE_APPLICATION_CREDENTIALS} names (see the
 * surefire configuration), which this test writes and removes.
 */
class ApplicationDefaultCredentialsTest {
  private final Path adcFile = Path.of(System.getenv("GOOGLE_APPLICATION_CREDENTIALS"));
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AmapiOpsAutoConfiguration.class));

  @AfterEach
  void removeTheKey() throws IOException {
    Files.deleteIfExists(adcFile);
  }

  @Test
  void credentialsUnset_applicationDefaultCredentials_withTheQuotaProject() throws IOException {
    Files.createDirectories(adcFile.getParent());
    ServiceAccountKeys.generate("amapi-ops-test", "adc-key").writeTo(adcFile);

    runner
        .withPropertyValues("amapi.ops.quota-project=fleet-billing")
        .run(
            context -> {
              AccessTokenSource tokens = context.getBean(AccessTokenSource.class);
              assertThat(tokens.toString())
                  .contains("adc-key@amapi-ops-test.iam.gserviceaccount.com");
              assertThat(tokens.quotaProject()).hasValue("fleet-billing");
            });
  }

  @Test
  void noCredentialsAnywhere_failsStartUp_sayingWhichPropertyToSet() throws IOException {
    Files.deleteIfExists(adcFile);

    runner.run(
        context ->
            assertThat(BadPropertiesTest.messages(context.getStartupFailure()))
                .contains("amapi.ops.credentials is not set")
                .contains("GOOGLE_APPLICATION_CREDENTIALS"));
  }
}
