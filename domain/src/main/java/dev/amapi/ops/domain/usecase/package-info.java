/**
 * The use cases, built only on the ports: what a caller wants done, composed from cancel, get and
 * list. Values sit below them in {@code dev.amapi.ops.domain}, ports in {@code
 * dev.amapi.ops.domain.port}.
 */
@NullMarked
package dev.amapi.ops.domain.usecase;

import org.jspecify.annotations.NullMarked;
