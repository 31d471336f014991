/**
 * OpenTelemetry traces and metrics of amapi-ops calls: {@link
 * dev.amapi.ops.opentelemetry.OpenTelemetryListener}, registered on any transport's builder.
 */
@NullMarked
package dev.amapi.ops.opentelemetry;

import org.jspecify.annotations.NullMarked;
