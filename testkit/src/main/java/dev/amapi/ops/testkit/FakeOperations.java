package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandParams;
import dev.amapi.ops.domain.CommandType;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory fake of the operation ports with the Android Management API's semantics, for tests
 * of code that depends on {@link DeviceOperations}: no HTTP, no threads and no clock to wait for
 * unless a {@link #latency(Duration)} is scripted.
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
 * <p>Faults are scripted, for one operation or for all: what a cancel does ({@link
 * #onCancel(OperationName, OnCancel)}, {@link #onCancelOfAll(OnCancel)}: unsupported, overtaken by
 * completion or failure, asynchronous, rejected when done), {@link #latency(Duration)} on every
 * call, and failures of the next calls ({@link #failNextCalls(int, Code)}). A {@link
 * FakeAmapiServer} answers from this fake, so it honours the same script over HTTP.
 *
 * <p>Time moves on the fake's clock ({@link #create(Clock)}; the system clock by default, a {@link
 * FakeClock} for a test that moves it): operations can complete by themselves after a delay ({@link
 * #completesAfter(OperationName, Duration)}, {@link #devicesPickUpCommandsAfter(Duration)}) and
 * pending commands can expire after their {@code duration} ({@link #expireCommands(boolean)}), so
 * that a cancel that comes too late is testable without sleeping.
 *
 * <p>Every call is recorded, in order, for assertions: {@link #calls()}, {@link
 * #cancelCount(OperationName)}, {@link #assertCancelledOnce(OperationName)}, {@link
 * #assertNeverCancelled(OperationName)}.
 *
 * <p>The async forms never throw but for a null argument: they return futures that are already
 * complete, with the same result or exception; with a {@link #latency(Duration)} they complete that
 * much later, and no thread sleeps out the wait, so any number of calls wait it out together (the
 * sync forms sleep on the caller's thread).
 *
 * <p>Thread-safe: every method may be called from any thread. After {@link #close()} the sync
 * ports, {@link #seed} and {@link #issueCommand} throw {@link IllegalStateException}, and the async
 * ports return futures failed with it, as the HTTP clients do; {@link #operation} and {@link
 * #operations} keep working, so a test can still inspect the state after the code under test closed
 * its client.
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

  /** The message of the status {@link #failNextCalls} fails calls with. */
  public static final String SCRIPTED_FAILURE_MESSAGE =
      "Failure scripted with FakeOperations.failNextCalls";

  /** The message of the status an expired command's operation ends with. */
  public static final String EXPIRED_MESSAGE =
      "The command expired: the device did not run it within its duration.";

  private static final Status CANCELLED = Status.of(Code.CANCELLED, CANCELLED_MESSAGE);
  private static final Status EXPIRED = Status.of(Code.DEADLINE_EXCEEDED, EXPIRED_MESSAGE);

  private final Object lock = new Object();
  private final Clock clock;
  private final Runnable beforeSeeding;

  // Guarded by lock.
  private final Map<DeviceName, LinkedHashMap<OperationName, Operation>> byDevice = new HashMap<>();
  private long lastIssuedId;
  private boolean closed;
  private final Map<OperationName, OnCancel> onCancel = new HashMap<>();
  private OnCancel onCancelOfAll = OnCancel.succeeds();
  // Cancels scripted to take effect later: how many more gets still read the operation pending.
  private final Map<OperationName, Integer> cancelsInFlight = new HashMap<>();
  private final Deque<CallFailure> failures = new ArrayDeque<>();
  private Duration latency = Duration.ZERO;
  private final List<PortCall> calls = new ArrayList<>();
  // When pending operations complete by themselves: a device picked the command up.
  private final Map<OperationName, Instant> completions = new HashMap<>();
  private @Nullable Duration pickUpAfter;
  private boolean commandsExpire;

  private FakeOperations(Clock clock, Runnable beforeSeeding) {
    this.clock = clock;
    this.beforeSeeding = beforeSeeding;
  }

  /**
   * Returns an empty fake that names issued operations by the system clock.
   *
   * @return a fake holding no operation and no scripted fault; the caller closes it
   */
  public static FakeOperations create() {
    return new FakeOperations(Clock.systemUTC(), () -> {});
  }

  /**
   * Returns an empty fake that reads time from {@code clock}: issued operations' names and {@code
   * createTime}, the time of recorded calls, and when scripted completions ({@link
   * #completesAfter}, {@link #devicesPickUpCommandsAfter}) and command expiry ({@link
   * #expireCommands}) happen. With a {@link FakeClock} the test moves time itself.
   *
   * @param clock the fake's clock, such as a {@link FakeClock}
   * @return a fake holding no operation and no scripted fault; the caller closes it
   */
  public static FakeOperations create(Clock clock) {
    return new FakeOperations(requireNonNull(clock, "clock"), () -> {});
  }

  /**
   * Returns an empty fake that runs {@code beforeSeeding} before every {@link #seed}, {@link
   * #issueCommand} and fault scripting: the server's hook to refuse them while it is in scripted
   * mode.
   */
  static FakeOperations create(Clock clock, Runnable beforeSeeding) {
    return new FakeOperations(
        requireNonNull(clock, "clock"), requireNonNull(beforeSeeding, "beforeSeeding"));
  }

  /** Returns the clock this fake reads time from. */
  Clock clock() {
    return clock;
  }

  /**
   * Adds the operation, or replaces the one of the same name (which keeps its place in its device's
   * order), and returns it.
   *
   * @param operation the operation, as {@code get} will return it
   * @return {@code operation}, for chaining into a test's setup
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
   * Seeds every operation of {@code json}, as the API writes them: one {@code Operation}, a list of
   * them, or a list page ({@code {"operations":[...]}}, its {@code nextPageToken} ignored). Each is
   * seeded as {@link #seed(Operation)} does, in order; nothing is seeded if any of them cannot be
   * read. What the standalone server's {@code --seed FILE} and {@code POST /__admin/operations}
   * take.
   *
   * @param json the operations, UTF-8 JSON
   * @return the operations seeded, in order; empty for an empty list
   * @throws IllegalArgumentException if {@code json} is none of the three forms, or an operation in
   *     it is not one the API could answer; the message says which and why
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public List<Operation> seedJson(byte[] json) {
    requireNonNull(json, "json");
    List<Operation> operations = OperationsJson.read(json);
    operations.forEach(this::seed);
    return operations;
  }

  /**
   * Issues a command to the device as {@code devices.issueCommand} does, and returns the new
   * pending operation: the port call, recorded ({@link PortCall.Method#ISSUE_COMMAND}, named by the
   * device) and subject to {@link #latency} and {@link #failNextCalls} as every call is, and the
   * way a test seeds a command.
   *
   * <p>Like the API, the fake names the operation by a numeric ID, the epoch milliseconds of its
   * creation, strictly increasing and unique even when called many times in one millisecond; it
   * sets the command's {@code createTime} to that instant and, when the command has none, its
   * {@code duration} to {@link #DEFAULT_COMMAND_DURATION}; it keeps no new password (the
   * operation's {@code RESET_PASSWORD} parameters hold an empty one). It refuses, as the API does,
   * with {@link Code#INVALID_ARGUMENT} (HTTP 400): a type it does not know or {@code
   * COMMAND_TYPE_UNSPECIFIED}, a duration that is not positive, a field a {@code Command} does not
   * have, and parameters kept raw (of another type's command, or not of the API's shape).
   *
   * @param device the device the command is issued to
   * @param command the command; its {@code createTime} is replaced
   * @return the new operation, pending
   * @throws AmapiException with {@link Code#INVALID_ARGUMENT} (HTTP 400) for a command the API
   *     refuses; with the scripted status if {@link #failNextCalls} says so
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  @Override
  public Operation issueCommand(DeviceName device, Command command) {
    requireNonNull(device, "device");
    requireNonNull(command, "command");
    beforeSeeding.run();
    enter(PortCall.Method.ISSUE_COMMAND, device.toString());
    return issueNow(device, command);
  }

  /**
   * As {@link #issueCommand(DeviceName, Command)}, returning a future completed with its outcome:
   * failed with {@link IllegalStateException} if this fake is closed.
   */
  @Override
  public CompletableFuture<Operation> issueCommandAsync(DeviceName device, Command command) {
    requireNonNull(device, "device");
    requireNonNull(command, "command");
    return async(PortCall.Method.ISSUE_COMMAND, device.toString(), () -> issueNow(device, command));
  }

  /** Issues as {@link #issueCommand} does, without recording the call or playing call faults. */
  Operation issueNow(DeviceName device, Command command) {
    refuseAsTheApiDoes(command);
    synchronized (lock) {
      checkOpen();
      settle();
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
      if (command.params().orElse(null) instanceof CommandParams.ResetPassword reset) {
        // A server hands no password back: the operation keeps the flags only.
        metadata.params(new CommandParams.ResetPassword("", reset.flags()));
      }
      Operation operation =
          Operation.pending(device.operation(Long.toString(id)), metadata.build());
      operations.put(operation.name(), operation);
      if (pickUpAfter != null) {
        completions.put(operation.name(), Instant.ofEpochMilli(id).plus(pickUpAfter));
      }
      return operation;
    }
  }

  /** The fields of a {@code Command} in the API's newest revision. */
  private static final Set<String> COMMAND_FIELDS =
      Set.of(
          "type",
          "createTime",
          "duration",
          "userName",
          "errorCode",
          "newPassword",
          "resetPasswordFlags",
          "clearAppsDataParams",
          "clearAppsDataStatus",
          "startLostModeParams",
          "startLostModeStatus",
          "stopLostModeParams",
          "stopLostModeStatus",
          "addEsimParams",
          "removeEsimParams",
          "esimStatus",
          "requestDeviceInfoParams",
          "requestDeviceInfoStatus",
          "wipeParams");

  private static void refuseAsTheApiDoes(Command command) {
    CommandType type = command.type();
    if (!type.isKnown() || type.equals(CommandType.COMMAND_TYPE_UNSPECIFIED)) {
      throw invalidCommand(
          "Invalid value at 'command.type' (type.googleapis.com/"
              + "google.android.devicemanagement.v1.Command.CommandType), \""
              + FakeStatuses.printable(type.name())
              + "\"",
          "command.type");
    }
    Duration duration = command.duration().orElse(null);
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw invalidCommand("The command's duration must be positive", "command.duration");
    }
    for (String field : command.otherFields().keySet()) {
      if (!COMMAND_FIELDS.contains(field)) {
        throw invalidCommand(
            "Invalid JSON payload received. Unknown name \""
                + FakeStatuses.printable(field)
                + "\": Cannot find field.",
            "command." + field);
      }
      if (field.equals("newPassword")
          || field.equals("resetPasswordFlags")
          || field.endsWith("Params")) {
        throw invalidCommand(
            "The field "
                + field
                + " is not valid for a command of type "
                + type
                + ", or not of the API's shape",
            "command." + field);
      }
    }
  }

  private static AmapiException invalidCommand(String message, String field) {
    return new AmapiException(
        FakeStatuses.invalidArgument(message, field, message), Code.INVALID_ARGUMENT.httpStatus());
  }

  /**
   * Issues a command of this type with no parameters, as {@link #issueCommand(DeviceName, Command)}
   * does: pending, named by its creation time, valid for {@link #DEFAULT_COMMAND_DURATION}.
   *
   * @param device the device the command is issued to
   * @param type the command's type, such as {@link CommandType#REBOOT}
   * @return the new operation, pending
   * @throws IllegalArgumentException for a type that needs parameters ({@code CLEAR_APP_DATA}):
   *     issue a {@link Command} with them instead
   * @throws AmapiException as {@link #issueCommand(DeviceName, Command)} throws it
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public Operation issueCommand(DeviceName device, CommandType type) {
    requireNonNull(type, "type");
    return issueCommand(device, Command.builder(type).build());
  }

  /**
   * Returns the operation of this name as the fake holds it now, without recording a call.
   *
   * @param name the operation's name
   * @return the operation, or empty if the fake holds none of that name
   */
  public Optional<Operation> operation(OperationName name) {
    requireNonNull(name, "name");
    synchronized (lock) {
      settle();
      Map<OperationName, Operation> operations = byDevice.get(name.device());
      return operations == null ? Optional.empty() : Optional.ofNullable(operations.get(name));
    }
  }

  /**
   * Returns the device's operations as the fake holds them now, without recording a call.
   *
   * @param device the device
   * @return an immutable snapshot in insertion order; empty for a device the fake never saw
   */
  public List<Operation> operations(DeviceName device) {
    requireNonNull(device, "device");
    synchronized (lock) {
      settle();
      Map<OperationName, Operation> operations = byDevice.get(device);
      return operations == null ? List.of() : List.copyOf(operations.values());
    }
  }

  /**
   * Cancels the operation as scripted by {@link #onCancel} (by default, if it is pending it becomes
   * done, failed with {@link Code#CANCELLED}; a done operation is left as it is, without error).
   *
   * @throws AmapiException with {@link Code#NOT_FOUND} (HTTP 404) if there is no such operation;
   *     with the scripted status if {@link #onCancel} or {@link #failNextCalls} says so
   * @throws IllegalStateException if this fake is closed
   */
  @Override
  public void cancel(OperationName name) {
    requireNonNull(name, "name");
    enter(PortCall.Method.CANCEL, name.toString());
    cancelNow(name);
  }

  /** Cancels as {@link #cancel} does, without recording the call or playing call faults. */
  void cancelNow(OperationName name) {
    synchronized (lock) {
      checkOpen();
      settle();
      Operation operation = find(name, "CancelOperation");
      OnCancel outcome = onCancel.getOrDefault(name, onCancelOfAll);
      if (outcome instanceof OnCancel.Unimplemented) {
        throw new AmapiException(
            Status.of(Code.UNIMPLEMENTED, OnCancel.UNIMPLEMENTED_MESSAGE),
            Code.UNIMPLEMENTED.httpStatus());
      }
      if (operation.done()) {
        if (outcome instanceof OnCancel.RejectedWhenDone) {
          throw new AmapiException(
              Status.of(Code.FAILED_PRECONDITION, OnCancel.ALREADY_DONE_MESSAGE),
              Code.FAILED_PRECONDITION.httpStatus());
        }
        return;
      }
      OperationResult result;
      if (outcome instanceof OnCancel.CompletesAnyway) {
        result = OperationResult.Succeeded.issueCommandResponse();
      } else if (outcome instanceof OnCancel.FailsWith failsWith) {
        result = new OperationResult.Failed(failsWith.status());
      } else if (outcome instanceof OnCancel.TakesEffectAfterGets later) {
        cancelsInFlight.putIfAbsent(name, later.gets());
        return;
      } else {
        result = new OperationResult.Failed(CANCELLED);
      }
      operationsOf(name.device()).put(name, operation.withResult(result));
    }
  }

  /**
   * As {@link #cancel(OperationName)}, returning a future completed with its outcome: failed with
   * {@link IllegalStateException} if this fake is closed.
   */
  @Override
  public CompletableFuture<Void> cancelAsync(OperationName name) {
    requireNonNull(name, "name");
    return async(
        PortCall.Method.CANCEL,
        name.toString(),
        () -> {
          cancelNow(name);
          return null;
        });
  }

  /**
   * Returns the operation as the fake holds it now.
   *
   * @throws AmapiException with {@link Code#NOT_FOUND} (HTTP 404) if there is no such operation;
   *     with the scripted status if {@link #failNextCalls} says so
   * @throws IllegalStateException if this fake is closed
   */
  @Override
  public Operation get(OperationName name) {
    requireNonNull(name, "name");
    enter(PortCall.Method.GET, name.toString());
    return getNow(name);
  }

  /** Gets as {@link #get} does, without recording the call or playing call faults. */
  Operation getNow(OperationName name) {
    synchronized (lock) {
      checkOpen();
      settle();
      Operation operation = find(name, "GetOperation");
      Integer pendingGets = cancelsInFlight.get(name);
      if (pendingGets == null) {
        return operation;
      }
      if (pendingGets > 0) {
        cancelsInFlight.put(name, pendingGets - 1);
        return operation;
      }
      cancelsInFlight.remove(name);
      if (operation.done()) {
        return operation;
      }
      Operation cancelled = operation.withResult(new OperationResult.Failed(CANCELLED));
      operationsOf(name.device()).put(name, cancelled);
      return cancelled;
    }
  }

  /**
   * As {@link #get(OperationName)}, returning a future completed with its outcome: failed with
   * {@link IllegalStateException} if this fake is closed.
   */
  @Override
  public CompletableFuture<Operation> getAsync(OperationName name) {
    requireNonNull(name, "name");
    return async(PortCall.Method.GET, name.toString(), () -> getNow(name));
  }

  /**
   * Returns one page of the device's operations, in insertion order.
   *
   * <p>Page size 0 means {@value #DEFAULT_PAGE_SIZE}; larger than {@value #MAX_PAGE_SIZE} is
   * capped. The page token is opaque and valid only for the device and filter it was issued for; it
   * is not signed, so a forged one that decodes gives that page (Google's cannot be forged). The
   * filter is empty, {@code done = true} or {@code done = false}. A device the fake never saw has
   * an empty list, not an error, as in the API.
   *
   * @throws AmapiException with {@link Code#INVALID_ARGUMENT} (HTTP 400) for a page token this fake
   *     did not issue for this device and filter, or a filter it does not understand; with the
   *     scripted status if {@link #failNextCalls} says so
   * @throws IllegalStateException if this fake is closed
   */
  @Override
  public OperationsPage list(DeviceName device, ListOperationsRequest request) {
    requireNonNull(device, "device");
    requireNonNull(request, "request");
    enter(PortCall.Method.LIST, device.toString());
    return listNow(device, request);
  }

  /** Lists as {@link #list} does, without recording the call or playing call faults. */
  OperationsPage listNow(DeviceName device, ListOperationsRequest request) {
    synchronized (lock) {
      checkOpen();
      settle();
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
   * As {@link #list(DeviceName, ListOperationsRequest)}, returning a future completed with its
   * outcome: failed with {@link IllegalStateException} if this fake is closed.
   */
  @Override
  public CompletableFuture<OperationsPage> listAsync(
      DeviceName device, ListOperationsRequest request) {
    requireNonNull(device, "device");
    requireNonNull(request, "request");
    return async(PortCall.Method.LIST, device.toString(), () -> listNow(device, request));
  }

  // ---------------------------------------------------------------------------------------------
  // Time

  /**
   * Scripts the operation to complete by itself {@code after} from now, by this fake's clock, as
   * when the device picks the command up and runs it: once the clock reaches that instant, a still
   * pending operation becomes done with {@link OperationResult.Succeeded#issueCommandResponse()}. A
   * cancel that arrives later finds it done and changes nothing: "the cancel came too late",
   * testable with a {@link FakeClock} and no sleep. Replaces any completion scripted before for it;
   * the operation need not exist yet.
   *
   * @param name the operation
   * @param after how long from now, by this fake's clock; zero completes it at the next read
   * @throws IllegalArgumentException if {@code after} is negative
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public void completesAfter(OperationName name, Duration after) {
    requireNonNull(name, "name");
    checkNotNegative(after, "after");
    beforeSeeding.run();
    synchronized (lock) {
      checkOpen();
      completions.put(name, clock.instant().plus(after));
    }
  }

  /**
   * Makes every command issued from now on ({@link #issueCommand(DeviceName, Command)}) complete by
   * itself {@code after} its {@code createTime}, as {@link #completesAfter} does: the devices pick
   * commands up after that long. Commands issued before, and seeded operations, are not touched.
   *
   * @param after how long devices take to run a command, by this fake's clock
   * @throws IllegalArgumentException if {@code after} is negative
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public void devicesPickUpCommandsAfter(Duration after) {
    checkNotNegative(after, "after");
    beforeSeeding.run();
    synchronized (lock) {
      checkOpen();
      pickUpAfter = after;
    }
  }

  /**
   * Makes pending commands expire, or stops them expiring (the default): with it on, an operation
   * still pending when this fake's clock passes its command's {@code createTime} plus {@code
   * duration} becomes done, failed with {@link Code#DEADLINE_EXCEEDED} and the message {@value
   * #EXPIRED_MESSAGE}. The API documents that a command expires but not how its operation reads
   * then; this is the fake's choice. An operation whose command has no {@code createTime} or no
   * {@code duration} never expires. Off by default, because seeded operations often carry old
   * creation times.
   *
   * @param expire whether pending commands expire from now on
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public void expireCommands(boolean expire) {
    beforeSeeding.run();
    synchronized (lock) {
      checkOpen();
      commandsExpire = expire;
    }
  }

  /** Applies every completion and expiry due by the clock; call holding the lock. */
  private void settle() {
    if (completions.isEmpty() && !commandsExpire) {
      return;
    }
    Instant now = clock.instant();
    for (Map<OperationName, Operation> device : byDevice.values()) {
      for (Map.Entry<OperationName, Operation> entry : device.entrySet()) {
        Operation operation = entry.getValue();
        if (operation.done()) {
          continue;
        }
        Instant completes = completions.get(entry.getKey());
        Instant expires = commandsExpire ? expiry(operation) : null;
        if (completes != null
            && !completes.isAfter(now)
            && (expires == null || !expires.isBefore(completes))) {
          entry.setValue(operation.withResult(OperationResult.Succeeded.issueCommandResponse()));
        } else if (expires != null && !expires.isAfter(now)) {
          entry.setValue(operation.withResult(new OperationResult.Failed(EXPIRED)));
        }
      }
    }
  }

  private static @Nullable Instant expiry(Operation operation) {
    Command command = operation.metadata().orElse(null);
    if (command == null || command.createTime().isEmpty() || command.duration().isEmpty()) {
      return null;
    }
    return command.createTime().get().plus(command.duration().get());
  }

  private static void checkNotNegative(Duration duration, String what) {
    requireNonNull(duration, what);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + duration);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fault scripting

  /**
   * Scripts what cancelling this operation does from now on, whether or not it exists yet; it wins
   * over {@link #onCancelOfAll(OnCancel)}.
   *
   * @param name the operation whose cancels to script
   * @param outcome what each cancel of it does
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public void onCancel(OperationName name, OnCancel outcome) {
    requireNonNull(name, "name");
    requireNonNull(outcome, "outcome");
    beforeSeeding.run();
    synchronized (lock) {
      checkOpen();
      onCancel.put(name, outcome);
    }
  }

  /**
   * Scripts what cancelling any operation without its own {@link #onCancel(OperationName,
   * OnCancel)} does from now on; {@link OnCancel#succeeds()} until set.
   *
   * @param outcome what each such cancel does
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public void onCancelOfAll(OnCancel outcome) {
    requireNonNull(outcome, "outcome");
    beforeSeeding.run();
    synchronized (lock) {
      checkOpen();
      onCancelOfAll = outcome;
    }
  }

  /**
   * Makes every call from now on take {@code latency} longer (over HTTP, the server waits that long
   * before answering); {@link Duration#ZERO}, the default, for none.
   *
   * @param latency the added delay of every call; replaces any set before
   * @throws IllegalArgumentException if {@code latency} is negative
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public void latency(Duration latency) {
    requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, was " + latency);
    }
    beforeSeeding.run();
    synchronized (lock) {
      checkOpen();
      this.latency = latency;
    }
  }

  /**
   * Makes the next {@code count} calls, whatever they are, fail with {@code code} and its canonical
   * HTTP status, without touching the state. See {@link #failNextCalls(int, Code, int, Duration)}.
   *
   * @param count how many calls fail; positive
   * @param code the error code they fail with; not {@code OK}
   * @throws IllegalArgumentException if {@code count} is not positive or {@code code} is {@code OK}
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public void failNextCalls(int count, Code code) {
    requireNonNull(code, "code");
    failNextCalls(count, code, code.httpStatus(), Duration.ZERO);
  }

  /**
   * Makes the next {@code count} calls fail with {@code code} and this HTTP status. See {@link
   * #failNextCalls(int, Code, int, Duration)}.
   *
   * @param count how many calls fail; positive
   * @param code the error code they fail with; not {@code OK}
   * @param httpStatus the HTTP status a {@link FakeAmapiServer} answers them with; 400 to 599
   * @throws IllegalArgumentException if a value is out of range
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public void failNextCalls(int count, Code code, int httpStatus) {
    failNextCalls(count, code, httpStatus, Duration.ZERO);
  }

  /**
   * Makes the next {@code count} calls, whatever they are, fail without touching the state: the
   * in-memory ports throw {@link AmapiException} with {@code code} (message {@value
   * #SCRIPTED_FAILURE_MESSAGE}) and {@code httpStatus}; a {@link FakeAmapiServer} answers that
   * error envelope with that HTTP status and, when {@code retryAfter} is not zero, a {@code
   * Retry-After} header of its whole seconds. Calling again queues more failures after these.
   *
   * @param count how many calls fail
   * @param code the error code they fail with
   * @param httpStatus the HTTP status they carry
   * @param retryAfter the {@code Retry-After} a {@link FakeAmapiServer} sends; zero for none
   * @throws IllegalArgumentException if {@code count} is not positive, {@code code} is {@code OK},
   *     {@code httpStatus} is not between 400 and 599, or {@code retryAfter} is negative or not
   *     whole seconds
   * @throws IllegalStateException if this fake is closed, or it serves a {@link FakeAmapiServer}
   *     already in scripted mode
   */
  public void failNextCalls(int count, Code code, int httpStatus, Duration retryAfter) {
    requireNonNull(code, "code");
    requireNonNull(retryAfter, "retryAfter");
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    if (code == Code.OK) {
      throw new IllegalArgumentException("code must be an error, was OK");
    }
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException(
          "httpStatus must be between 400 and 599, was " + httpStatus);
    }
    if (retryAfter.isNegative() || retryAfter.getNano() != 0) {
      throw new IllegalArgumentException(
          "retryAfter must be zero or whole seconds, was " + retryAfter);
    }
    beforeSeeding.run();
    CallFailure failure =
        new CallFailure(Status.of(code, SCRIPTED_FAILURE_MESSAGE), httpStatus, retryAfter);
    synchronized (lock) {
      checkOpen();
      for (int i = 0; i < count; i++) {
        failures.add(failure);
      }
    }
  }

  /**
   * Removes every scripted fault: cancels succeed again, no latency, no pending call failures.
   * Cancels already scripted to take effect later still do.
   */
  public void clearFaults() {
    synchronized (lock) {
      onCancel.clear();
      onCancelOfAll = OnCancel.succeeds();
      latency = Duration.ZERO;
      failures.clear();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Journal

  /**
   * Returns every call that reached this fake, oldest first, including those that failed and those
   * that came through a {@link FakeAmapiServer}.
   *
   * @return an immutable snapshot of the calls
   */
  public List<PortCall> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  /** Forgets the calls recorded so far; later calls are recorded as before. */
  public void clearCalls() {
    synchronized (lock) {
      calls.clear();
    }
  }

  /**
   * Returns how many times the operation was cancelled, successfully or not.
   *
   * @param name the operation
   * @return the number of cancel calls naming it since the calls were last cleared
   */
  public int cancelCount(OperationName name) {
    return count(PortCall.Method.CANCEL, name);
  }

  /**
   * Returns how many times the operation was read, successfully or not.
   *
   * @param name the operation
   * @return the number of get calls naming it since the calls were last cleared
   */
  public int getCount(OperationName name) {
    return count(PortCall.Method.GET, name);
  }

  /**
   * Asserts that the operation was cancelled exactly once.
   *
   * @param name the operation
   * @throws AssertionError if it was not, listing every call that arrived
   */
  public void assertCancelledOnce(OperationName name) {
    int count = cancelCount(name);
    if (count != 1) {
      throw new AssertionError(
          "Expected one cancel of " + name + " but there were " + count + "; " + describeCalls());
    }
  }

  /**
   * Asserts that the operation was never cancelled.
   *
   * @param name the operation
   * @throws AssertionError if it was, listing every call that arrived
   */
  public void assertNeverCancelled(OperationName name) {
    int count = cancelCount(name);
    if (count != 0) {
      throw new AssertionError(
          "Expected no cancel of " + name + " but there were " + count + "; " + describeCalls());
    }
  }

  private int count(PortCall.Method method, OperationName name) {
    requireNonNull(name, "name");
    String target = name.toString();
    synchronized (lock) {
      return (int)
          calls.stream().filter(c -> c.method() == method && c.name().equals(target)).count();
    }
  }

  private String describeCalls() {
    List<PortCall> all = calls();
    if (all.isEmpty()) {
      return "no call arrived";
    }
    return "the calls were:"
        + all.stream().map(call -> "\n  " + call).collect(Collectors.joining());
  }

  /**
   * Records a call, waits the scripted latency and throws the next scripted failure, if any: what
   * every sync port call goes through first.
   */
  private void enter(PortCall.Method method, String name) {
    CallFailure failure = enterAndTakeFailure(method, name);
    if (failure != null) {
      throw failure.exception();
    }
  }

  /**
   * As {@link #enter} but hands the scripted failure back rather than throwing it: the server's way
   * in, since it answers the failure with a {@code Retry-After} header an exception cannot carry.
   */
  @Nullable CallFailure enterAndTakeFailure(PortCall.Method method, String name) {
    Entry entry = record(method, name);
    Duration wait = entry.latency();
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AmapiException(
            Status.of(Code.CANCELLED, "Interrupted during the latency scripted on FakeOperations"),
            e);
      }
    }
    return entry.failure();
  }

  /** Records a call and takes what the script holds for it, without waiting. */
  private Entry record(PortCall.Method method, String name) {
    synchronized (lock) {
      checkOpen();
      calls.add(new PortCall(method, name, clock.instant()));
      return new Entry(latency, failures.poll());
    }
  }

  /** What the script held for a call when it arrived: its latency and its failure, if any. */
  private record Entry(Duration latency, @Nullable CallFailure failure) {}

  /** A failure scripted by {@link #failNextCalls}. */
  record CallFailure(Status status, int httpStatus, Duration retryAfter) {
    AmapiException exception() {
      return new AmapiException(status, httpStatus);
    }
  }

  /**
   * Closes the fake: from now on the sync ports, {@link #seed} and {@link #issueCommand} throw
   * {@link IllegalStateException}, the async ports return futures failed with it, and calls waiting
   * out a latency fail with it; the state stays readable. Closing twice is harmless.
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

  /**
   * Runs an async port call: records it as a sync call would, then answers from the state at once
   * or, with a scripted latency, that much later. Never throws: every failure, closed included,
   * fails the future, as the HTTP clients' do.
   */
  private <T> CompletableFuture<T> async(PortCall.Method method, String name, Supplier<T> now) {
    Entry entry;
    try {
      entry = record(method, name);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Supplier<T> call =
        () -> {
          CallFailure failure = entry.failure();
          if (failure != null) {
            throw failure.exception();
          }
          return now.get();
        };
    if (entry.latency().isZero()) {
      return completed(call);
    }
    // The caller gets its future at once and the answer later, as from a client. The delay is a
    // timer, not a pool thread asleep, so concurrent calls do not queue behind each other; the
    // call itself is quick, in memory, and runs on the default async pool once the time is up.
    Executor afterLatency =
        CompletableFuture.delayedExecutor(entry.latency().toNanos(), TimeUnit.NANOSECONDS);
    return CompletableFuture.supplyAsync(call, afterLatency);
  }

  private static <T> CompletableFuture<T> completed(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
