package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.rest.WireFormat;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tool run in-process against its built-in fake server ({@code --fake}). */
class FakeModeTest {
  private static final String PENDING_REBOOT = FakeFleet.PENDING_REBOOT.toString();
  private static final String PENDING_LOCK = FakeFleet.PENDING_LOCK.toString();
  private static final String UNKNOWN =
      FakeFleet.LOBBY_TABLET.operation("1786040000000").toString();

  static Stream<Arguments> outcomes() {
    List<Arguments> all = new ArrayList<>();
    for (String transport : List.of("jdk", "apache")) {
      all.add(Arguments.of(transport, "default", "CANCELLED", 0));
      all.add(Arguments.of(transport, "slow-cancel", "CANCELLED", 0));
      all.add(Arguments.of(transport, "complete-anyway", "COMPLETED", 5));
      all.add(Arguments.of(transport, "fail", "FAILED", 6));
      all.add(Arguments.of(transport, "never", "STILL_RUNNING", 7));
      all.add(Arguments.of(transport, "unimplemented", "NOT_SUPPORTED", 4));
    }
    return all.stream();
  }

  /**
   * Tests that cancel --wait prints each outcome the fake can be scripted to and exits with its
   * code.
   */
  @ParameterizedTest(name = "{0} {1} -> {2} ({3})")
  @MethodSource("outcomes")
  void cancelWait_scriptedFake_printsOutcomeAndExitsWithItsCode(
      String transport, String script, String outcome, int exitCode) {
    CliRun run =
        CliRun.of(
            "--transport",
            transport,
            "--fake",
            "--fake-script",
            script,
            "cancel",
            PENDING_REBOOT,
            "--wait",
            "--timeout",
            "1s");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    assertThat(run.out()).contains("NAME", "OUTCOME", "DETAIL");
    assertThat(run.out()).containsPattern(PENDING_REBOOT + " +" + outcome + " ");
    assertThat(run.errorLines()).isEmpty();
    assertThat(run.err())
        .contains("amapi-ops: using the built-in fake server at http://127.0.0.1:");
  }

  /** Tests that an operation the fake does not hold is NOT_FOUND, exit 3, with a hint. */
  @ParameterizedTest
  @ValueSource(strings = {"jdk", "apache"})
  void cancelWait_unknownOperation_isNotFound(String transport) {
    CliRun run = CliRun.of("--transport", transport, "--fake", "cancel", UNKNOWN, "--wait");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .containsPattern(
            UNKNOWN + " +NOT_FOUND +NOT_FOUND: .*amapi-ops list " + FakeFleet.LOBBY_TABLET);
  }

  /**
   * Tests that with several names the exit code is the worst outcome's, and every name is tried.
   */
  @Test
  void cancelWait_severalNames_exitsWithWorstOutcome() {
    CliRun run = CliRun.of("--fake", "cancel", PENDING_REBOOT, UNKNOWN, PENDING_LOCK, "--wait");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .containsPattern(PENDING_REBOOT + " +CANCELLED")
        .containsPattern(UNKNOWN + " +NOT_FOUND")
        .containsPattern(PENDING_LOCK + " +CANCELLED");
  }

  /** Tests that cancel without --wait only says the cancel was requested. */
  @Test
  void cancel_withoutWait_printsCancelRequested() {
    CliRun run = CliRun.of("--fake", "cancel", PENDING_REBOOT);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(PENDING_REBOOT + ": cancel requested" + System.lineSeparator());
  }

