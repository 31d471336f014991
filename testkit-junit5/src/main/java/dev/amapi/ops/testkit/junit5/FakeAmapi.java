package dev.amapi.ops.testkit.junit5;

import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeOperations;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class (or method) a started {@link FakeAmapiServer} by parameter injection, one per
 * test, stopped after it:
 *
 * <pre>{@code
 * @FakeAmapi
 * class FleetTest {
 *   @Test
 *   void cancelsThePendingReboot(FakeAmapiServer server, DeviceOperations operations) { ... }
 * }
 * }</pre>
 *
 * <p>Parameters of type {@link FakeAmapiServer}, {@link FakeOperations} (the server's state) and
 * {@link DeviceOperations} (the same in-memory state as ports) are injected into test methods,
 * {@code @BeforeEach} and {@code @AfterEach} methods and constructors, all the same server within
 * one test. A {@code @BeforeAll} method that asks for one gets a server for the whole class, which
 * the class's tests then share. For a client over a real transport, use {@link
 * FakeAmapiExtension#withClient}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(FakeAmapiParameterResolver.class)
public @interface FakeAmapi {}
