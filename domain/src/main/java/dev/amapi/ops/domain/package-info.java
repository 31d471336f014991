/**
 * The Android Management API's long-running operations as plain Java values: names, the status
 * model, operations and their command metadata, and the use cases built on the ports.
 *
 * <p>Nothing here knows HTTP or JSON; adapters in other modules plug it into real stacks.
 */
@NullMarked
package dev.amapi.ops.domain;

import org.jspecify.annotations.NullMarked;
