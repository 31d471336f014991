package dev.amapi.ops.cli;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.usecase.BulkCancel;
import dev.amapi.ops.domain.usecase.BulkCancelReport;
import dev.amapi.ops.domain.usecase.BulkOutcome;
import dev.amapi.ops.domain.usecase.OperationSelection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code amapi-ops cancel-pending DEVICE... | --devices-file FILE [--type T,...] [--older-than D]
 * [--concurrency N] [--rate R] [--dry-run]}: {@link BulkCancel} on the command line.
 */
@Command(
    name = "cancel-pending",
    mixinStandardHelpOptions = true,
    versionProvider = AmapiOps.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Call off a fleet's pending commands: list each device's operations, cancel every pending"
          + " one selected (by --type and --older-than; all of them by default), read each back"
          + " until it is done or --timeout passes, and print a summary by outcome.",
      "Progress goes to stderr. With --json, stdout gets one JSON line per operation (and per"
          + " device that could not be listed), then a summary line.",
      "Ctrl-C stops promptly and prints the partial summary; running the same command again"
          + " finishes the rest, and cancels nothing twice (done operations are skipped)."
    },
    exitCodeListHeading = "%nExit codes (the worst outcome met; a stopped run is at least 7):%n")
final class CancelPendingCommand implements Callable<Integer> {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  @ArgGroup(multiplicity = "1")
  Devices devices = new Devices();

  /** The devices: named on the command line, or in a file. */
  static final class Devices {
    @Parameters(
        paramLabel = "DEVICE",
        arity = "1..*",
        converter = NameConverters.Device.class,
        description = "Device name: enterprises/ENTERPRISE/devices/DEVICE.")
    List<DeviceName> names = new ArrayList<>();

    @Option(
        names = "--devices-file",
        paramLabel = "FILE",
        description =
            "File of device names, one a line (blank lines and lines starting with # are"
                + " skipped); read as the run goes, so it may be long.")
    @Nullable Path file;
  }

  @Option(
      names = "--type",
      split = ",",
      paramLabel = "TYPE",
      description = "Only commands of these types, such as REBOOT,WIPE; default: every type.")
  List<String> types = new ArrayList<>();

