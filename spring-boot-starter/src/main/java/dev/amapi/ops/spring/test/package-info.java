/**
 * For an application's own tests: {@link dev.amapi.ops.spring.test.AutoConfigureAmapiFake} points
 * the auto-configured {@code DeviceOperations} bean at the testkit's {@code FakeAmapiServer}. Needs
 * {@code amapi-ops-testkit} and Spring Boot's test support on the test class path.
 */
@NullMarked
package dev.amapi.ops.spring.test;

import org.jspecify.annotations.NullMarked;
