package dev.amapi.ops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The README's Spring Boot section shows what is compiled and run here: the application.yaml
 * (src/test/resources/application-sample.yaml, bound below) and the test using
 * {@code @AutoConfigureAmapiFake} (com.example.fleet.RebootCancellerTest, run by surefire).
 */
class ReadmeSpringExampleTest {

  @Test
  void readme_showsTheBoundYaml_andTheTestThatRuns() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String yaml = Files.readString(Path.of("src/test/resources/application-sample.yaml"));
    String test =
        Files.readString(Path.of("src/test/java/com/example/fleet/RebootCancellerTest.java"));

    assertThat(readme).contains(snippet(yaml, "# README:application-yaml"));
    assertThat(readme).contains(snippet(test, "// README:spring-test"));
  }

  @Test
  void readmeYaml_isTheClientsSettings(@TempDir Path dir) throws IOException {
    PropertySource<?> yaml =
        new YamlPropertySourceLoader()
            .load("application-sample", new ClassPathResource("application-sample.yaml"))
            .get(0);
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(SslAutoConfiguration.class, AmapiOpsAutoConfiguration.class))
        .withInitializer(context -> context.getEnvironment().getPropertySources().addLast(yaml))
        // The example's key file, executor and SSL bundle are the application's: stand-ins here.
        .withPropertyValues(
            TestKeys.onClassPath(),
            "spring.ssl.bundle.pem.corporate-ca.truststore.certificate=file:"
                + TestKeys.fakeServerCertificate(dir))
        .withBean("fleetExecutor", Executor.class, () -> Runnable::run)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(AccessTokenSource.class).quotaProject())
                  .hasValue("fleet-billing");
              assertThat(context.getBean(DeviceOperations.class).toString())
                  .contains("endpoint=https://androidmanagement.googleapis.com/")
                  .contains("connectTimeout=PT5S")
                  .contains("requestTimeout=PT10S")
                  .contains("callTimeout=PT30S")
                  .contains("applicationName=device-fleet/2.1")
                  .contains("maxResponseBytes=8388608")
                  .contains("executor=caller's")
                  .contains("sslContext=TLS")
                  .contains(
                      "RetryPolicy{maxAttempts=5, initialBackoff=PT0.5S, maxBackoff=PT10S,"
                          + " retryableCodes=[UNAVAILABLE]}");
            });
  }

  /** The text between {@code <marker>:start} and {@code <marker>:end}, without those lines. */
  static String snippet(String source, String marker) {
    int start = source.indexOf(marker + ":start");
    int end = source.indexOf(marker + ":end");
    assertThat(start).as("%s:start", marker).isNotNegative();
    assertThat(end).as("%s:end", marker).isGreaterThan(start);
    String between = source.substring(source.indexOf('\n', start) + 1, end);
    return between.substring(0, between.lastIndexOf('\n') + 1);
  }
}
