package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.usecase.BulkCancelListener;
import dev.amapi.ops.domain.usecase.BulkCancelReport;
import dev.amapi.ops.domain.usecase.BulkOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What cancel-pending shows while it runs, on a terminal and off one. */
class BulkProgressTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AmapiOps global = new AmapiOps(new PrintWriter(out), new PrintWriter(err));

  private static BulkCancelReport soFar(long devices, long cancelled) {
    return BulkCancelReport.of(
        Map.of(BulkOutcome.CANCELLED, cancelled), devices, 0, false, Duration.ZERO);
  }

  /** Tests that on a terminal the bar is redrawn in place and ended by a newline. */
  @Test
  void terminal_redrawsOneLineWithCarriageReturns() {
    BulkProgress progress = new BulkProgress(global, 4, true);

    progress.progress(soFar(0, 0));
    progress.progress(soFar(4, 8));
    progress.clearBar();

    String shown = err.toString();
    assertThat(shown).startsWith("\r[").contains("\r[##############################] 4/4 devices");
    assertThat(shown).contains("8 operations (CANCELLED 8)").endsWith(System.lineSeparator());
    // One line on the terminal: redrawn with \r, ended once with a newline.
    assertThat(shown.chars().filter(c -> c == '\n')).hasSize(1);
  }

  /** Tests that off a terminal a plain line is printed every tenth of the devices. */
  @Test
  void notATerminal_plainLinesEveryTenth() {
    BulkProgress progress = new BulkProgress(global, 100, false);

    for (int devices = 0; devices <= 100; devices++) {
      progress.progress(soFar(devices, 2L * devices));
    }

    assertThat(err.toString().lines())
        .hasSize(11)
        .allSatisfy(line -> assertThat(line).startsWith("amapi-ops: ").doesNotContain("\r"))
        .last()
        .asString()
        .isEqualTo("amapi-ops: 100/100 devices, 200 operations (CANCELLED 200)");
  }

  /** Tests the worst exit code over outcomes and a device that could not be listed. */
  @Test
  void worst_isTheWorstOutcomeOrDeviceFailure() {
    BulkProgress progress = new BulkProgress(global, 2, false);
    DeviceName device = DeviceName.of("LC03k6enk8", "36c339908766f292");

    progress.operationDone(
        new BulkCancelListener.OperationDone(
            device.operation("1"), BulkOutcome.CANCELLED, null, null));
    assertThat(progress.worst()).isEqualTo(ExitCode.OK);
    progress.operationDone(
        new BulkCancelListener.OperationDone(
            device.operation("2"), BulkOutcome.COMPLETED, null, null));
    assertThat(progress.worst()).isEqualTo(ExitCode.COMPLETED);
    progress.deviceFailed(
        device, Status.of(Code.PERMISSION_DENIED, "The caller does not have permission"));

    assertThat(progress.worst()).isEqualTo(ExitCode.ERROR);
    assertThat(err.toString())
        .contains("amapi-ops: cannot list the operations of " + device + ": PERMISSION_DENIED")
        .contains("Check that the credentials may manage enterprise LC03k6enk8.");
  }
}
