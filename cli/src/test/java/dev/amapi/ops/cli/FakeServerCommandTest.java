package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code fake-server} says before it serves: its help, and input it cannot use. */
class FakeServerCommandTest {

  /** Tests that the help lists the options and documents the admin API. */
  @Test
  void help_listsOptionsAndTheAdminApi() {
    CliRun run = CliRun.of("fake-server", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: amapi-ops fake-server")
        .contains("--port=N", "--seed=FILE", "--token=T", "--https", "--clock=fake|system")
        .contains("first line of stdout")
        .contains("/__admin/operations", "/__admin/faults", "/__admin/journal")
        .contains("/__admin/cancel-outcomes", "/__admin/clock/advance", "/__admin/health");
  }

  /** Tests that the top command's help lists fake-server. */
  @Test
  void topHelp_namesFakeServer() {
    assertThat(CliRun.of("--help").out()).contains("fake-server");
  }

  /** Tests that a seed file that is not operations is a usage error naming what is wrong. */
  @Test
  void seed_notOperations_isUsageError(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, "[{\"done\":true}]", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("fake-server", "--seed", seed.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("amapi-ops: --seed " + seed).contains("operation 0");
  }

  /** Tests that a missing seed file is a usage error. */
  @Test
  void seed_missingFile_isUsageError(@TempDir Path dir) {
    CliRun run = CliRun.of("fake-server", "--seed", dir.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read --seed");
  }

  /** Tests that a port out of range and an unknown clock are usage errors. */
  @Test
  void badPortOrClock_isUsageError() {
    CliRun port = CliRun.of("fake-server", "--port", "70000");
    CliRun clock = CliRun.of("fake-server", "--clock", "sundial");

    assertThat(port.exitCode()).isEqualTo(2);
    assertThat(port.err()).contains("--port must be between 0 and 65535");
    assertThat(clock.exitCode()).isEqualTo(2);
    assertThat(clock.err()).contains("--clock");
  }
}
