package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

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
