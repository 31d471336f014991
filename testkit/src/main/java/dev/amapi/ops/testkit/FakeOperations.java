package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.DeviceOperations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An in-memory fake of the operation ports with the Android Management API's semantics, for tests
 * of code that depends on {@link DeviceOperations}: no HTTP, no threads, no clock to wait for.
 *
 * <p>It holds operations by name, in insertion order per device. Put them there with {@link
 * #seed(Operation)} or {@link #issueCommand(DeviceName, Command)}, and read them back with {@link
 * #operation(OperationName)} and {@link #operations(DeviceName)}. The ports then behave as the API
 * does:
 *
 * <ul>
 *   <li>{@link #cancel} of a pending operation makes it done, failed with {@link Code#CANCELLED}
 *       and the message {@value #CANCELLED_MESSAGE}; of a done operation it changes nothing and
 *       succeeds (what the API does there is unspecified, and {@code {}} is what it answers);
 *   <li>{@link #get} returns the operation;
 *   <li>cancel and get of an unknown operation throw {@link AmapiException} with {@link
 *       Code#NOT_FOUND} and HTTP status 404, as the API answers;
 *   <li>{@link #list} pages in insertion order: page size 0 means {@value #DEFAULT_PAGE_SIZE},
 *       larger than {@value #MAX_PAGE_SIZE} is capped; the only filters understood are {@code done
 *       = true} and {@code done = false}; an unknown device has an empty list, as in the API.
 * </ul>
 *
 * <p>The async forms return futures that are already complete, with the same result or exception.
 *
 * <p>Thread-safe: every method may be called from any thread. After {@link #close()} the ports,
 * {@link #seed} and {@link #issueCommand} throw {@link IllegalStateException}; {@link #operation}
 * and {@link #operations} keep working, so a test can still inspect the state after the code under
 * test closed its client.
 */
public final class FakeOperations implements DeviceOperations {
  /** The page size {@link #list} uses when the request's is 0. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** The largest page {@link #list} returns; larger requested sizes are capped to it. */
  public static final int MAX_PAGE_SIZE = 1000;

  /** The message of the status a cancelled operation ends with. */
  public static final String CANCELLED_MESSAGE = "Operation was cancelled.";

  /** How long an issued command stays valid when the command does not say: the API's default. */
  public static final Duration DEFAULT_COMMAND_DURATION = Duration.ofMinutes(10);

  private static final Status CANCELLED = Status.of(Code.CANCELLED, CANCELLED_MESSAGE);

  private final Object lock = new Object();
  private final Clock clock;
  private final Runnable beforeSeeding;

  // Guarded by lock.
  private final Map<DeviceName, LinkedHashMap<OperationName, Operation>> byDevice = new HashMap<>();
  private long lastIssuedId;
  private boolean closed;

  private FakeOperations(Clock clock, Runnable beforeSeeding) {
    this.clock = clock;
    this.beforeSeeding = beforeSeeding;
  }

  /** Returns an empty fake that names issued operations by the system clock. */
  public static FakeOperations create() {
    return new FakeOperations(Clock.systemUTC(), () -> {});
  }

  /**
   * Returns an empty fake that runs {@code beforeSeeding} before every {@link #seed} and {@link
   * #issueCommand}: the server's hook to refuse seeding while it is in scripted mode.
   */
  static FakeOperations create(Runnable beforeSeeding) {
    return new FakeOperations(Clock.systemUTC(), requireNonNull(beforeSeeding, "beforeSeeding"));
  }

  /**
   * Adds the operation, or replaces the one of the same name (which keeps its place in its device's
   * order), and returns it.
   *
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public Operation seed(Operation operation) {
    requireNonNull(operation, "operation");
    beforeSeeding.run();
    synchronized (lock) {
      checkOpen();
      operationsOf(operation.name().device()).put(operation.name(), operation);
    }
    return operation;
  }

  /**
   * Issues a command to the device as {@code devices.issueCommand} does, and returns the new
   * pending operation.
   *
   * <p>Like the API, the fake names the operation by a numeric ID, the epoch milliseconds of its
   * creation, strictly increasing and unique even when called many times in one millisecond; it
   * sets the command's {@code createTime} to that instant and, when the command has none, its
   * {@code duration} to {@link #DEFAULT_COMMAND_DURATION}.
   *
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public Operation issueCommand(DeviceName device, Command command) {
    requireNonNull(device, "device");
    requireNonNull(command, "command");
    beforeSeeding.run();
    synchronized (lock) {
      checkOpen();
      Map<OperationName, Operation> operations = operationsOf(device);
      long id = Math.max(clock.millis(), lastIssuedId + 1);
      // A seeded operation may already hold a numeric ID; the API never reuses one.
      while (operations.containsKey(device.operation(Long.toString(id)))) {
        id++;
      }
      lastIssuedId = id;
      Command.Builder metadata = command.toBuilder().createTime(Instant.ofEpochMilli(id));
      if (command.duration().isEmpty()) {
        metadata.duration(DEFAULT_COMMAND_DURATION);
      }
      Operation operation =
          Operation.pending(device.operation(Long.toString(id)), metadata.build());
      operations.put(operation.name(), operation);
      return operation;
    }
  }

  /** Returns the operation of this name as the fake holds it now, if there is one. */
  public Optional<Operation> operation(OperationName name) {
    requireNonNull(name, "name");
    synchronized (lock) {
      Map<OperationName, Operation> operations = byDevice.get(name.device());
      return operations == null ? Optional.empty() : Optional.ofNullable(operations.get(name));
    }
  }

  /** Returns the device's operations in insertion order; empty for a device the fake never saw. */
  public List<Operation> operations(DeviceName device) {
    requireNonNull(device, "device");
    synchronized (lock) {
      Map<OperationName, Operation> operations = byDevice.get(device);
      return operations == null ? List.of() : List.copyOf(operations.values());
    }
  }

  /**
   * Cancels the operation if it is pending: it becomes done, failed with {@link Code#CANCELLED}; a
   * done operation is left as it is, without error.
   *
   * @throws AmapiException with {@link Code#NOT_FOUND} (HTTP 404) if there is no such operation
   * @throws IllegalStateException if this fake is closed
   */
  @Override
  public void cancel(OperationName name) {
    requireNonNull(name, "name");
    synchronized (lock) {
      checkOpen();
      Operation operation = find(name, "CancelOperation");
      if (!operation.done()) {
        operationsOf(name.device())
            .put(name, operation.withResult(new OperationResult.Failed(CANCELLED)));
      }
    }
  }

  /**
   * As {@link #cancel(OperationName)}, returning a future already completed with its outcome.
   *
   * @throws IllegalStateException if this fake is closed
   */
  @Override
  public CompletableFuture<Void> cancelAsync(OperationName name) {
    requireNonNull(name, "name");
    checkOpenNow();
    return completed(
        () -> {
          cancel(name);
          return null;
        });
  }

  /**
   * Returns the operation as the fake holds it now.
   *
   * @throws AmapiException with {@link Code#NOT_FOUND} (HTTP 404) if there is no such operation
   * @throws IllegalStateException if this fake is closed
   */
  @Override
  public Operation get(OperationName name) {
    requireNonNull(name, "name");
    synchronized (lock) {
      checkOpen();
      return find(name, "GetOperation");
    }
  }

  /**
   * As {@link #get(OperationName)}, returning a future already completed with its outcome.
   *
   * @throws IllegalStateException if this fake is closed
   */
  @Override
  public CompletableFuture<Operation> getAsync(OperationName name) {
    requireNonNull(name, "name");
    checkOpenNow();
    return completed(() -> get(name));
  }

  /**
   * Returns one page of the device's operations, in insertion order.
   *
   * <p>Page size 0 means {@value #DEFAULT_PAGE_SIZE}; larger than {@value #MAX_PAGE_SIZE} is
   * capped. The page token is opaque and valid only for the device and filter it was issued for.
   * The filter is empty, {@code done = true} or {@code done = false}. A device the fake never saw
   * has an empty list, not an error, as in the API.
   *
   * @throws AmapiException with {@link Code#INVALID_ARGUMENT} (HTTP 400) for a page token this fake
   *     did not issue for this device and filter, or a filter it does not understand
   * @throws IllegalStateException if this fake is closed
   */
  @Override
  public OperationsPage list(DeviceName device, ListOperationsRequest request) {
    requireNonNull(device, "device");
    requireNonNull(request, "request");
    synchronized (lock) {
      checkOpen();
      Predicate<Operation> filter = filter(request.filter());
      int offset = PageTokens.offset(request.pageToken(), device, request.filter());
      int pageSize = request.pageSize() == 0 ? DEFAULT_PAGE_SIZE : request.pageSize();
      pageSize = Math.min(pageSize, MAX_PAGE_SIZE);
      Map<OperationName, Operation> all = byDevice.get(device);
      List<Operation> matching =
          all == null ? List.of() : all.values().stream().filter(filter).toList();
      // Filtered lists can shrink between pages (done = false); a token past the end is the end.
      int from = Math.min(offset, matching.size());
      int to = Math.min(matching.size(), from + pageSize);
      String next = to < matching.size() ? PageTokens.token(to, device, request.filter()) : "";
      return OperationsPage.of(matching.subList(from, to), next);
    }
  }

  /**
   * As {@link #list(DeviceName, ListOperationsRequest)}, returning a future already completed with
   * its outcome.
   *
   * @throws IllegalStateException if this fake is closed
   */
  @Override
  public CompletableFuture<OperationsPage> listAsync(
      DeviceName device, ListOperationsRequest request) {
    requireNonNull(device, "device");
    requireNonNull(request, "request");
    checkOpenNow();
    return completed(() -> list(device, request));
  }

  /**
   * Closes the fake: the ports, {@link #seed} and {@link #issueCommand} throw {@link
   * IllegalStateException} from now on; the state stays readable. Closing twice is harmless.
   */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      int count = byDevice.values().stream().mapToInt(Map::size).sum();
      return "FakeOperations{devices="
          + byDevice.size()
          + ", operations="
          + count
          + (closed ? ", closed" : "")
          + '}';
    }
  }

  private Operation find(OperationName name, String method) {
    Map<OperationName, Operation> operations = byDevice.get(name.device());
    Operation operation = operations == null ? null : operations.get(name);
    if (operation == null) {
      throw new AmapiException(FakeStatuses.notFound(method), Code.NOT_FOUND.httpStatus());
    }
    return operation;
  }

  private Map<OperationName, Operation> operationsOf(DeviceName device) {
    return byDevice.computeIfAbsent(device, d -> new LinkedHashMap<>());
  }

  private static Predicate<Operation> filter(String filter) {
    String compact = filter.replaceAll("\\s+", "");
    return switch (compact) {
      case "" -> operation -> true;
      case "done=true" -> Operation::done;
      case "done=false" -> operation -> !operation.done();
      default ->
          throw new AmapiException(
              FakeStatuses.invalidArgument(
                  "filter is not supported by the fake: \""
                      + FakeStatuses.printable(filter)
                      + "\"; use \"\", \"done = true\" or \"done = false\"",
                  "filter",
                  "unsupported filter"),
              Code.INVALID_ARGUMENT.httpStatus());
    };
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("FakeOperations is closed");
    }
  }

  private void checkOpenNow() {
    synchronized (lock) {
      checkOpen();
    }
  }

  private static <T> CompletableFuture<T> completed(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (AmapiException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
