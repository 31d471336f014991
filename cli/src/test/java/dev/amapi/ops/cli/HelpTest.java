package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        .containsPattern("\\n +0 +success")
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

  /**
   * Tests that every command's help lists its exit codes best to worst, each with the one meaning
   * the tool gives it; get and list, which only read, leave out the outcomes of a cancel.
   */
  @ParameterizedTest
  @CsvSource({
    "'', 0 5 6 7 4 3 1 8 2",
    "cancel, 0 5 6 7 4 3 1 8 2",
    "cancel-pending, 0 5 6 7 4 3 1 8 2",
    "get, 0 3 1 8 2",
    "list, 0 3 1 8 2"
  })
  void help_listsTheExitCodesOfExitCode(String command, String codes) {
    List<String> args = new ArrayList<>();
    if (!command.isEmpty()) {
      args.add(command);
    }
    args.add("--help");
    CliRun run = CliRun.of(args);

    Map<Integer, String> listed = exitCodes(run.out());

    assertThat(run.exitCode()).isZero();
    assertThat(listed.keySet())
        .containsExactlyElementsOf(Arrays.stream(codes.split(" ")).map(Integer::valueOf).toList());
    for (ExitCode code : ExitCode.values()) {
      if (listed.containsKey(code.code())) {
        assertThat(listed.get(code.code())).as("exit code %s", code).isEqualTo(code.meaning());
      }
    }
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
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains("cancel, cancel-pending, get, list or help");
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

  /**
   * Returns the exit codes listed after the "Exit codes" heading, in order, each with its meaning
   * (picocli wraps a long one onto indented lines, joined here by a space).
   */
  private static Map<Integer, String> exitCodes(String help) {
    Map<Integer, String> codes = new LinkedHashMap<>();
    List<String> lines = help.lines().toList();
    int heading = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Exit codes")) {
        heading = i;
      }
    }
    assertThat(heading).as("an Exit codes heading in%n%s", help).isNotNegative();
    Pattern entry = Pattern.compile(" +(\\d+) +(.*)");
    Integer last = null;
    for (String line : lines.subList(heading + 1, lines.size())) {
      Matcher matcher = entry.matcher(line);
      if (matcher.matches()) {
        last = Integer.valueOf(matcher.group(1));
        codes.put(last, matcher.group(2).strip());
      } else if (last != null && !line.isBlank()) {
        codes.merge(last, line.strip(), (before, more) -> before + " " + more);
      }
    }
    return codes;
  }
}
