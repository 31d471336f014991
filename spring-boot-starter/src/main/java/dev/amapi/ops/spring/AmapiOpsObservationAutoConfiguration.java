package dev.amapi.ops.spring;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Observes every call of the auto-configured {@code DeviceOperations} with Micrometer when the
 * application has an {@link ObservationRegistry} bean: an {@link ObservationCallListener} bean,
 * which {@link AmapiOpsAutoConfiguration} registers on the client with the other {@code
 * CallListener} beans. Runs after Spring Boot's observation auto-configuration, whose class moved
 * between Boot 3 and 4 (both are named).
 */
@AutoConfiguration(
    before = AmapiOpsAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@ConditionalOnClass({ObservationRegistry.class, AmapiOpsAutoConfiguration.class})
@ConditionalOnBean(ObservationRegistry.class)
public final class AmapiOpsObservationAutoConfiguration {
  /** Made by Spring. */
  public AmapiOpsObservationAutoConfiguration() {}

  /**
   * Returns the listener that turns calls into observations.
   *
   * @param registry the application's registry
   * @return the listener
   */
  @Bean
  @ConditionalOnMissingBean
  public ObservationCallListener amapiObservationCallListener(ObservationRegistry registry) {
    return ObservationCallListener.create(registry);
  }
}
