package dev.amapi.ops.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpOperationsTest {
  private static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");
  private static final Duration WAIT = Duration.ofSeconds(5);

  private FakeAmapiServer server;
  private DeviceOperations ops;

  @BeforeEach
  void start() {
    server = FakeAmapiServer.start();
    ops =
        JdkHttpOperations.builder()
            .endpoint(server.endpoint())
            .tokenSource(AccessTokenSource.fixed(AccessToken.of("test-token")))
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void stop() {
    ops.close();
    server.close();
  }

  private Operation pendingReboot() {
    return server
        .operations()
        .issueCommand(
            DEVICE,
            Command.builder(CommandType.REBOOT)
                .createTime(Instant.parse("2026-08-06T20:38:43.669Z"))
                .duration(Duration.ofMinutes(10))
                .build());
  }

  @Test
  void cancel_pendingOperation_getsItBackCancelledAndListsItAcrossPages() {
    Operation first = pendingReboot();
    Operation second = pendingReboot();
    Operation reboot = pendingReboot();

    ops.cancel(reboot.name());
    Operation after = ops.get(reboot.name());
    OperationsPage page1 = ops.list(DEVICE, ListOperationsRequest.firstPage().withPageSize(2));
    OperationsPage page2 =
        ops.list(
            DEVICE,
            ListOperationsRequest.firstPage().withPageSize(2).withPageToken(page1.nextPageToken()));

    assertThat(after.done()).isTrue();
    assertThat(after.isCancelled()).isTrue();
    assertThat(after.error().orElseThrow().code()).isEqualTo(Code.CANCELLED);
    assertThat(after.metadata().orElseThrow().type()).isEqualTo(CommandType.REBOOT);
    assertThat(page1.operations())
        .extracting(Operation::name)
        .containsExactly(first.name(), second.name());
    assertThat(page1.nextPage()).isPresent();
    assertThat(page2.operations()).containsExactly(after);
    assertThat(page2.nextPage()).isEmpty();
  }

  @Test
  void cancel_sendsAnEmptyPostWithTheSdksHeaders() {
    OperationName name = pendingReboot().name();

    ops.cancel(name);

    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/" + name + ":cancel");
    assertThat(request.body()).isEmpty();
    assertThat(request.header("content-length")).hasValue("0");
    assertThat(request.header("transfer-encoding")).isEmpty();
    assertThat(request.header("content-encoding")).isEmpty();
    assertThat(request.header("authorization")).hasValue("Bearer test-token");
    assertThat(request.header("user-agent").orElseThrow()).startsWith("amapi-ops/");
    assertThat(request.header("x-goog-api-client").orElseThrow())
        .contains("amapi-ops/")
        .startsWith("gl-java/");
  }

  @Test
  void cancelAsync_pendingOperation_completesAndCancels() {
    OperationName name = pendingReboot().name();

    ops.cancelAsync(name).join();

    assertThat(ops.getAsync(name).join().isCancelled()).isTrue();
  }

  @Test
  void cancel_unknownOperation_throwsNotFoundKeepingTheServersWords() {
    OperationName missing = DEVICE.operation("404");

    assertThatThrownBy(() -> ops.cancel(missing))
        .isInstanceOfSatisfying(
            AmapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
              assertThat(e.httpStatus()).hasValue(404);
              assertThat(e.status().message()).isNotEmpty();
            });
  }

  @Test
  void listAll_walksEveryPageLazily() {
    List<OperationName> issued =
        List.of(
            pendingReboot().name(),
            pendingReboot().name(),
            pendingReboot().name(),
            pendingReboot().name(),
            pendingReboot().name());

    List<OperationName> listed =
        ops.listAll(DEVICE, ListOperationsRequest.firstPage().withPageSize(2))
            .map(Operation::name)
            .collect(Collectors.toList());

    assertThat(listed).containsExactlyElementsOf(issued);
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void operationIdThatNeedsEscaping_reachesTheRightOperation() {
    OperationName odd = DEVICE.operation("a:b+c~é");
    server.operations().seed(Operation.pending(odd, Command.builder(CommandType.LOCK).build()));

    ops.cancel(odd);

    assertThat(server.takeRequest(WAIT).path())
        .isEqualTo(
            "/v1/enterprises/LC03k6enk8/devices/36c339908766f292/operations/a%3Ab%2Bc~%C3%A9:cancel");
    assertThat(server.operations().operation(odd).orElseThrow().isCancelled()).isTrue();
  }

  @Test
  void callAfterClose_throwsWithoutSending() {
    ops.close();

    assertThatThrownBy(() -> ops.get(DEVICE.operation("1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(server.requestCount()).isZero();
  }
}
