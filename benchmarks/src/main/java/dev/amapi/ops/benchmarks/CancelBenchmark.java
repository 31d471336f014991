package dev.amapi.ops.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One synchronous cancel, request to answer, on one thread. The first cancel ends the seeded
 * operation {@code CANCELLED}; every later one is a cancel of a done operation, which the fake
 * answers {@code {}} without changing anything, so each invocation does the same work.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CancelBenchmark extends OnFakeServer {

  @Benchmark
  public void cancel() {
    operations.cancel();
  }
}
