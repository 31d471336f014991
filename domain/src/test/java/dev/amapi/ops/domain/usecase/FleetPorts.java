package dev.amapi.ops.domain.usecase;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.CancelPort;
import dev.amapi.ops.domain.port.GetOperationPort;
import dev.amapi.ops.domain.port.ListOperationsPort;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * A small in-memory fleet behind the three operation ports, for BulkCancel's tests (the testkit's
 * fake would make a Maven cycle): operations per device in insertion order, pages of {@link
 * #PAGE_SIZE}, a cancel that ends a pending operation cancelled at once (or never, if scripted),
 * errors scripted per call, and a journal of every call with the time it arrived. Thread-safe.
 */
final class FleetPorts implements CancelPort, GetOperationPort, ListOperationsPort {
  static final int PAGE_SIZE = 2;

  /** One call as it arrived. */
  record Call(String method, String name, Duration time) {}

  private final LongSupplier nanoTime;
  private final Map<DeviceName, LinkedHashMap<OperationName, Operation>> fleet = new HashMap<>();
  private final Map<String, Deque<AmapiException>> failures = new HashMap<>();
  private final Set<OperationName> neverCancelled = new HashSet<>();
  private final List<Call> calls = new ArrayList<>();

  FleetPorts(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  synchronized FleetPorts add(Operation operation) {
    fleet
        .computeIfAbsent(operation.name().device(), d -> new LinkedHashMap<>())
        .put(operation.name(), operation);
    return this;
  }

  /** Makes the next calls of this method on this name ("list" takes the device) fail in turn. */
  synchronized FleetPorts failNext(String method, Object name, AmapiException... errors) {
    failures.computeIfAbsent(method + " " + name, k -> new ArrayDeque<>()).addAll(List.of(errors));
    return this;
  }

  /** Makes every call of this method on this name fail with this error. */
  synchronized FleetPorts failAlways(String method, Object name, AmapiException error) {
    Deque<AmapiException> queue =
        failures.computeIfAbsent(method + " " + name, k -> new ArrayDeque<>());
    for (int i = 0; i < 1000; i++) {
      queue.add(error);
    }
    return this;
  }

  /** Makes cancels of this operation accepted but never take effect. */
  synchronized FleetPorts cancelNeverTakesEffect(OperationName name) {
    neverCancelled.add(name);
    return this;
  }

  synchronized Operation operation(OperationName name) {
    return fleet.get(name.device()).get(name);
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized long count(String method, OperationName name) {
    return calls.stream()
        .filter(c -> c.method().equals(method) && c.name().equals(name.toString()))
        .count();
  }

  private void enter(String method, Object name) {
    calls.add(new Call(method, name.toString(), Duration.ofNanos(nanoTime.getAsLong())));
    Deque<AmapiException> queue = failures.get(method + " " + name);
    AmapiException failure = queue == null ? null : queue.poll();
    if (failure != null) {
      throw failure;
    }
  }

  private Operation find(OperationName name) {
    Map<OperationName, Operation> operations = fleet.get(name.device());
    Operation operation = operations == null ? null : operations.get(name);
    if (operation == null) {
      throw new AmapiException(Status.of(Code.NOT_FOUND, "Requested entity was not found."), 404);
    }
    return operation;
  }

  @Override
  public synchronized void cancel(OperationName name) {
    enter("cancel", name);
    Operation operation = find(name);
    if (!operation.done() && !neverCancelled.contains(name)) {
      fleet
          .get(name.device())
          .put(
              name,
              operation.withResult(
                  new OperationResult.Failed(
                      Status.of(Code.CANCELLED, "Operation was cancelled."))));
    }
  }

  @Override
  public CompletableFuture<Void> cancelAsync(OperationName name) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized Operation get(OperationName name) {
    enter("get", name);
    return find(name);
  }

  @Override
  public CompletableFuture<Operation> getAsync(OperationName name) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized OperationsPage list(DeviceName device, ListOperationsRequest request) {
    enter("list", device);
    List<Operation> all = List.copyOf(fleet.getOrDefault(device, new LinkedHashMap<>()).values());
    int from = request.pageToken().isEmpty() ? 0 : Integer.parseInt(request.pageToken());
    int to = Math.min(all.size(), from + PAGE_SIZE);
    return OperationsPage.of(all.subList(from, to), to < all.size() ? Integer.toString(to) : "");
  }

  @Override
  public CompletableFuture<OperationsPage> listAsync(
      DeviceName device, ListOperationsRequest request) {
    throw new UnsupportedOperationException();
  }
}
