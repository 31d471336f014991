package dev.amapi.ops.testkit.junit5.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandErrorCode;
import dev.amapi.ops.domain.CommandParams;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.UserFacingMessage;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeOperations;
import dev.amapi.ops.testkit.OnCancel;
import dev.amapi.ops.testkit.PortCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The semantics every implementation of the operations ports keeps: cancel, get and list as the API
 * defines them, sync and async. Extend it and say how to connect to a started {@link
 * FakeAmapiServer}; the suite seeds and scripts the server's state and closes what {@link #connect}
 * returns, before it closes the server (so an in-memory implementation may hand back the server's
 * own {@link FakeOperations}: closing it first is harmless). A test may close it itself, so closing
 * twice must be harmless too.
 *
 * <p>Each test starts a fresh server, so tests are independent and may run in any order.
 */
public abstract class OperationsContract {
  /** The device every test works on. */
  protected static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  private @Nullable FakeAmapiServer server;
  private @Nullable DeviceOperations ops;

  /** For an implementation's contract test, which subclasses this suite. */
  protected OperationsContract() {}

  /**
   * Returns the implementation under test, talking to {@code server} (or, for an in-memory
   * implementation, sharing its {@link FakeAmapiServer#operations()} state). It must not retry
   * failures: the suite counts requests.
   *
   * @param server this test's fake server, started
   * @return the implementation under test
   */
  protected abstract DeviceOperations connect(FakeAmapiServer server);

  @BeforeEach
  final void startServer() {
    server = FakeAmapiServer.start();
    ops = connect(server);
  }

