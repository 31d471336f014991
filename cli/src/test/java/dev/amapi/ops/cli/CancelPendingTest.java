package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.DeviceName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cancel-pending} run in-process against the built-in fake. */
class CancelPendingTest {
  @TempDir Path dir;

  private Path kiosksFile() throws IOException {
    Path file = dir.resolve("kiosks.txt");
    Files.writeString(
        file,
        "# the lobby kiosks\n\n"
            + FakeFleet.KIOSKS.stream().map(DeviceName::toString).collect(Collectors.joining("\n"))
            + "\n");
    return file;
  }

  private static List<String> args(String... args) {
    List<String> all = new ArrayList<>(List.of("--fake"));
    all.addAll(List.of(args));
    return all;
  }

  /** Tests that every pending command of the fleet is cancelled and summed up, exit 0. */
  @Test
  void devicesFile_cancelsEveryPendingCommand_andPrintsTheSummary() throws IOException {
    CliRun run =
        CliRun.of(
            args("cancel-pending", "--devices-file", kiosksFile().toString(), "--rate", "500"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("OUTCOME +OPERATIONS")
        .containsPattern("CANCELLED +80")
        .containsPattern("TOTAL +80")
        .contains("devices: 40 listed, 0 failed");
    assertThat(run.errorLines())
        .first()
        .asString()
        .startsWith("amapi-ops: cancelling pending commands on 40 devices, 4 at a time");
    assertThat(run.errorLines()).last().asString().contains("40/40 devices, 80 operations");
  }

  /** Tests that --json prints one line per operation and a summary line. */
  @Test
  void json_oneLinePerOperation_thenTheSummary() {
    CliRun run =
        CliRun.of(
            args(
                "--json",
                "cancel-pending",
                FakeFleet.LOBBY_TABLET.toString(),
                FakeFleet.WAREHOUSE_SCANNER.toString()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.subList(0, 3))
        .allSatisfy(
            line ->
                assertThat(line)
                    .startsWith("{\"name\":\"enterprises/LC03k6enk8/devices/")
                    .contains("\"outcome\":\"CANCELLED\",\"exitCode\":0"));
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).contains(FakeFleet.PENDING_REBOOT.toString()))
        .noneSatisfy(line -> assertThat(line).contains(FakeFleet.COMPLETED_LOCK.toString()));
    assertThat(lines.get(3))
        .contains(
            "{\"summary\":{\"counts\":{\"CANCELLED\":3},\"operations\":3,\"devicesListed\":2,"
                + "\"devicesFailed\":0,\"stopped\":false,");
    assertThat(lines.get(3)).endsWith(",\"exitCode\":0}");
  }

  /** Tests that --type and --dry-run select without cancelling. */
  @Test
  void typeAndDryRun_reportWhatWouldBeCancelled() throws IOException {
    CliRun run =
        CliRun.of(
            args(
                "cancel-pending",
                "--devices-file",
                kiosksFile().toString(),
                "--type",
                "reboot",
                "--older-than",
                "10m",
                "--dry-run",
                "--rate",
                "500"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("WOULD_CANCEL +40").doesNotContain("CANCELLED");
  }

  /** Tests that the exit code is the worst outcome: still running after --timeout is 7. */
  @Test
  void exitCode_isTheWorstOutcome() {
    CliRun run =
        CliRun.of(
            args(
                "--fake-script",
                "never",
                "cancel-pending",
                FakeFleet.WAREHOUSE_SCANNER.toString(),
                "--timeout",
                "300ms"));

    assertThat(run.exitCode()).isEqualTo(7);
    assertThat(run.out()).containsPattern("STILL_RUNNING +1");
  }

  /** Tests that a server that cannot cancel makes exit code 4. */
  @Test
  void notSupported_exits4() {
    CliRun run =
        CliRun.of(
            args(
                "--fake-script",
                "unimplemented",
                "cancel-pending",
                FakeFleet.LOBBY_TABLET.toString()));

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out()).containsPattern("NOT_SUPPORTED +2");
  }

  /** Tests that an unknown --type is a usage error naming the option. */
  @Test
  void unknownType_isUsageError() {
    CliRun run =
        CliRun.of(args("cancel-pending", FakeFleet.LOBBY_TABLET.toString(), "--type", "REBOTO"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines()).singleElement().asString().contains("--type: 'REBOTO'");
  }

  /** Tests that a bad line in the devices file is a usage error naming it, before anything. */
  @Test
  void devicesFile_badLine_isUsageError_andNothingIsSent() throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, FakeFleet.LOBBY_TABLET + "\nenterprises/LC03k6enk8/devices/a b\n");

    CliRun run = CliRun.of(args("cancel-pending", "--devices-file", file.toString()));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains("--devices-file " + file + ", line 2:")
        .endsWith("Nothing was sent.");
  }

  /** Tests that devices are needed, from the command line or a file, not both. */
  @Test
  void noDevices_isUsageError() {
    CliRun run = CliRun.of(args("cancel-pending"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("DEVICE").contains("--devices-file");
  }

  /** Tests that a bad --concurrency names the option. */
  @Test
  void concurrencyZero_isUsageError_namingTheOption() {
    CliRun run =
        CliRun.of(args("cancel-pending", FakeFleet.LOBBY_TABLET.toString(), "--concurrency", "0"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains("--concurrency must be 1 to 256");
  }
}
