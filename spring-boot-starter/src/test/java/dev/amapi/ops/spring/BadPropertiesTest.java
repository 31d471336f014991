package dev.amapi.ops.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.transport.okhttp.OkHttpOperations;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** A bad {@code amapi.ops.*} value fails start-up with a message that names the property. */
class BadPropertiesTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AmapiOpsAutoConfiguration.class));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "amapi.ops.call-timeout=-1s | amapi.ops.call-timeout | must be positive",
        "amapi.ops.request-timeout=0s | amapi.ops.request-timeout | must be positive",
        "amapi.ops.connect-timeout=-5ms | amapi.ops.connect-timeout | must be positive",
        "amapi.ops.transport=carrier-pigeon | amapi.ops.transport | Transport",
        "amapi.ops.endpoint=http://androidmanagement.example.com/ | amapi.ops.endpoint | https",
        "amapi.ops.endpoint=https://host/v1?key=1 | amapi.ops.endpoint | query",
        "amapi.ops.endpoint=https://ex ample/ | amapi.ops.endpoint | absolute URL with a host",
        "amapi.ops.credentials=file:/no/such/sa-key.json | amapi.ops.credentials | no service-account key",
        "amapi.ops.credentials=classpath:no-such-key.json | amapi.ops.credentials | no service-account key",
        "amapi.ops.quota-project=my project | amapi.ops.quota-project | project ID",
        "amapi.ops.max-response-bytes=10 | amapi.ops.max-response-bytes | at least 1024",
        "amapi.ops.retry.max-attempts=0 | amapi.ops.retry.max-attempts | at least 1",
        "amapi.ops.retry.initial-backoff=-1s | amapi.ops.retry.initial-backoff | between 0",
        "amapi.ops.retry.max-backoff=2h | amapi.ops.retry.max-backoff | between 0",
        "amapi.ops.retry.retryable-codes=SLOW | amapi.ops.retry.retryable-codes | Code",
      })
  void badValue_failsStartUp_namingTheProperty(String property, String name, String why) {
    runner
        .withPropertyValues(property)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(messages(context.getStartupFailure())).contains(name).contains(why);
            });
  }

  @Test
  void transportNotOnTheClassPath_namesThePropertyAndTheArtifact() {
    runner
        .withClassLoader(new FilteredClassLoader(OkHttpOperations.class))
        .withPropertyValues("amapi.ops.transport=okhttp", TestKeys.onClassPath())
        .run(
            context -> {
              assertThat(messages(context.getStartupFailure()))
                  .contains("amapi.ops.transport=okhttp")
                  .contains("dev.amapi:amapi-ops-transport-okhttp");
              FailureAnalysis analysis = analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("Property: amapi.ops.transport\n")
                  .contains("amapi-ops-transport-okhttp is not on the class path");
              assertThat(analysis.getAction())
                  .isEqualTo(
                      "Add the dependency dev.amapi:amapi-ops-transport-okhttp, or set"
                          + " amapi.ops.transport to a transport that is.");
            });
  }

  @Test
  void noTokenSource_withoutTheAuthModule_saysWhatToAdd() {
    runner
        .withClassLoader(new FilteredClassLoader("dev.amapi.ops.auth"))
        .run(
            context ->
                assertThat(messages(context.getStartupFailure()))
                    .contains("tokenSource is required")
                    .contains("add dev.amapi:amapi-ops-auth, or define an AccessTokenSource bean"));
  }

  @Test
  void twoTokenSources_noneMarkedPrimary_saysToMarkOne() {
    runner
        .withBean(
            "one", AccessTokenSource.class, () -> AccessTokenSource.fixed(AccessToken.of("1")))
        .withBean(
            "two", AccessTokenSource.class, () -> AccessTokenSource.fixed(AccessToken.of("2")))
        .run(
            context ->
                assertThat(messages(context.getStartupFailure()))
                    .contains("several AccessTokenSource beans: mark one @Primary"));
  }

  @Test
  void executorBeanMissing_namesTheProperty() {
    runner
        .withPropertyValues("amapi.ops.executor=noSuchExecutor", TestKeys.onClassPath())
        .run(
            context -> {
              assertThat(messages(context.getStartupFailure()))
                  .contains("amapi.ops.executor=noSuchExecutor names no Executor bean");
              assertThat(analyze(context.getStartupFailure()).getDescription())
                  .contains("Property: amapi.ops.executor\n");
            });
  }

  @Test
  void keyThatIsNotAServiceAccountKey_namesTheProperty() {
    runner
        .withPropertyValues("amapi.ops.credentials=classpath:application-sample.yaml")
        .run(
            context -> {
              assertThat(messages(context.getStartupFailure()))
                  .contains("amapi.ops.credentials")
                  .contains("is not a service-account key");
              assertThat(analyze(context.getStartupFailure()).getDescription())
                  .contains("Property: amapi.ops.credentials\n");
            });
  }

  /**
   * What Spring Boot prints when a real application fails to start: the failure analysis of the
   * exception {@code SpringApplication.run} throws, by the analyzers Boot registers.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--amapi.ops.call-timeout=-1s | amapi.ops.call-timeout | must be positive, was PT-1S",
        "--amapi.ops.transport=carrier-pigeon | amapi.ops.transport | No enum constant",
        "--amapi.ops.credentials=file:/no/such/sa-key.json | amapi.ops.credentials | no service-account key",
        "--amapi.ops.endpoint=ftp://example.com/ | amapi.ops.endpoint | it must use https",
        "--amapi.ops.retry.max-attempts=0 | amapi.ops.retry.max-attempts | must be at least 1",
      })
  void failureAnalysis_ofARealApplication_namesTheProperty(
      String argument, String property, String reason) {
    SpringApplication application = new SpringApplication(App.class);
    application.setWebApplicationType(WebApplicationType.NONE);

    Throwable failure = catchThrowable(() -> application.run(argument).close());

    assertThat(failure).isNotNull();
    FailureAnalysis analysis = analyze(failure);
    assertThat(analysis.getDescription())
        .contains("Property: " + property + "\n")
        .contains("Origin: \"" + property + "\" from property source \"commandLineArgs\"")
        .contains(reason);
  }

  static FailureAnalysis analyze(Throwable failure) {
    List<FailureAnalyzer> analyzers =
        SpringFactoriesLoader.forDefaultResourceLocation(BadPropertiesTest.class.getClassLoader())
            .load(
                FailureAnalyzer.class,
                ArgumentResolver.of(BeanFactory.class, null).and(Environment.class, null),
                FailureHandler.logging(LogFactory.getLog(BadPropertiesTest.class)));
    AnnotationAwareOrderComparator.sort(analyzers); // as SpringApplication does
    for (FailureAnalyzer analyzer : analyzers) {
      FailureAnalysis analysis = analyzer.analyze(failure);
      if (analysis != null) {
        return analysis;
      }
    }
    throw new AssertionError("no failure analysis of " + failure, failure);
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(AmapiOpsAutoConfiguration.class)
  static class App {}

  static String messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.add(t.getMessage());
    }
    return String.join("\n", messages);
  }
}
