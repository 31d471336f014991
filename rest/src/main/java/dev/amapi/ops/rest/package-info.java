/**
 * The REST binding of the operations API, written once and shared by every transport: URLs, JSON,
 * the Google error envelope, headers, retries and settings ({@link
 * dev.amapi.ops.rest.DeviceOperationsBuilder}), plus {@link dev.amapi.ops.rest.WireFormat}, the
 * API's JSON for fakes and tools. The per-attempt timeout, the per-call deadline, retries and the
 * 401 refresh are the binding's, the same for every transport; what a transport implements is the
 * small SPI in {@code dev.amapi.ops.rest.spi}.
 */
@NullMarked
package dev.amapi.ops.rest;

import org.jspecify.annotations.NullMarked;
