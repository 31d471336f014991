package dev.amapi.ops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandErrorCode;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The semantics every implementation of the operations ports keeps: cancel, get and list as the API
 * defines them, sync and async. Extend it and say how to connect to a started {@link
 * FakeAmapiServer}; the suite seeds the server's state and closes what {@link #connect} returns.
 *
 * <p>Each test starts a fresh server, so tests are independent and may run in any order.
 */
public abstract class OperationsContract {
  /** The device every test works on. */
  protected static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  private @Nullable FakeAmapiServer server;
  private @Nullable DeviceOperations ops;

  /**
   * Returns the implementation under test, talking to {@code server} (or, for an in-memory
   * implementation, sharing its {@link FakeAmapiServer#operations()} state). It must not retry
   * failures: the suite counts requests.
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

  /** Returns this test's fake server. */
  protected final FakeAmapiServer server() {
    if (server == null) {
      throw new IllegalStateException("the server starts before each test");
    }
    return server;
  }

  /** Returns this test's implementation under test. */
  protected final DeviceOperations ops() {
    if (ops == null) {
      throw new IllegalStateException("the implementation is connected before each test");
    }
    return ops;
  }

  /** Returns the fake state behind the server. */
  protected final FakeOperations state() {
    return server().operations();
  }

  /** Issues a pending reboot on {@link #DEVICE}. */
  protected final Operation pendingReboot() {
    return state()
        .issueCommand(
            DEVICE, Command.builder(CommandType.REBOOT).duration(Duration.ofMinutes(10)).build());
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
    assertTrue(got.metadata().orElseThrow().otherFields().containsKey("wipeParams"));
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

    List<OperationName> listed =
        ops()
            .listAll(DEVICE, ListOperationsRequest.firstPage().withPageSize(2))
            .map(Operation::name)
            .collect(Collectors.toList());

    assertEquals(issued, listed);
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

  private List<OperationName> issue(int count) {
    List<OperationName> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(pendingReboot().name());
    }
    return names;
  }
}