  /** Tests that a failed cancel without --wait is one line naming the call, the code and a hint. */
  @Test
  void cancel_unknownOperation_printsOneLineWithCodeAndHint() {
    CliRun run = CliRun.of("--fake", "cancel", UNKNOWN);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.errorLines())
        .singleElement()
        .asString()
        .startsWith("amapi-ops: cannot cancel " + UNKNOWN + ": NOT_FOUND: ")
        .endsWith("Check the operation name with 'amapi-ops list " + FakeFleet.LOBBY_TABLET + "'.");
  }

  /** Tests that an UNIMPLEMENTED cancel without --wait exits 4. */
  @Test
  void cancel_unimplemented_exitsNotSupported() {
    CliRun run = CliRun.of("--fake", "--fake-script", "unimplemented", "cancel", PENDING_REBOOT);

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.errorLines()).singleElement().asString().contains("UNIMPLEMENTED");
  }

  /** Tests that options given after the subcommand work as well as before it. */
  @Test
  void globalOptions_afterSubcommand_areInherited() {
    CliRun run =
        CliRun.of("cancel", PENDING_REBOOT, "--wait", "--fake", "--fake-script", "complete-anyway");

    assertThat(run.exitCode()).isEqualTo(5);
  }

  /** Tests that list prints every seeded operation of the device in an aligned table. */
  @ParameterizedTest
  @ValueSource(strings = {"jdk", "apache"})
  void list_printsTable(String transport) {
    CliRun run =
        CliRun.of(
            "--transport",
            transport,
            "--fake",
            "list",
            FakeFleet.WAREHOUSE_SCANNER.toString(),
            "--page-size",
            "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).matches("NAME +TYPE +STATE +CREATED");
    assertThat(lines.get(1)).contains(FakeFleet.CANCELLED_WIPE.toString(), "WIPE", "CANCELLED");
    assertThat(lines.get(2))
        .contains("CLEAR_APP_DATA", "FAILED (FAILED_PRECONDITION)", "2026-08-06T19:08:38.046Z");
    assertThat(lines.get(3)).contains("REBOOT", "PENDING");
    // Aligned: every row's TYPE column starts where the header's does.
    int typeColumn = lines.get(0).indexOf("TYPE");
    assertThat(lines).allSatisfy(line -> assertThat(line.charAt(typeColumn - 1)).isEqualTo(' '));
    assertThat(lines.get(1).substring(typeColumn)).startsWith("WIPE");
  }

  /** Tests that list --pending keeps only the operations not done. */
  @Test
  void list_pending_keepsOnlyPending() {
    CliRun run = CliRun.of("--fake", "list", FakeFleet.LOBBY_TABLET.toString(), "--pending");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(PENDING_REBOOT, PENDING_LOCK)
        .doesNotContain(FakeFleet.COMPLETED_LOCK.toString());
  }

  /** Tests that list --json is the list answer's JSON, which the REST binding reads back. */
  @Test
  void list_json_isAnOperationsPage() {
    CliRun run = CliRun.of("--fake", "--json", "list", FakeFleet.WAREHOUSE_SCANNER.toString());

    assertThat(run.exitCode()).isZero();
    OperationsPage page = WireFormat.readOperationsPage(bytes(run.out()));
    assertThat(page.operations())
        .extracting(Operation::name)
        .containsExactly(
            FakeFleet.CANCELLED_WIPE,
            FakeFleet.FAILED_CLEAR_APP_DATA,
            FakeFleet.PENDING_SCANNER_REBOOT);
  }

  /** Tests that get prints the operation's fields. */
  @Test
  void get_printsOperation() {
    CliRun run = CliRun.of("--fake", "get", FakeFleet.FAILED_CLEAR_APP_DATA.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("NAME +" + FakeFleet.FAILED_CLEAR_APP_DATA)
        .containsPattern("TYPE +CLEAR_APP_DATA")
        .containsPattern(
            "ERROR +FAILED_PRECONDITION: The app com.example.scanner is not installed");
  }

  /** Tests that get --json is the operation as the API sends it. */
  @Test
  void get_json_isTheOperation() {
    CliRun run = CliRun.of("--fake", "get", PENDING_REBOOT, "--json");

    assertThat(run.exitCode()).isZero();
    Operation operation = WireFormat.readOperation(bytes(run.out()));
    assertThat(operation.name()).isEqualTo(FakeFleet.PENDING_REBOOT);
    assertThat(operation.done()).isFalse();
  }

  /** Tests that get of an unknown operation is one line and exit 3. */
  @Test
  void get_unknown_isNotFound() {
    CliRun run = CliRun.of("--fake", "get", UNKNOWN);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.errorLines()).singleElement().asString().startsWith("amapi-ops: cannot get ");
  }

  /** Tests that cancel --wait --json is one document holding each outcome and its operation. */
  @Test
  void cancelWait_json_holdsOutcomesWithOperations() {
    CliRun run = CliRun.of("--fake", "--json", "cancel", PENDING_REBOOT, UNKNOWN, "--wait");

    assertThat(run.exitCode()).isEqualTo(3);
    String json = run.out().strip();
    assertThat(json.lines()).hasSize(1);
    assertThat(json)
        .startsWith("{\"outcomes\":[{\"name\":\"" + PENDING_REBOOT + "\",\"outcome\":\"CANCELLED\"")
        .contains("\"exitCode\":0,\"operation\":{\"name\":\"" + PENDING_REBOOT + "\"")
        .contains("\"status\":{\"code\":1,\"message\":\"Operation was cancelled.\"}")
        .contains("{\"name\":\"" + UNKNOWN + "\",\"outcome\":\"NOT_FOUND\",\"exitCode\":3")
        .endsWith("]}");
    // The embedded operation is exactly what the REST binding writes.
    int start = json.indexOf("\"operation\":") + "\"operation\":".length();
    int end = json.indexOf(",\"status\":", start);
    Operation operation = WireFormat.readOperation(bytes(json.substring(start, end)));
    assertThat(operation.isCancelled()).isTrue();
  }

  /** Tests that a malformed name is a usage error before the fake even starts. */
  @Test
  void cancel_badName_isUsageErrorBeforeAnything() {
    CliRun run =
        CliRun.of(
            "--fake", "cancel", PENDING_REBOOT, "enterprises/LC03k6enk8/devices/d/operations/..");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("amapi-ops: ")
        .contains("\"enterprises/LC03k6enk8/devices/d/operations/..\"")
        .endsWith("See 'amapi-ops cancel --help'.");
  }

  /** Tests that an unknown fake script is a usage error naming the allowed ones. */
  @Test
  void fakeScript_unknown_isUsageError() {
    CliRun run = CliRun.of("--fake", "--fake-script", "explode", "cancel", PENDING_REBOOT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unimplemented|complete-anyway");
  }

  /** Tests that --fake-script without --fake is refused. */
  @Test
  void fakeScript_withoutFake_isUsageError() {
    CliRun run = CliRun.of("--fake-script", "never", "cancel", PENDING_REBOOT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().contains("--fake-script needs --fake");
  }

  /** Tests that a bad --timeout is a usage error. */
  @Test
  void timeout_malformed_isUsageError() {
    CliRun run = CliRun.of("--fake", "cancel", PENDING_REBOOT, "--wait", "--timeout", "soon");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'soon' is not a duration");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(Charset.defaultCharset());
  }
}
