/**
 * JMH benchmarks of amapi-ops's two transports against Google's generated Android Management client
 * and against the raw client of each transport's stack, each talking to the testkit's {@code
 * FakeAmapiServer} on loopback over http and https, plus five plain mains: {@link
 * dev.amapi.ops.benchmarks.Ratios} (amapi-ops/raw ratios in one run), {@link
 * dev.amapi.ops.benchmarks.SpringStarterCost} (the Spring Boot starter's bean and Micrometer bridge
 * against a client built by hand, and the time the starter adds to a context's start), {@link
 * dev.amapi.ops.benchmarks.Footprint} (jars on a consumer's runtime class path), {@link
 * dev.amapi.ops.benchmarks.ColdStart} (process start to first answered cancel), and {@link
 * dev.amapi.ops.benchmarks.CliStart} (the CLI's {@code --fake get}, process start to exit, with and
 * without its launcher's class-data archive). {@code mvn verify} compiles them and runs none; see
 * the module's RESULTS.md for how to run them.
 */
@NullMarked
package dev.amapi.ops.benchmarks;

import org.jspecify.annotations.NullMarked;
