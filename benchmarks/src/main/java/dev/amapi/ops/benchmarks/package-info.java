/**
 * JMH benchmarks of amapi-ops's two transports against Google's generated Android Management
 * client, each talking to the testkit's {@code FakeAmapiServer} on loopback, plus two plain mains:
 * {@link dev.amapi.ops.benchmarks.Footprint} (jars on a consumer's runtime class path) and {@link
 * dev.amapi.ops.benchmarks.ColdStart} (process start to first answered cancel). {@code mvn verify}
 * compiles them and runs none; see the module's RESULTS.md for how to run them.
 */
@NullMarked
package dev.amapi.ops.benchmarks;

import org.jspecify.annotations.NullMarked;