  @Option(
      names = "--older-than",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Only commands issued at least this long ago, such as 10m, 2h.")
  @Nullable Duration olderThan;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Devices worked on at once, 1 to 256; default ${DEFAULT-VALUE}.")
  int concurrency = BulkCancel.DEFAULT_CONCURRENCY;

  @Option(
      names = "--rate",
      paramLabel = "R",
      description =
          "Most API calls a second, all devices together, retries included; default"
              + " ${DEFAULT-VALUE}.")
  double rate = BulkCancel.DEFAULT_RATE_PER_SECOND;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long to read each cancelled operation back; default 30s.")
  Duration timeout = DEFAULT_TIMEOUT;

  @Option(
      names = "--dry-run",
      description = "List and select only: report WOULD_CANCEL, cancel nothing.")
  boolean dryRun;

  private final AmapiOps global;

  CancelPendingCommand(AmapiOps global) {
    this.global = global;
  }

  @Override
  public Integer call() {
    BulkCancel.Builder settings;
    OperationSelection selection = selection();
    if (concurrency < 1 || concurrency > 256) {
      throw new Failure(
          ExitCode.USAGE,
          "--concurrency must be 1 to 256, was "
              + concurrency
              + ". See 'amapi-ops cancel-pending --help'.");
    }
    if (!(rate > 0) || rate > 1_000_000) {
      throw new Failure(
          ExitCode.USAGE,
          "--rate must be above 0 and at most 1000000 calls a second, was "
              + rate
              + ". See 'amapi-ops cancel-pending --help'.");
    }
    Path file = devices.file;
    long count = file == null ? devices.names.size() : checkDevicesFile(file);
    try (Connection connection = Connection.open(global, global.err())) {
      try {
        settings =
            BulkCancel.builder(connection.operations())
                .selection(selection)
                .concurrency(concurrency)
                .ratePerSecond(rate)
                .confirmDeadline(timeout)
                .dryRun(dryRun);
      } catch (IllegalArgumentException e) {
        throw new Failure(ExitCode.USAGE, optionError(e), e);
      }
      BulkProgress progress = new BulkProgress(global, count, isTerminal());
      global
          .err()
          .println(
              "amapi-ops: "
                  + (dryRun ? "dry run over " : "cancelling pending commands on ")
                  + count
                  + (count == 1 ? " device" : " devices")
                  + ", "
                  + concurrency
                  + " at a time, at most "
                  + BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString()
                  + " calls a second; Ctrl-C stops and prints what was done");
      global.err().flush();
      BulkCancel.Run run =
          file == null
              ? settings.build().start(devices.names, progress)
              : settings.build().start(deviceLines(file), progress);
      CountDownLatch printed = new CountDownLatch(1);
      Thread onCtrlC =
          new Thread(
              () -> {
                run.stop();
                try {
                  printed.await(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "amapi-ops-stop");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      try {
        BulkCancelReport report = run.await();
        progress.clearBar();
        ExitCode exit = progress.worst();
        if (report.stopped()) {
          exit = exit.worst(ExitCode.STILL_RUNNING);
        }
        print(report, exit);
        return exit.code();
      } finally {
        printed.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(onCtrlC);
        } catch (IllegalStateException e) {
          // The JVM is shutting down (Ctrl-C): the hook is running, and has what it waited for.
        }
      }
    }
  }

  // Java 17's System.console() is null unless both stdin and stdout are a terminal: the tool's
  // notion of "interactive" (Java 22 would need Console.isTerminal(), absent here).
  @SuppressWarnings("SystemConsoleNull")
  private static boolean isTerminal() {
    return System.console() != null;
  }

  private OperationSelection selection() {
    OperationSelection selection = OperationSelection.allPending();
    if (!types.isEmpty()) {
      Set<CommandType> parsed = new LinkedHashSet<>();
      for (String type : types) {
        CommandType commandType = CommandType.of(type.strip().toUpperCase(Locale.ROOT));
        if (type.isBlank() || !commandType.isKnown()) {
          throw new Failure(
              ExitCode.USAGE,
              "--type: '"
                  + type
                  + "' is not a command type: use LOCK, REBOOT, WIPE, RESET_PASSWORD,"
                  + " CLEAR_APP_DATA, START_LOST_MODE, STOP_LOST_MODE, RELINQUISH_OWNERSHIP,"
                  + " ADD_ESIM, REMOVE_ESIM or REQUEST_DEVICE_INFO.");
        }
        parsed.add(commandType);
      }
      selection = selection.withTypes(parsed);
    }
    Duration age = olderThan;
    return age == null ? selection : selection.olderThan(age);
  }

  /** Returns the option a builder's message is about, in the tool's words. */
  private static String optionError(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("concurrency")) {
      return "--concurrency must be 1 to 256. See 'amapi-ops cancel-pending --help'.";
    }
    if (message.startsWith("ratePerSecond")) {
      return "--rate must be above 0 and at most 1000000. See 'amapi-ops cancel-pending --help'.";
    }
    return Failure.sentence(message);
  }

  /**
   * Reads the file once to check every line before anything is sent, and returns how many devices
   * it names; nothing is kept, so the file may be as long as the fleet.
   */
  private static long checkDevicesFile(Path file) {
    long count = 0;
    long lineNumber = 0;
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next().strip();
        lineNumber++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        try {
          DeviceName.parse(line);
        } catch (IllegalArgumentException e) {
          throw new Failure(
              ExitCode.USAGE,
              "--devices-file "
                  + file
                  + ", line "
                  + lineNumber
                  + ": "
                  + Failure.sentence(String.valueOf(e.getMessage()))
                  + " Nothing was sent.",
              e);
        }
        count++;
      }
    } catch (IOException | UncheckedIOException e) {
      throw new Failure(
          ExitCode.USAGE,
          "cannot read --devices-file " + file + ": " + Failure.sentence(String.valueOf(e)),
          e);
    }
    return count;
  }

  /** The file's devices, read lazily as the run takes them; the run closes the stream. */
  @SuppressWarnings("StreamResourceLeak")
  private static Stream<DeviceName> deviceLines(Path file) {
    try {
      return Files.lines(file, StandardCharsets.UTF_8)
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(DeviceName::parse);
    } catch (IOException e) {
      throw new Failure(ExitCode.USAGE, "cannot read --devices-file " + file + ": " + e, e);
    }
  }

  private void print(BulkCancelReport report, ExitCode exit) {
    PrintWriter out = global.out();
    if (global.json) {
      JsonText counts = JsonText.object();
      for (Map.Entry<BulkOutcome, Long> count : report.counts().entrySet()) {
        counts.number(count.getKey().name(), count.getValue());
      }
      out.println(
          JsonText.object()
              .raw(
                  "summary",
                  JsonText.object()
                      .raw("counts", counts.endObject())
                      .number("operations", report.operations())
                      .number("devicesListed", report.devicesListed())
                      .number("devicesFailed", report.devicesFailed())
                      .raw("stopped", Boolean.toString(report.stopped()))
                      .number("elapsedMillis", report.elapsed().toMillis())
                      .endObject())
              .number("exitCode", exit.code())
              .endObject());
    } else {
      Table table = new Table("OUTCOME", "OPERATIONS");
      for (Map.Entry<BulkOutcome, Long> count : report.counts().entrySet()) {
        table.add(count.getKey().name(), Long.toString(count.getValue()));
      }
      table.add("TOTAL", Long.toString(report.operations()));
      table.print(out);
      out.println(
          "devices: "
              + report.devicesListed()
              + " listed, "
              + report.devicesFailed()
              + " failed; "
              + CancelCommand.format(Duration.ofMillis(Math.max(1, report.elapsed().toMillis())))
              + (report.stopped()
                  ? "; stopped before the end: run the same command again to finish"
                  : ""));
    }
    out.flush();
  }
}
