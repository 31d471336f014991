/**
 * OpenTelemetry traces and metrics of amapi-ops calls: {@code
 * dev.amapi.ops.opentelemetry.OpenTelemetryListener}. Its one package is API.
 */
module dev.amapi.ops.opentelemetry {
  requires transitive dev.amapi.ops.rest;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;
  requires static org.jspecify;

  exports dev.amapi.ops.opentelemetry;
}
