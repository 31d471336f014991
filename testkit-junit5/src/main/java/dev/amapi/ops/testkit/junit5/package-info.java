/**
 * JUnit 5 support: {@link dev.amapi.ops.testkit.junit5.FakeAmapiExtension} for a started {@link
 * dev.amapi.ops.testkit.FakeAmapiServer} (and a client of it) from one {@code @RegisterExtension}
 * field, and {@link dev.amapi.ops.testkit.junit5.FakeAmapi} for one per test by parameter
 * injection.
 */
@NullMarked
package dev.amapi.ops.testkit.junit5;

import org.jspecify.annotations.NullMarked;
