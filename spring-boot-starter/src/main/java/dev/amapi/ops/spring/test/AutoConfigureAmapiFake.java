package dev.amapi.ops.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Points the application's auto-configured {@code DeviceOperations} bean at the testkit's {@code
 * FakeAmapiServer}, on a free loopback port, with a fixed test token: no credentials needed, and
 * nothing leaves the machine. Put it on a {@code @SpringBootTest} class (or any test whose context
 * Spring's test support builds, or a {@code @Configuration} class):
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureAmapiFake
 * class RebootCancellerTest {
 *   @Autowired FakeAmapiServer amapi; // seed and inspect the fake
 *   @Autowired RebootCanceller canceller; // the application's bean, using DeviceOperations
 * }
 * }</pre>
 *
 * <p>The server is a bean ({@code FakeAmapiServer}, so a test seeds its {@code operations()},
 * scripts faults and reads its journal) and stops when the context closes; with Spring's context
 * cache, tests that share a context share the server, so reset what a test scripted. The other
 * {@code amapi.ops.*} properties (timeouts, retries, transport) still apply; the endpoint and token
 * source are the fake's. See {@link AmapiFakeAutoConfiguration}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureAmapiFake {}
