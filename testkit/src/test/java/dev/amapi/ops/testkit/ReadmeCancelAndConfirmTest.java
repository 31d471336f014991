package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.usecase.CancelAndConfirm;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's cancel-and-confirm example, compiled and run against the in-memory fake. */
class ReadmeCancelAndConfirmTest {

  static String report(DeviceOperations ops, OperationName name) {
    // README:confirm:start
    CancelOutcome outcome = CancelAndConfirm.of(ops).cancelAndConfirm(name, Duration.ofSeconds(30));
    String report =
        switch (outcome.kind()) {
          case CANCELLED -> "cancelled";
          case COMPLETED -> "ran before the cancel took effect";
          case FAILED -> "failed: " + outcome.status().orElseThrow().message();
          case STILL_RUNNING -> "still running after 30 s";
          case NOT_SUPPORTED -> "cannot be cancelled";
          case NOT_FOUND -> "no such operation";
        };
    // README:confirm:end
    return report;
  }

  static String cancel(DeviceOperations ops, String name) {
    // README:errors:start
    try {
      ops.cancel(OperationName.parse(name)); // a malformed name throws here: nothing is sent
      return "cancel requested";
    } catch (AmapiException e) {
      return switch (e.code()) {
        case NOT_FOUND -> "no such operation";
        case UNIMPLEMENTED -> "this operation cannot be cancelled";
        case UNAVAILABLE -> "no answer, even after the retries";
        default -> e.code() + " (HTTP " + e.httpStatus().orElse(0) + "): " + e.status().message();
      };
    }
    // README:errors:end
  }

  @Test
  void errorsExample_namesEachFailure() {
    FakeOperations ops = FakeOperations.create();
    DeviceName device = DeviceName.of("LC03k6enk8", "36c339908766f292");
    OperationName pending = ops.issueCommand(device, CommandType.REBOOT).name();

    assertThat(cancel(ops, pending.toString())).isEqualTo("cancel requested");
    assertThat(cancel(ops, device.operation("404").toString())).isEqualTo("no such operation");
    ops.failNextCalls(1, Code.PERMISSION_DENIED);
    assertThat(cancel(ops, pending.toString())).startsWith("PERMISSION_DENIED (HTTP 403): ");
  }

  @Test
  void readme_showsTheErrorsExampleAsCompiled() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/amapi/ops/testkit/ReadmeCancelAndConfirmTest.java"));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(normalize(readme)).contains(normalize(snippet(source, "errors")));
  }

  @Test
  void example_reportsEachOutcome() {
    FakeOperations ops = FakeOperations.create();
    DeviceName device = DeviceName.of("LC03k6enk8", "36c339908766f292");
    OperationName pending = ops.issueCommand(device, CommandType.REBOOT).name();
    OperationName unsupported = ops.issueCommand(device, CommandType.LOCK).name();
    ops.onCancel(unsupported, OnCancel.unimplemented());

    assertThat(report(ops, pending)).isEqualTo("cancelled");
    assertThat(report(ops, unsupported)).isEqualTo("cannot be cancelled");
    assertThat(report(ops, device.operation("404"))).isEqualTo("no such operation");
  }

  @Test
  void readme_showsTheExampleAsCompiled() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/amapi/ops/testkit/ReadmeCancelAndConfirmTest.java"));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(normalize(readme)).contains(normalize(snippet(source, "confirm")));
  }

  static String snippet(String source, String name) {
    String start = "// README:" + name + ":start";
    int from = source.indexOf(start) + start.length();
    int to = source.indexOf("// README:" + name + ":end");
    assertThat(to).isGreaterThan(from);
    return source.substring(from, to);
  }

  static String normalize(String text) {
    StringBuilder out = new StringBuilder();
    text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }
}
