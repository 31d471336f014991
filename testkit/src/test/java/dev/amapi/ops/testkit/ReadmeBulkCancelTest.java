package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.usecase.BulkCancel;
import dev.amapi.ops.domain.usecase.BulkCancelListener;
import dev.amapi.ops.domain.usecase.BulkCancelReport;
import dev.amapi.ops.domain.usecase.BulkOutcome;
import dev.amapi.ops.domain.usecase.OperationSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's fleet example, compiled and run against the in-memory fake. */
class ReadmeBulkCancelTest {

  static BulkCancelReport callOff(DeviceOperations ops, Stream<DeviceName> devices) {
    // README:bulk:start
    BulkCancel bulk =
        BulkCancel.builder(ops)
            .selection(
                OperationSelection.allPending()
                    .withTypes(CommandType.REBOOT, CommandType.WIPE)
                    .olderThan(Duration.ofMinutes(10)))
            .concurrency(8) // devices at once
            .ratePerSecond(20) // API calls a second, all workers together
            .build();
    BulkCancel.Run run =
        bulk.start(
            devices, // read lazily: a file's lines, a database cursor...
            new BulkCancelListener() {
              @Override
              public void operationDone(OperationDone event) {
                System.out.println(event.name() + " " + event.outcome());
              }
            });
    // run.stop(), from a shutdown hook say, stops it promptly; a second run finishes the rest
    BulkCancelReport report = run.await();
    System.out.println(report.counts() + ", " + report.devicesFailed() + " device(s) not listed");
    // README:bulk:end
    return report;
  }

  @Test
  void example_cancelsTheOldRebootsAndWipes_only() {
    FakeOperations ops = FakeOperations.create();
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    List<DeviceName> devices =
        List.of(
            DeviceName.of("LC03k6enk8", "36c339908766f292"),
            DeviceName.of("LC03k6enk8", "9f1e27c4ab50d83e"));
    long id = 1786048723669L;
    for (DeviceName device : devices) {
      for (CommandType type : List.of(CommandType.REBOOT, CommandType.WIPE, CommandType.LOCK)) {
        ops.seed(
            Operation.pending(
                device.operation(Long.toString(id++)),
                Command.builder(type).createTime(hourAgo).build()));
      }
      ops.issueCommand(device, CommandType.REBOOT); // issued just now: too recent
    }

    BulkCancelReport report = callOff(ops, devices.stream());

    assertThat(report.counts()).isEqualTo(Map.of(BulkOutcome.CANCELLED, 4L));
    assertThat(report.devicesListed()).isEqualTo(2);
  }

  @Test
  void readme_showsTheExampleAsCompiled() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/amapi/ops/testkit/ReadmeBulkCancelTest.java"));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(ReadmeCancelAndConfirmTest.normalize(readme))
        .contains(
            ReadmeCancelAndConfirmTest.normalize(
                ReadmeCancelAndConfirmTest.snippet(source, "bulk")));
  }
}
