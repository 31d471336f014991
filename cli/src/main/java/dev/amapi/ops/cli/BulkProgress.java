package dev.amapi.ops.cli;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.usecase.BulkCancelListener;
import dev.amapi.ops.domain.usecase.BulkCancelReport;
import dev.amapi.ops.domain.usecase.BulkOutcome;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What {@code cancel-pending} shows while it runs: progress on stderr (a bar redrawn in place on a
 * terminal, a plain line every tenth of the devices otherwise), with {@code --json} one line per
 * operation on stdout, and the worst exit code met. The run calls it one event at a time.
 */
final class BulkProgress implements BulkCancelListener {
  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final AmapiOps global;
  private final long devices;
  private final boolean terminal;
  private ExitCode worst = ExitCode.OK;
  private long lastDrawn = Long.MIN_VALUE;
  private long nextPlainLine;
  private boolean barShown;

  /**
   * @param devices how many devices the run takes
   * @param terminal whether stderr is a terminal, to redraw one line in place
   */
  BulkProgress(AmapiOps global, long devices, boolean terminal) {
    this.global = global;
    this.devices = devices;
    this.terminal = terminal;
  }

  /** Returns the exit code of an outcome: cancelled, already done and dry-run ones are success. */
  static ExitCode exitCode(BulkOutcome outcome, @org.jspecify.annotations.Nullable Status status) {
    return switch (outcome) {
      case CANCELLED, ALREADY_DONE, WOULD_CANCEL -> ExitCode.OK;
      case COMPLETED -> ExitCode.COMPLETED;
      case FAILED -> ExitCode.FAILED;
      case STILL_RUNNING, CANCEL_REQUESTED -> ExitCode.STILL_RUNNING;
      case NOT_SUPPORTED -> ExitCode.NOT_SUPPORTED;
      case NOT_FOUND -> ExitCode.NOT_FOUND;
      case ERROR -> status == null ? ExitCode.ERROR : ExitCode.of(status.code());
    };
  }

  synchronized ExitCode worst() {
    return worst;
  }

  @Override
  public synchronized void operationDone(OperationDone event) {
    ExitCode code = exitCode(event.outcome(), event.status().orElse(null));
    worst = worst.worst(code);
    if (global.json) {
      JsonText json =
          JsonText.object()
              .string("name", event.name().toString())
              .string("outcome", event.outcome().name())
              .number("exitCode", code.code());
      event.operation().ifPresent(operation -> json.operation("operation", operation));
      event.status().ifPresent(status -> json.status("status", status));
      global.out().println(json.endObject());
    }
  }

  @Override
  public synchronized void deviceFailed(DeviceName device, Status error) {
    Failure failure =
        Failure.of(
            "list the operations of " + device,
            device,
            new AmapiException(error, (Throwable) null));
    worst = worst.worst(failure.exitCode());
    clearBar();
    if (global.json) {
      global
          .out()
          .println(
              JsonText.object()
                  .string("device", device.toString())
                  .string("outcome", "DEVICE_FAILED")
                  .number("exitCode", failure.exitCode().code())
                  .status("error", error)
                  .endObject());
    }
    Main.printFailure(global, failure);
  }

  @Override
  public synchronized void progress(BulkCancelReport soFar) {
    long done = soFar.devicesListed() + soFar.devicesFailed();
    PrintWriter err = global.err();
    if (terminal) {
      long now = System.nanoTime();
      if (done < devices && now - lastDrawn < REDRAW_NANOS) {
        return;
      }
      lastDrawn = now;
      int filled = devices == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / devices);
      err.print(
          "\r["
              + "#".repeat(filled)
              + " ".repeat(BAR_WIDTH - filled)
              + "] "
              + line(soFar, done)
              + "   ");
      err.flush();
      barShown = true;
    } else if (done >= nextPlainLine) {
      err.println("amapi-ops: " + line(soFar, done));
      err.flush();
      nextPlainLine = done + Math.max(1, devices / 10);
    }
  }

  /** Ends the bar's line, so what follows starts on a line of its own. */
  synchronized void clearBar() {
    if (barShown) {
      global.err().println();
      global.err().flush();
      barShown = false;
      lastDrawn = Long.MIN_VALUE;
    }
  }

  private String line(BulkCancelReport soFar, long done) {
    StringBuilder line =
        new StringBuilder()
            .append(done)
            .append('/')
            .append(devices)
            .append(" devices, ")
            .append(soFar.operations())
            .append(" operations");
    Map<BulkOutcome, Long> counts = soFar.counts();
    if (!counts.isEmpty()) {
      line.append(" (");
      String separator = "";
      for (Map.Entry<BulkOutcome, Long> count : counts.entrySet()) {
        line.append(separator).append(count.getKey()).append(' ').append(count.getValue());
        separator = ", ";
      }
      line.append(')');
    }
    return line.toString();
  }
}
