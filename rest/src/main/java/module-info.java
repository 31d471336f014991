/**
 * The REST binding of the operations API, written once for every transport: URLs, JSON, errors,
 * retries and client settings.
 *
 * <p>Exports {@code dev.amapi.ops.rest} (the builder every transport's entry point extends, its
 * settings, {@code RetryPolicy}, {@code WireFormat}) and {@code dev.amapi.ops.rest.event} (call
 * listeners). The transport SPI, {@code dev.amapi.ops.rest.spi}, is exported to the transports
 * only: it is nothing a user calls. {@code dev.amapi.ops.rest.internal} is not exported.
 */
module dev.amapi.ops.rest {
  requires transitive dev.amapi.ops.domain;
  requires com.fasterxml.jackson.core;
  requires static org.jspecify;

  exports dev.amapi.ops.rest;
  exports dev.amapi.ops.rest.event;
  exports dev.amapi.ops.rest.spi to
      dev.amapi.ops.transport.jdk,
      dev.amapi.ops.transport.apache,
      dev.amapi.ops.transport.okhttp;
}
