package dev.amapi.ops.spring;

import dev.amapi.ops.rest.DeviceOperationsBuilder;

/**
 * Changes the builder of the auto-configured {@code DeviceOperations} bean after the {@code
 * amapi.ops.*} properties are applied, for the settings that are objects rather than properties:
 * {@code proxy}, an {@code sslContext} that is no SSL bundle, or a transport's own options. Every
 * bean of this type is called, in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface DeviceOperationsBuilderCustomizer {
  /**
   * Changes the builder.
   *
   * @param builder the builder of whichever transport was chosen, properties applied
   */
  void customize(DeviceOperationsBuilder<?> builder);
}