  @AfterEach
  final void stopServer() {
    if (ops != null) {
      ops.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /**
   * Returns this test's fake server.
   *
   * @return this test's fake server
   */
  protected final FakeAmapiServer server() {
    if (server == null) {
      throw new IllegalStateException("the server starts before each test");
    }
    return server;
  }

  /**
   * Returns this test's implementation under test.
   *
   * @return this test's implementation under test
   */
  protected final DeviceOperations ops() {
    if (ops == null) {
      throw new IllegalStateException("the implementation is connected before each test");
    }
    return ops;
  }

  /**
   * Returns the fake state behind the server.
   *
   * @return the fake state behind the server
   */
  protected final FakeOperations state() {
    return server().operations();
  }

  /**
   * Issues a pending reboot on {@link #DEVICE}, with a 10-minute duration.
   *
   * @return the reboot's operation, not done
   */
  protected final Operation pendingReboot() {
    return state()
        .issueCommand(
            DEVICE, Command.builder(CommandType.REBOOT).duration(Duration.ofMinutes(10)).build());
  }

  /**
   * Returns one command of each type that takes parameters or none, with its typed parameters: what
   * the issue tests send.
   *
   * @return a command per type, every parameter set
   */
  protected static List<Command> everyCommandType() {
    List<Command> commands = new ArrayList<>();
    for (CommandType type :
        List.of(CommandType.LOCK, CommandType.REBOOT, CommandType.RELINQUISH_OWNERSHIP)) {
      commands.add(Command.builder(type).duration(Duration.ofMinutes(3)).build());
    }
    for (CommandParams params :
        List.of(
            new CommandParams.ResetPassword("n3w-Passw0rd", List.of("REQUIRE_ENTRY", "LOCK_NOW")),
            new CommandParams.ClearAppsData(List.of("com.example.mail", "com.example.chat")),
            new CommandParams.StartLostMode(
                new UserFacingMessage("Please return", Map.of("fr-FR", "Merci de le rendre")),
                UserFacingMessage.of("+1 555 0100"),
                "it@example.com",
                UserFacingMessage.of("1 Main St"),
                UserFacingMessage.of("Example Inc")),
            new CommandParams.StopLostMode(),
            new CommandParams.AddEsim("LPA:1$smdp.example.com$CODE", "ACTIVATED"),
            new CommandParams.RemoveEsim("89014103211118510720"),
            new CommandParams.RequestDeviceInfo("EID"),
            new CommandParams.Wipe(
                List.of("WIPE_EXTERNAL_STORAGE", "WIPE_ESIMS"),
                UserFacingMessage.of("Reported stolen")))) {
      commands.add(Command.builder(params.type()).params(params).build());
    }
    return commands;
  }

  /**
   * Tests that every command type is issued with its typed parameters intact: the operation that
   * comes back, the one the server holds and the one read back all carry the command sent.
   */
  @Test
  void issueCommand_everyType_roundTripsItsParams() {
    for (Command sent : everyCommandType()) {
      Operation issued = ops().issueCommand(DEVICE, sent);

      assertFalse(issued.done(), sent.type().name());
      assertEquals(DEVICE, issued.name().device());
      Command returned = issued.metadata().orElseThrow();
      Command kept = withoutPassword(sent);
      assertEquals(kept, withoutServerFields(returned, sent), sent.type().name());
      Command held = state().operation(issued.name()).orElseThrow().metadata().orElseThrow();
      assertEquals(kept, withoutServerFields(held, sent), sent.type().name());
      assertFalse(returned.toString().contains("n3w-Passw0rd"));
      assertEquals(returned, ops().get(issued.name()).metadata().orElseThrow());
    }
  }

  /** Tests that the async form issues as the sync one does. */
  @Test
  void issueCommandAsync_issuesAsTheSyncFormDoes() {
    Command lock = Command.builder(CommandType.LOCK).build();

    Operation issued = ops().issueCommandAsync(DEVICE, lock).join();

    assertEquals(issued, state().operation(issued.name()).orElseThrow());
    assertEquals(
        List.of(PortCall.Method.ISSUE_COMMAND),
        state().calls().stream().map(PortCall::method).collect(Collectors.toList()));
  }

  /** Tests that a command the API refuses comes back as INVALID_ARGUMENT, and nothing is issued. */
  @Test
  void issueCommand_refusedByTheServer_throwsInvalidArgument() {
    Command unknown = Command.builder(CommandType.of("SELF_DESTRUCT")).build();

    AmapiException e =
        assertThrows(AmapiException.class, () -> ops().issueCommand(DEVICE, unknown));

    assertEquals(Code.INVALID_ARGUMENT, e.code());
    assertEquals(400, e.httpStatus().orElse(-1));
    assertTrue(String.valueOf(e.getMessage()).contains("SELF_DESTRUCT"), e.getMessage());
    assertTrue(state().operations(DEVICE).isEmpty());
  }

  /** Tests that a scripted failure of the issue reaches the caller and issues nothing. */
  @Test
  void issueCommand_whenTheCallFails_issuesNothing() {
    state().failNextCalls(1, Code.UNAVAILABLE);

    AmapiException e =
        assertThrows(
            AmapiException.class,
            () -> ops().issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build()));

    assertEquals(Code.UNAVAILABLE, e.code());
    assertTrue(state().operations(DEVICE).isEmpty());
  }

  /** The command as a server keeps it: a new password is not handed back. */
  private static Command withoutPassword(Command sent) {
    if (sent.params().orElse(null) instanceof CommandParams.ResetPassword reset) {
      return sent.toBuilder().params(new CommandParams.ResetPassword("", reset.flags())).build();
    }
    return sent;
  }

  /** The command as the server returned it, less the fields the server sets. */
  private static Command withoutServerFields(Command returned, Command sent) {
    Command.Builder builder = Command.builder(sent.type());
    returned.params().ifPresent(builder::params);
    returned.otherFields().forEach(builder::otherField);
    sent.duration().ifPresent(d -> builder.duration(returned.duration().orElseThrow()));
    assertTrue(returned.createTime().isPresent(), "the server sets createTime");
    assertEquals(Command.TYPE_URL, returned.typeUrl());
    return builder.build();
  }

  /** Tests that cancelling a pending operation leaves it done with error code 1 (CANCELLED). */
  @Test
  void cancel_pendingOperation_endsCancelled() {
    OperationName name = pendingReboot().name();

    ops().cancel(name);

    Operation after = ops().get(name);
    assertTrue(after.done());
    assertTrue(after.isCancelled());
    assertEquals(Code.CANCELLED, after.error().orElseThrow().code());
    assertEquals(CommandType.REBOOT, after.metadata().orElseThrow().type());
  }

  /** Tests that cancelling a finished operation succeeds and changes nothing. */
  @Test
  void cancel_doneOperation_succeedsAndChangesNothing() {
    Operation done = state().seed(ReferencePayloads.operation("completed-reboot.json"));

    ops().cancel(done.name());

    assertEquals(done, ops().get(done.name()));
  }

  /** Tests that cancelling an operation that does not exist fails with NOT_FOUND. */
  @Test
  void cancel_unknownOperation_throwsNotFound() {
    AmapiException e =
        assertThrows(AmapiException.class, () -> ops().cancel(DEVICE.operation("404")));

    assertEquals(Code.NOT_FOUND, e.code());
    assertEquals(404, e.httpStatus().orElse(-1));
    assertFalse(e.status().message().isEmpty(), "the server's message is kept");
  }

  /** Tests that a pending operation reads back not done, with its command metadata. */
  @Test
  void get_pendingOperation_isNotDoneWithItsCommand() {
    Operation seeded = state().seed(ReferencePayloads.operation("pending-reboot.json"));

    Operation got = ops().get(seeded.name());

    assertEquals(seeded, got);
    assertFalse(got.done());
    assertEquals(OperationResult.PENDING, got.result());
    assertEquals(Duration.ofSeconds(600), got.metadata().orElseThrow().duration().orElseThrow());
  }

  /** Tests that a cancelled operation reads back cancelled, its command parameters kept. */
  @Test
  void get_cancelledOperation_isCancelledWithParametersKept() {
    Operation seeded = state().seed(ReferencePayloads.operation("cancelled-wipe.json"));

    Operation got = ops().get(seeded.name());

    assertEquals(seeded, got);
    assertTrue(got.isCancelled());
    assertEquals(CommandType.WIPE, got.metadata().orElseThrow().type());
    assertInstanceOf(CommandParams.Wipe.class, got.metadata().orElseThrow().params().orElseThrow());
  }

  /** Tests that an operation that finished anyway reads back succeeded with its response. */
  @Test
  void get_succeededOperation_hasItsResponse() {
    Operation seeded = state().seed(ReferencePayloads.operation("completed-reboot.json"));

    Operation got = ops().get(seeded.name());

    OperationResult.Succeeded succeeded =
        assertInstanceOf(OperationResult.Succeeded.class, got.result());
    assertEquals(OperationResult.Succeeded.ISSUE_COMMAND_RESPONSE, succeeded.type());
    assertFalse(got.isCancelled());
  }

  /** Tests that a failed operation reads back with its Status and the command's error code. */
  @Test
  void get_failedOperation_carriesItsStatus() {
    Operation seeded = state().seed(ReferencePayloads.operation("failed-clear-app-data.json"));

    Operation got = ops().get(seeded.name());

    assertEquals(Code.FAILED_PRECONDITION, got.error().orElseThrow().code());
    assertEquals(
        "The device API level does not support this command.", got.error().orElseThrow().message());
    assertEquals(
        CommandErrorCode.API_LEVEL, got.metadata().orElseThrow().errorCode().orElseThrow());
  }

  /** Tests that metadata fields no revision defines survive the round trip. */
  @Test
  void get_operationWithUnknownMetadataFields_keepsThem() {
    Operation seeded =
        Operation.pending(
            DEVICE.operation("1786049000123"),
            Command.builder(CommandType.of("SELF_TEST"))
                .otherField("futureField", "{\"addedBy\":\"a newer API revision\"}")
                .build());
    state().seed(seeded);

    Operation got = ops().get(seeded.name());

    assertEquals(seeded, got);
    assertFalse(got.metadata().orElseThrow().type().isKnown());
  }

  /** Tests that get of an operation that does not exist fails with NOT_FOUND. */
  @Test
  void get_unknownOperation_throwsNotFound() {
    AmapiException e = assertThrows(AmapiException.class, () -> ops().get(DEVICE.operation("404")));

    assertEquals(Code.NOT_FOUND, e.code());
  }

  /** Tests that list pages through every operation of the device, in order, to the last page. */
  @Test
  void list_pagesToTheEnd() {
    List<OperationName> issued = issue(7);
    List<OperationName> listed = new ArrayList<>();
    ListOperationsRequest request = ListOperationsRequest.firstPage().withPageSize(3);
    int pages = 0;
    OperationsPage page;
    do {
      page = ops().list(DEVICE, request);
      page.operations().forEach(operation -> listed.add(operation.name()));
      request = request.withPageToken(page.nextPageToken());
      pages++;
    } while (page.nextPage().isPresent() && pages < 10);

    assertEquals(issued, listed);
    assertEquals(3, pages);
  }

  /** Tests that listing a device with no operations answers an empty last page. */
  @Test
  void list_deviceWithoutOperations_isEmpty() {
    OperationsPage page =
        ops().list(DeviceName.of("LC03k6enk8", "0000"), ListOperationsRequest.firstPage());

    assertTrue(page.operations().isEmpty());
    assertTrue(page.nextPage().isEmpty());
  }

  /** Tests that listAll streams every operation across pages. */
  @Test
  void listAll_yieldsEveryOperationInOrder() {
    List<OperationName> issued = issue(5);
    state().clearCalls();

    List<OperationName> listed =
        ops()
            .listAll(DEVICE, ListOperationsRequest.firstPage().withPageSize(2))
            .map(Operation::name)
            .collect(Collectors.toList());

    assertEquals(issued, listed);
    assertEquals(3, state().calls().size(), "one list call a page, and no more");
  }

  /** Tests that the async forms give the same results as the sync ones. */
  @Test
  void asyncForms_matchTheSyncOnes() {
    OperationName name = pendingReboot().name();

    ops().cancelAsync(name).join();
    Operation got = ops().getAsync(name).join();
    OperationsPage page = ops().listAsync(DEVICE, ListOperationsRequest.firstPage()).join();

    assertTrue(got.isCancelled());
    assertEquals(List.of(got), page.operations());
  }

  /** Tests that an async failure completes the future with the SDK's exception. */
  @Test
  void asyncFailure_completesWithAmapiException() {
    CompletionException e =
        assertThrows(
            CompletionException.class, () -> ops().getAsync(DEVICE.operation("404")).join());

    AmapiException cause = assertInstanceOf(AmapiException.class, e.getCause());
    assertEquals(Code.NOT_FOUND, cause.code());
  }

  /** Tests that a cancel scripted as unsupported fails with UNIMPLEMENTED and changes nothing. */
  @Test
  void cancel_whenUnimplemented_throwsUnimplementedAndLeavesItPending() {
    OperationName name = pendingReboot().name();
    state().onCancel(name, OnCancel.unimplemented());

    AmapiException e = assertThrows(AmapiException.class, () -> ops().cancel(name));

    assertEquals(Code.UNIMPLEMENTED, e.code());
    assertEquals(501, e.httpStatus().orElse(-1));
    assertEquals(OnCancel.UNIMPLEMENTED_MESSAGE, e.status().message());
    assertFalse(ops().get(name).done());
  }

  /** Tests that an operation that completes despite the cancel reads back succeeded. */
  @Test
  void cancel_whenTheOperationCompletesAnyway_readsBackSucceeded() {
    OperationName name = pendingReboot().name();
    state().onCancel(name, OnCancel.completesAnyway());

    ops().cancel(name);

    Operation after = ops().get(name);
    assertEquals(OperationResult.Succeeded.issueCommandResponse(), after.result());
    assertFalse(after.isCancelled());
  }

  /** Tests that an operation that fails despite the cancel reads back with that status. */
  @Test
  void cancel_whenTheOperationFailsAnyway_readsBackWithThatStatus() {
    OperationName name = pendingReboot().name();
    Status failure = Status.of(Code.ABORTED, "The device rebooted on its own.");
    state().onCancel(name, OnCancel.failsWith(failure));

    ops().cancel(name);

    Operation after = ops().get(name);
    assertEquals(failure, after.error().orElseThrow());
    assertFalse(after.isCancelled());
  }

  /** Tests that a cancel taking effect later leaves the operation pending for N gets. */
  @Test
  void cancel_takingEffectAfterTwoGets_isPendingTwiceThenCancelled() {
    OperationName name = pendingReboot().name();
    state().onCancel(name, OnCancel.takesEffectAfterGets(2));

    ops().cancel(name);

    assertFalse(ops().get(name).done());
    assertFalse(ops().get(name).done());
    assertTrue(ops().get(name).isCancelled());
    assertTrue(ops().get(name).isCancelled());
  }

  /**
   * Tests that cancelling a done operation scripted to be rejected fails with FAILED_PRECONDITION.
   */
  @Test
  void cancel_doneOperation_whenRejected_throwsFailedPrecondition() {
    Operation done = state().seed(ReferencePayloads.operation("completed-reboot.json"));
    state().onCancelOfAll(OnCancel.rejectedWhenDone());

    AmapiException e = assertThrows(AmapiException.class, () -> ops().cancel(done.name()));

    assertEquals(Code.FAILED_PRECONDITION, e.code());
    assertEquals(400, e.httpStatus().orElse(-1));
    assertEquals(done, ops().get(done.name()));
  }

  /** Tests that the script for all operations yields to an operation's own script. */
  @Test
  void onCancelOfAll_yieldsToTheOperationsOwnScript() {
    OperationName unsupported = pendingReboot().name();
    OperationName own = pendingReboot().name();
    state().onCancelOfAll(OnCancel.unimplemented());
    state().onCancel(own, OnCancel.succeeds());

    ops().cancel(own);

    assertThrows(AmapiException.class, () -> ops().cancel(unsupported));
    assertTrue(ops().get(own).isCancelled());
  }

  /** Tests that the next N calls fail with the scripted code and HTTP status, then calls work. */
  @Test
  void failNextCalls_failsThatManyCallsThenRecovers() {
    OperationName name = pendingReboot().name();
    state().failNextCalls(2, Code.UNAVAILABLE, 503);

    AmapiException first = assertThrows(AmapiException.class, () -> ops().get(name));
    AmapiException second = assertThrows(AmapiException.class, () -> ops().cancel(name));
    ops().cancel(name);

    assertEquals(Code.UNAVAILABLE, first.code());
    assertEquals(503, first.httpStatus().orElse(-1));
    assertEquals(FakeOperations.SCRIPTED_FAILURE_MESSAGE, first.status().message());
    assertEquals(Code.UNAVAILABLE, second.code());
    assertTrue(ops().get(name).isCancelled(), "a failed call changes nothing; the third works");
  }

  /** Tests that a scripted latency delays every call, sync and async. */
  @Test
  void latency_delaysEveryCall() {
    OperationName name = pendingReboot().name();
    Duration latency = Duration.ofMillis(150);
    state().latency(latency);

    long start = System.nanoTime();
    ops().get(name);
    ops().getAsync(name).join();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(elapsed.compareTo(latency.multipliedBy(2)) >= 0, "took " + elapsed);
  }

  /** Tests that every sync call after close() throws IllegalStateException saying so. */
  @Test
  void syncCallAfterClose_throwsIllegalStateMentioningClosed() {
    ops().close();

    List<IllegalStateException> failures =
        List.of(
            assertThrows(IllegalStateException.class, () -> ops().cancel(DEVICE.operation("1"))),
            assertThrows(IllegalStateException.class, () -> ops().get(DEVICE.operation("1"))),
            assertThrows(
                IllegalStateException.class,
                () -> ops().list(DEVICE, ListOperationsRequest.firstPage())));

    for (IllegalStateException e : failures) {
      assertTrue(String.valueOf(e.getMessage()).contains("closed"), e.getMessage());
    }
  }

  /**
   * Tests that every async call after close() returns a future failed with IllegalStateException,
   * rather than throwing.
   */
  @Test
  void asyncCallAfterClose_returnsAFutureFailedWithIllegalState() {
    ops().close();

    List<CompletableFuture<?>> answers =
        assertDoesNotThrow(
            () ->
                List.of(
                    ops().cancelAsync(DEVICE.operation("1")),
                    ops().getAsync(DEVICE.operation("1")),
                    ops().listAsync(DEVICE, ListOperationsRequest.firstPage())));

    for (CompletableFuture<?> answer : answers) {
      CompletionException e = assertThrows(CompletionException.class, answer::join);
      IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
      assertTrue(String.valueOf(cause.getMessage()).contains("closed"), cause.getMessage());
    }
  }

  /** Tests that closing twice is harmless: calls still fail as closed. */
  @Test
  void close_twice_isHarmless() {
    ops().close();

    ops().close();

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ops().get(DEVICE.operation("1")));
    assertTrue(String.valueOf(e.getMessage()).contains("closed"), e.getMessage());
  }

  /** Tests that every call that reaches the state is journaled, in order, failed or not. */
  @Test
  void journal_recordsEveryCallInOrder() {
    OperationName name = pendingReboot().name();

    ops().cancel(name);
    ops().get(name);
    ops().list(DEVICE, ListOperationsRequest.firstPage());
    assertThrows(AmapiException.class, () -> ops().cancel(DEVICE.operation("404")));

    assertEquals(
        List.of(
            PortCall.Method.ISSUE_COMMAND,
            PortCall.Method.CANCEL,
            PortCall.Method.GET,
            PortCall.Method.LIST,
            PortCall.Method.CANCEL),
        state().calls().stream().map(PortCall::method).collect(Collectors.toList()));
    assertEquals(DEVICE.toString(), state().calls().get(0).name());
    assertEquals(DEVICE.toString(), state().calls().get(3).name());
    state().assertCancelledOnce(name);
    state().assertNeverCancelled(DEVICE.operation("1"));
    assertThrows(AssertionError.class, () -> state().assertNeverCancelled(name));
  }

  private List<OperationName> issue(int count) {
    List<OperationName> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(pendingReboot().name());
    }
    return names;
  }
}
