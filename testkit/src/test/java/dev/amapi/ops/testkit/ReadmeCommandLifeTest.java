package dev.amapi.ops.testkit;

import static dev.amapi.ops.testkit.ReadmeCancelAndConfirmTest.normalize;
import static dev.amapi.ops.testkit.ReadmeCancelAndConfirmTest.snippet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandParams;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import dev.amapi.ops.domain.usecase.CommandOutcome;
import dev.amapi.ops.domain.usecase.DeviceCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's issue, follow and cancel example, compiled and run against the in-memory fake. */
class ReadmeCommandLifeTest {

  static String lifeOf(DeviceOperations ops, DeviceName device, Duration patience) {
    // README:command-life:start
    Command clear =
        Command.builder(CommandType.CLEAR_APP_DATA)
            .params(new CommandParams.ClearAppsData(List.of("com.example.mail")))
            .duration(Duration.ofMinutes(5))
            .build(); // bad input (no package, params of another type) throws here: nothing is sent
    DeviceCommand command = DeviceCommand.issue(ops, device, clear);

    CommandOutcome outcome = command.await(patience); // reads until it ends; never cancels
    String report =
        switch (outcome.kind()) {
          case COMPLETED -> "done";
          case FAILED -> "failed: " + outcome.errorCode().map(Object::toString).orElse("?");
          case CANCELLED -> "called off";
          case EXPIRED -> "the device never picked it up";
          case PENDING -> {
            // Still waiting for the device: call the command off, and confirm it.
            CancelOutcome cancel = command.cancel(Duration.ofSeconds(30));
            yield "pending, then " + cancel.kind();
          }
        };
    // README:command-life:end
    return report;
  }

  @Test
  void example_cancelsACommandTheDeviceDidNotPickUp() {
    FakeClock clock = FakeClock.at(Instant.parse("2026-11-29T12:00:00Z"));
    try (FakeOperations ops = FakeOperations.create(clock)) {
      ops.devicesPickUpCommandsAfter(Duration.ofHours(1));
      // The fake's clock does not move by itself: the wait ends with the command pending.
      assertThat(lifeOf(ops, DeviceName.of("LC03k6enk8", "36c339908766f292"), Duration.ZERO))
          .isEqualTo("pending, then CANCELLED");
    }
  }

  @Test
  void example_reportsACommandThatRan() {
    try (FakeOperations ops = FakeOperations.create()) {
      ops.devicesPickUpCommandsAfter(Duration.ZERO);

      assertThat(
              lifeOf(ops, DeviceName.of("LC03k6enk8", "36c339908766f292"), Duration.ofSeconds(20)))
          .isEqualTo("done");
    }
  }

  @Test
  void readme_showsTheExampleAsCompiled() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/amapi/ops/testkit/ReadmeCommandLifeTest.java"));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(normalize(readme)).contains(normalize(snippet(source, "command-life")));
  }
}
