/**
 * Spring Boot auto-configuration for amapi-ops: a {@link
 * dev.amapi.ops.domain.port.DeviceOperations} bean built from the {@code amapi.ops.*} properties
 * ({@link dev.amapi.ops.spring.AmapiOpsProperties}) by {@link
 * dev.amapi.ops.spring.AmapiOpsAutoConfiguration}, and Micrometer observations of its calls ({@link
 * dev.amapi.ops.spring.ObservationCallListener}) when the application has an {@code
 * ObservationRegistry}.
 */
@NullMarked
package dev.amapi.ops.spring;

import org.jspecify.annotations.NullMarked;
