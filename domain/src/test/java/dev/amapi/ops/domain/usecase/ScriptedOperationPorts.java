package dev.amapi.ops.domain.usecase;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.CancelPort;
import dev.amapi.ops.domain.port.GetOperationPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cancel port and a get port answering from a script, for the domain's own tests (the testkit's
 * fake would make a Maven cycle). Cancel answers with nothing or one error; each get answers the
 * next scripted operation or error, the last one again once the script runs out. Async forms answer
 * with already completed futures. Thread-safe.
 */
class ScriptedOperationPorts implements CancelPort, GetOperationPort {
  private final FakeTiming timing;
  private final Duration latency;
  private volatile AmapiException cancelError;
  private final List<Object> answers = new ArrayList<>();
  private final AtomicInteger cancels = new AtomicInteger();
  private final AtomicInteger gets = new AtomicInteger();
  private final List<Long> getTimes = new ArrayList<>();

  /** Ports that answer at once, on a clock no get moves. */
  ScriptedOperationPorts(FakeTiming timing) {
    this(timing, Duration.ZERO);
  }

  /** Ports whose every get takes {@code latency} on the fake clock. */
  ScriptedOperationPorts(FakeTiming timing, Duration latency) {
    this.timing = timing;
    this.latency = latency;
  }

  /** Makes cancel fail with this error. */
  ScriptedOperationPorts cancelFails(AmapiException error) {
    this.cancelError = error;
    return this;
  }

  /** Queues operations for the next gets to answer. */
  synchronized ScriptedOperationPorts thenGet(Operation... operations) {
    answers.addAll(List.of(operations));
    return this;
  }

  /** Queues an error for the next get to fail with. */
  synchronized ScriptedOperationPorts thenGetFails(AmapiException error) {
    answers.add(error);
    return this;
  }

  /** Returns how many cancels were sent. */
  int cancels() {
    return cancels.get();
  }

  /** Returns how many gets were sent. */
  int gets() {
    return gets.get();
  }

  /** Returns when, on the fake clock, each get was sent. */
  synchronized List<Duration> getTimes() {
    return getTimes.stream().map(Duration::ofNanos).toList();
  }

  @Override
  public void cancel(OperationName name) {
    cancels.incrementAndGet();
    AmapiException error = cancelError;
    if (error != null) {
      throw error;
    }
  }

  @Override
  public CompletableFuture<Void> cancelAsync(OperationName name) {
    try {
      cancel(name);
      return CompletableFuture.completedFuture(null);
    } catch (AmapiException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public Operation get(OperationName name) {
    Object answer = nextAnswer();
    if (answer instanceof AmapiException error) {
      throw error;
    }
    return (Operation) answer;
  }

  @Override
  public CompletableFuture<Operation> getAsync(OperationName name) {
    try {
      return CompletableFuture.completedFuture(get(name));
    } catch (AmapiException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private synchronized Object nextAnswer() {
    int index = gets.getAndIncrement();
    getTimes.add(timing.nanoTime());
    timing.advance(latency);
    if (answers.isEmpty()) {
      throw new IllegalStateException("no get scripted");
    }
    return answers.get(Math.min(index, answers.size() - 1));
  }
}
