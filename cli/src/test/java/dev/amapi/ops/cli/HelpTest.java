package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The help and version texts. */
class HelpTest {

  /** Tests that cancel --help lists its options, the inherited ones, and every exit code. */
  @Test
  void cancelHelp_listsOptionsAndExitCodes() {
    CliRun run = CliRun.of("cancel", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: amapi-ops cancel", "NAME...", "--wait", "--timeout=DURATION")
        .contains("--transport=jdk|apache", "--endpoint=URL", "--credentials=FILE", "--json")
        .contains("--fake", "--verbose", "Exit codes")
        .containsPattern("\\n +0 +cancelled")
        .containsPattern("\\n +1 +another API or transport error")
        .containsPattern("\\n +2 +bad usage")
        .containsPattern("\\n +3 +NOT_FOUND")
        .containsPattern("\\n +4 +NOT_SUPPORTED")
        .containsPattern("\\n +5 +COMPLETED")
        .containsPattern("\\n +6 +FAILED")
        .containsPattern("\\n +7 +STILL_RUNNING")
        .containsPattern("\\n +8 +no usable credentials")
        .doesNotContain("--fake-script");
  }

  /** Tests that get --help lists its exit codes. */
  @Test
  void getHelp_listsExitCodes() {
    CliRun run = CliRun.of("get", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: amapi-ops get", "NAME", "--json", "Exit codes")
        .containsPattern("\\n +3 +NOT_FOUND")
        .containsPattern("\\n +8 ");
  }

  /** Tests that list --help lists its options and exit codes. */
  @Test
  void listHelp_listsOptionsAndExitCodes() {
    CliRun run = CliRun.of("list", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: amapi-ops list", "DEVICE", "--pending", "--page-size=N", "Exit codes")
        .containsPattern("\\n +2 +bad usage");
  }

  /** Tests that the top command's help names the subcommands. */
  @Test
  void topHelp_namesSubcommands() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("cancel", "get", "list", "Exit codes");
  }

  /** Tests that no subcommand is a usage error of one line. */
  @Test
  void noSubcommand_isUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().contains("cancel, get or list");
  }

  /** Tests that an unknown option is a usage error of one line. */
  @Test
  void unknownOption_isUsageError() {
    CliRun run = CliRun.of("cancel", "--frobnicate", FakeFleet.PENDING_REBOOT.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().contains("--frobnicate");
  }

  /** Tests that --version names the tool. */
  @Test
  void version_namesTool() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("amapi-ops ");
  }
}
