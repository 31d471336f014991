/**
 * The REST binding of the operations API, written once for every transport: URLs, JSON, errors,
 * retries and client settings.
 *
 * <p>Exports {@code dev.amapi.ops.rest} (the builder every transport's entry point extends, its
 * settings, {@code RetryPolicy}, {@code WireFormat}), {@code dev.amapi.ops.rest.event} (call
 * listeners) and {@code dev.amapi.ops.rest.spi} (the transport SPI: what a transport implements,
 * and what the builder's {@code newTransport} returns, so a transport of your own, or a builder
 * that extends one, can be written outside this project). {@code dev.amapi.ops.rest.internal} is
 * not exported.
 */
module dev.amapi.ops.rest {
  requires transitive dev.amapi.ops.domain;
  requires com.fasterxml.jackson.core;
  requires static org.jspecify;

  exports dev.amapi.ops.rest;
  exports dev.amapi.ops.rest.event;
  exports dev.amapi.ops.rest.spi;
}
