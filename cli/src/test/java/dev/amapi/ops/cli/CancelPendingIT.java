package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.DeviceName;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cancel-pending} through the shaded jar, as its own process, against {@code --fake}. */
class CancelPendingIT {
  private static final Path JAR =
      Path.of(System.getProperty("amapi-ops.jar", "target/amapi-ops.jar"));

  @TempDir Path dir;

  private Path kiosksFile() throws IOException {
    return Files.writeString(
        dir.resolve("kiosks.txt"),
        FakeFleet.KIOSKS.stream().map(DeviceName::toString).collect(Collectors.joining("\n")));
  }

  /** Tests the summary table and exit code 0 of a whole fleet. */
  @Test
  void table_summaryAndExitCode() throws Exception {
    Result result =
        run("--fake", "cancel-pending", "--devices-file", kiosksFile().toString(), "--rate", "200");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .containsPattern("CANCELLED +80")
        .containsPattern("TOTAL +80")
        .contains("devices: 40 listed, 0 failed");
    assertThat(result.err()).contains("40/40 devices, 80 operations");
  }

  /** Tests the JSON lines, the summary line and the worst outcome's exit code. */
  @Test
  void json_linesSummaryAndWorstExitCode() throws Exception {
    Result result =
        run(
            "--fake",
            "--fake-script",
            "complete-anyway",
            "--json",
            "cancel-pending",
            FakeFleet.LOBBY_TABLET.toString(),
            FakeFleet.WAREHOUSE_SCANNER.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(5);
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.subList(0, 3))
        .allSatisfy(line -> assertThat(line).contains("\"outcome\":\"COMPLETED\",\"exitCode\":5"));
    assertThat(lines.get(3))
        .startsWith("{\"summary\":{\"counts\":{\"COMPLETED\":3},\"operations\":3,")
        .endsWith("\"exitCode\":5}");
  }

  /** Tests that a stop (SIGTERM, as Ctrl-C) prints the partial summary, and a re-run the rest. */
  @Test
  void stop_printsPartialSummary() throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    List<String> command =
        command(
            "--fake", "cancel-pending", "--devices-file", kiosksFile().toString(), "--rate", "20");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      // Wait for some progress, then stop it as a terminal's Ctrl-C would (a shutdown).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(err, Charset.defaultCharset()).contains("operations (CANCELLED")
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after the stop").isTrue();
    } finally {
      process.destroyForcibly();
    }

    String printed = Files.readString(out, Charset.defaultCharset());
    assertThat(printed)
        .contains("OUTCOME", "TOTAL")
        .contains("stopped before the end: run the same command again to finish");
  }

  private record Result(int exitCode, String out, String err) {}

  private static List<String> command(String... args) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private Result run(String... args) throws Exception {
    assertThat(JAR).as("the shaded jar; run with mvn verify").exists();
    Path out = Files.createTempFile(dir, "amapi-ops", ".out");
    Path err = Files.createTempFile(dir, "amapi-ops", ".err");
    Process process =
        new ProcessBuilder(command(args))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    assertThat(exited).as("the jar exits within 60 s").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, Charset.defaultCharset()),
        Files.readString(err, Charset.defaultCharset()));
  }
}
