/**
 * What a client tells about each call as it runs, for logs, traces and metrics: {@link
 * dev.amapi.ops.rest.event.CallListener} and the events it receives ({@link
 * dev.amapi.ops.rest.event.CallStart}, {@link dev.amapi.ops.rest.event.AttemptEnd}, {@link
 * dev.amapi.ops.rest.event.CallEnd}), plus {@link dev.amapi.ops.rest.event.LoggingCallListener},
 * which writes them to {@link java.lang.System.Logger}. No event holds a token or a header value.
 */
@NullMarked
package dev.amapi.ops.rest.event;

import org.jspecify.annotations.NullMarked;
