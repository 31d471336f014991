package dev.amapi.ops.testkit;

import static dev.amapi.ops.testkit.TestOperations.COMPLETED_LOCK;
import static dev.amapi.ops.testkit.TestOperations.DEVICE;
import static dev.amapi.ops.testkit.TestOperations.OTHER_DEVICE;
import static dev.amapi.ops.testkit.TestOperations.PENDING_REBOOT;
import static dev.amapi.ops.testkit.TestOperations.UNKNOWN;
import static dev.amapi.ops.testkit.TestOperations.completedLock;
import static dev.amapi.ops.testkit.TestOperations.pendingReboot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FakeOperationsTest {
  private final FakeOperations fake = FakeOperations.create();

  @Test
  void cancel_pendingOperation_becomesCancelled() {
    fake.seed(pendingReboot());

    fake.cancel(PENDING_REBOOT);

    Operation cancelled = fake.operation(PENDING_REBOOT).orElseThrow();
    assertThat(cancelled.done()).isTrue();
    assertThat(cancelled.isCancelled()).isTrue();
    assertThat(cancelled.result())
        .isEqualTo(
            new OperationResult.Failed(Status.of(Code.CANCELLED, "Operation was cancelled.")));
    assertThat(cancelled.metadata()).isEqualTo(pendingReboot().metadata());
  }

  @Test
  void cancel_doneOperation_changesNothing() {
    fake.seed(completedLock());

    fake.cancel(COMPLETED_LOCK);

    assertThat(fake.operation(COMPLETED_LOCK)).contains(completedLock());
  }

  @Test
  void cancel_unknownOperation_throwsNotFound() {
    assertThatThrownBy(() -> fake.cancel(UNKNOWN))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
              assertThat(e.httpStatus()).hasValue(404);
              assertThat(e.status().message()).isEqualTo("Requested entity was not found.");
              ErrorDetail.ErrorInfo info =
                  e.status().detail(ErrorDetail.ErrorInfo.class).orElseThrow();
              assertThat(info.reason()).isEqualTo("RESOURCE_NOT_FOUND");
              assertThat(info.domain()).isEqualTo("androidmanagement.googleapis.com");
              assertThat(info.metadata())
                  .containsEntry(
                      "method",
                      "google.android.devicemanagement.v1.AndroidDeviceService.CancelOperation");
              assertThat(info.json()).contains("\"reason\":\"RESOURCE_NOT_FOUND\"");
            });
  }

  @Test
  void get_seededOperation_returnsIt() {
    fake.seed(pendingReboot());

    assertThat(fake.get(PENDING_REBOOT)).isEqualTo(pendingReboot());
  }

  @Test
  void get_unknownOperation_throwsNotFound() {
    assertThatThrownBy(() -> fake.get(UNKNOWN))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
              assertThat(e.httpStatus()).hasValue(404);
            });
  }

  @Test
  void seed_sameName_replacesAndKeepsPlace() {
    fake.seed(pendingReboot());
    fake.seed(completedLock());
    Operation failed = TestOperations.failed(PENDING_REBOOT);

    fake.seed(failed);

    assertThat(fake.operations(DEVICE)).containsExactly(failed, completedLock());
  }

  @Test
  void operations_unknownDevice_isEmpty() {
    assertThat(fake.operations(OTHER_DEVICE)).isEmpty();
  }

  @Test
  void list_pageSizeTwoOverFive_returnsThreePagesInOrder() {
    List<Operation> seeded = seedOperations(5);
    ListOperationsRequest request = ListOperationsRequest.firstPage().withPageSize(2);

    OperationsPage first = fake.list(DEVICE, request);
    OperationsPage second = fake.list(DEVICE, request.withPageToken(first.nextPageToken()));
    OperationsPage third = fake.list(DEVICE, request.withPageToken(second.nextPageToken()));

    assertThat(first.operations()).containsExactlyElementsOf(seeded.subList(0, 2));
    assertThat(second.operations()).containsExactlyElementsOf(seeded.subList(2, 4));
    assertThat(third.operations()).containsExactlyElementsOf(seeded.subList(4, 5));
    assertThat(first.nextPage()).isPresent();
    assertThat(second.nextPage()).isPresent();
    assertThat(third.nextPage()).isEmpty();
  }

  @Test
  void list_pageSizeZero_usesDefaultOf100() {
    seedOperations(101);

    OperationsPage page = fake.list(DEVICE, ListOperationsRequest.firstPage());

    assertThat(page.operations()).hasSize(FakeOperations.DEFAULT_PAGE_SIZE);
    assertThat(page.nextPage()).isPresent();
  }

  @Test
  void list_pageSizeAboveMaximum_isCappedAt1000() {
    seedOperations(1001);

    OperationsPage page = fake.list(DEVICE, ListOperationsRequest.firstPage().withPageSize(5000));

    assertThat(page.operations()).hasSize(FakeOperations.MAX_PAGE_SIZE);
  }

  @Test
  void list_unknownDevice_returnsEmptyLastPage() {
    OperationsPage page = fake.list(OTHER_DEVICE, ListOperationsRequest.firstPage());

    assertThat(page.operations()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test
  void list_tokenNotIssuedByFake_throwsInvalidArgument() {
    assertThatThrownBy(
            () ->
                fake.list(
                    DEVICE,
                    ListOperationsRequest.firstPage().withPageToken("CgwIgICAgICAgICAARID")))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
              assertThat(e.httpStatus()).hasValue(400);
              assertThat(e.status().message()).contains("pageToken");
            });
  }

  @Test
  void list_tokenOfAnotherDevice_throwsInvalidArgument() {
    seedOperations(3);
    String token =
        fake.list(DEVICE, ListOperationsRequest.firstPage().withPageSize(1)).nextPageToken();

    assertThatThrownBy(
            () ->
                fake.list(
                    OTHER_DEVICE,
                    ListOperationsRequest.firstPage().withPageSize(1).withPageToken(token)))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
              assertThat(e.status().message()).contains("pageToken", "another device");
            });
  }

  @Test
  void list_doneFilter_returnsOnlyDoneOperations() {
    fake.seed(pendingReboot());
    fake.seed(completedLock());

    OperationsPage done =
        fake.list(DEVICE, ListOperationsRequest.firstPage().withFilter("done = true"));
    OperationsPage pending =
        fake.list(DEVICE, ListOperationsRequest.firstPage().withFilter("done = false"));

    assertThat(done.operations()).containsExactly(completedLock());
    assertThat(pending.operations()).containsExactly(pendingReboot());
  }

  @Test
  void list_otherFilter_throwsInvalidArgument() {
    assertThatThrownBy(
            () ->
                fake.list(
                    DEVICE, ListOperationsRequest.firstPage().withFilter("metadata.type = REBOOT")))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
              assertThat(e.status().message()).contains("filter is not supported by the fake");
            });
  }

  @Test
  void listAll_walksEveryPage() {
    List<Operation> seeded = seedOperations(7);

    assertThat(fake.listAll(DEVICE, ListOperationsRequest.firstPage().withPageSize(3)))
        .containsExactlyElementsOf(seeded);
  }

  @Test
  void issueCommand_createsPendingOperationNamedByEpochMillis() {
    long before = System.currentTimeMillis();

    Operation issued = fake.issueCommand(DEVICE, Command.builder(CommandType.LOCK).build());

    long id = Long.parseLong(issued.name().operationId());
    assertThat(id).isGreaterThanOrEqualTo(before);
    assertThat(issued.name().device()).isEqualTo(DEVICE);
    assertThat(issued.done()).isFalse();
    Command metadata = issued.metadata().orElseThrow();
    assertThat(metadata.type()).isEqualTo(CommandType.LOCK);
    assertThat(metadata.createTime()).contains(Instant.ofEpochMilli(id));
    assertThat(metadata.duration()).contains(Duration.ofMinutes(10));
    assertThat(fake.operations(DEVICE)).containsExactly(issued);
  }

  @Test
  void issueCommand_thousandQuickCalls_giveUniqueIncreasingNumericIds() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Operation issued = fake.issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build());
      ids.add(Long.parseLong(issued.name().operationId()));
    }

    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(fake.operations(DEVICE)).hasSize(1000);
  }

  @Test
  void issueCommand_concurrentCalls_giveUniqueIds() throws Exception {
    Set<String> ids = java.util.Collections.synchronizedSet(new HashSet<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 200; i++) {
                  ids.add(
                      fake.issueCommand(DEVICE, Command.builder(CommandType.LOCK).build())
                          .name()
                          .operationId());
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(ids).hasSize(1600);
  }

  @Test
  void issueCommand_idTakenBySeededOperation_skipsIt() {
    long now = System.currentTimeMillis();
    List<OperationName> taken =
        IntStream.range(0, 50).mapToObj(i -> DEVICE.operation(Long.toString(now + i))).toList();
    taken.forEach(name -> fake.seed(pendingReboot(name)));

    Operation issued = fake.issueCommand(DEVICE, Command.builder(CommandType.LOCK).build());

    assertThat(taken).doesNotContain(issued.name());
    assertThat(fake.operations(DEVICE)).hasSize(51);
  }

  @Test
  void getAsync_seededOperation_completesWithIt() {
    fake.seed(pendingReboot());

    assertThat(fake.getAsync(PENDING_REBOOT)).isCompletedWithValue(pendingReboot());
  }

  @Test
  void cancelAsync_unknownOperation_completesExceptionallyWithNotFound() {
    assertThatThrownBy(() -> fake.cancelAsync(UNKNOWN).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            AmapiException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND));
  }

  @Test
  void listAsync_completesWithThePage() {
    fake.seed(pendingReboot());

    assertThat(fake.listAsync(DEVICE, ListOperationsRequest.firstPage()).join().operations())
        .containsExactly(pendingReboot());
  }

  @Test
  void close_thenCancel_throwsIllegalState() {
    fake.seed(pendingReboot());
    fake.close();

    assertThatThrownBy(() -> fake.cancel(PENDING_REBOOT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FakeOperations is closed");
  }

  @Test
  void close_thenSeed_throwsIllegalState() {
    fake.close();

    assertThatThrownBy(() -> fake.seed(pendingReboot()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FakeOperations is closed");
  }

  @Test
  void close_keepsStateReadable() {
    fake.seed(pendingReboot());

    fake.close();
    fake.close();

    assertThat(fake.operation(PENDING_REBOOT)).contains(pendingReboot());
    assertThat(fake.operations(DEVICE)).containsExactly(pendingReboot());
  }

  @Test
  void latency_asyncCalls_holdNoThreadWhileTheyWait() throws InterruptedException {
    fake.seed(pendingReboot());
    fake.latency(Duration.ofSeconds(1));

    List<CompletableFuture<Operation>> answers =
        IntStream.range(0, 8).mapToObj(i -> fake.getAsync(PENDING_REBOOT)).toList();
    // Long enough for a thread that would sleep out the latency to have started sleeping.
    Thread.sleep(200);
    List<String> waiting = threadsInside(FakeOperations.class);

    assertThat(waiting).isEmpty();
    assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isEqualTo(pendingReboot()));
  }

  @Test
  void latency_asyncFailure_completesTheFutureExceptionally() {
    fake.seed(pendingReboot());
    fake.latency(Duration.ofMillis(10));
    fake.failNextCalls(1, Code.UNAVAILABLE);

    CompletableFuture<Operation> answer = fake.getAsync(PENDING_REBOOT);

    assertThatThrownBy(answer::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(AmapiException.class);
    assertThat(fake.getCount(PENDING_REBOOT)).isEqualTo(1);
  }

  @Test
  void closedDuringLatency_asyncCallFailsWithIllegalState() {
    fake.seed(pendingReboot());
    fake.latency(Duration.ofMillis(200));

    CompletableFuture<Operation> answer = fake.getAsync(PENDING_REBOOT);
    fake.close();

    assertThatThrownBy(answer::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FakeOperations is closed");
  }

  @Test
  void close_thenAsyncCall_returnsAFailedFutureWithoutThrowing() {
    fake.seed(pendingReboot());
    fake.close();

    CompletableFuture<Void> answer = fake.cancelAsync(PENDING_REBOOT);

    assertThat(answer).isCompletedExceptionally();
    assertThatThrownBy(answer::join)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FakeOperations is closed");
  }

  /**
   * Returns the names of the threads, but this one, with a frame of {@code type} on their stack.
   */
  private static List<String> threadsInside(Class<?> type) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(entry -> entry.getKey() != Thread.currentThread())
        .filter(
            entry ->
                Arrays.stream(entry.getValue())
                    .map(StackTraceElement::getClassName)
                    .anyMatch(
                        name ->
                            name.equals(type.getName()) || name.startsWith(type.getName() + "$")))
        .map(entry -> entry.getKey().getName())
        .toList();
  }

  private List<Operation> seedOperations(int count) {
    List<Operation> seeded = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      seeded.add(fake.seed(pendingReboot(DEVICE.operation(Long.toString(1786048700000L + i)))));
    }
    return seeded;
  }
}
