package dev.amapi.ops.spring.test;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.spring.AmapiOpsAutoConfiguration;
import dev.amapi.ops.spring.DeviceOperationsBuilderCustomizer;
import dev.amapi.ops.testkit.FakeAmapiServer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * What {@link AutoConfigureAmapiFake} imports (never imported otherwise): a {@link FakeAmapiServer}
 * bean started on a free loopback port and closed with the context, a fixed {@link
 * AccessTokenSource} (so no credentials are looked for), and a {@link
 * DeviceOperationsBuilderCustomizer} that runs last and points the client at the server with that
 * token. Ordered before {@link AmapiOpsAutoConfiguration}, whose own token source then backs off.
 */
@AutoConfiguration(before = AmapiOpsAutoConfiguration.class)
@ConditionalOnClass(FakeAmapiServer.class)
public final class AmapiFakeAutoConfiguration {
  /** The token the client sends to the fake. */
  public static final String TOKEN = "amapi-fake-token";

  /** Made by Spring. */
  public AmapiFakeAutoConfiguration() {}

  /**
   * Returns the fake server, started on {@code 127.0.0.1} on a free port; the context closes it.
   *
   * @return the running server
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public FakeAmapiServer amapiFakeServer() {
    return FakeAmapiServer.start();
  }

  /**
   * Returns a token source that hands out {@value #TOKEN}, unless the application has its own
   * (which the customizer below then overrides for the client).
   *
   * @return the fixed token source
   */
  @Bean
  @ConditionalOnMissingBean
  public AccessTokenSource amapiFakeTokenSource() {
    return AccessTokenSource.fixed(AccessToken.of(TOKEN));
  }

  /**
   * Returns the customizer that points the client at the fake server with the fixed token, after
   * every other customizer.
   *
   * @param server the fake server
   * @return the customizer
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  public DeviceOperationsBuilderCustomizer amapiFakeEndpoint(FakeAmapiServer server) {
    AccessTokenSource tokens = AccessTokenSource.fixed(AccessToken.of(TOKEN));
    return builder -> builder.endpoint(server.endpoint()).tokenSource(tokens);
  }
}
