package dev.amapi.ops.cli;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.domain.usecase.CancelAndConfirm;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code amapi-ops cancel NAME... [--wait] [--timeout 30s]}. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    versionProvider = AmapiOps.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Ask the server to cancel each operation. Cancel is best effort: without --wait this only"
          + " says the request was accepted.",
      "With --wait, read each operation back until it is done or --timeout passes, and report"
          + " what came of it: CANCELLED, COMPLETED (finished anyway), FAILED, STILL_RUNNING,"
          + " NOT_SUPPORTED or NOT_FOUND."
    },
    exitCodeListHeading = "%nExit codes (with several NAMEs, the worst, in the order listed):%n")
final class CancelCommand implements Callable<Integer> {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  // Parsed in call(), not by a converter: picocli reports a bad second value of a list as merely
  // "unmatched", losing the reason. Either way every name is checked before anything is sent.
  @Parameters(
      paramLabel = "NAME",
      arity = "1..*",
      description = "Operation name: enterprises/ENTERPRISE/devices/DEVICE/operations/OPERATION.")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--wait",
      description = "Wait for each operation to be done, and report the outcome.")
  boolean wait;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "With --wait: how long to wait per operation, such as 30s, 2m; default 30s.")
  Duration timeout = DEFAULT_TIMEOUT;

  private final AmapiOps global;

  CancelCommand(AmapiOps global) {
    this.global = global;
  }

  @Override
  public Integer call() {
    Set<OperationName> parsed = new LinkedHashSet<>();
    for (String name : names) {
      try {
        parsed.add(OperationName.parse(name));
      } catch (IllegalArgumentException e) {
        throw new Failure(
            ExitCode.USAGE,
            Failure.sentence(String.valueOf(e.getMessage()))
                + " Nothing was sent. See 'amapi-ops cancel --help'.",
            e);
      }
    }
    List<OperationName> unique = List.copyOf(parsed);
    try (Connection connection = Connection.open(global, global.err())) {
      return wait ? cancelAndConfirm(connection.operations(), unique) : cancel(connection, unique);
    }
  }

  private int cancel(Connection connection, List<OperationName> unique) {
    PrintWriter out = global.out();
    ExitCode exit = ExitCode.OK;
    JsonText outcomes = JsonText.array();
    for (OperationName name : unique) {
      try {
        connection.operations().cancel(name);
        outcomes.element(
            JsonText.object()
                .string("name", name.toString())
                .string("outcome", "CANCEL_REQUESTED")
                .number("exitCode", ExitCode.OK.code())
                .endObject());
        if (!global.json) {
          out.println(name + ": cancel requested");
        }
      } catch (AmapiException e) {
        Failure failure = report("cancel " + name, name, e);
        exit = exit.worst(failure.exitCode());
        outcomes.element(errorJson(name, failure, e.status()));
        if (failure.exitCode() == ExitCode.AUTH) {
          break;
        }
      }
    }
    if (global.json) {
      out.println(JsonText.object().raw("outcomes", outcomes.endArray()).endObject());
    }
    out.flush();
    return exit.code();
  }

  private int cancelAndConfirm(DeviceOperations operations, List<OperationName> unique) {
    CancelAndConfirm useCase = CancelAndConfirm.of(operations);
    ExitCode exit = ExitCode.OK;
    Table table = new Table("NAME", "OUTCOME", "DETAIL");
    JsonText outcomes = JsonText.array();
    for (OperationName name : unique) {
      try {
        CancelOutcome outcome = useCase.cancelAndConfirm(name, timeout);
        ExitCode code = ExitCode.of(outcome.kind());
        exit = exit.worst(code);
        table.add(name.toString(), outcome.kind().name(), detail(outcome));
        outcomes.element(outcomeJson(outcome, code));
      } catch (AmapiException e) {
        Failure failure = report("cancel " + name, name, e);
        exit = exit.worst(failure.exitCode());
        table.add(name.toString(), "ERROR", OperationText.status(e.status()));
        outcomes.element(errorJson(name, failure, e.status()));
        if (failure.exitCode() == ExitCode.AUTH) {
          break;
        }
      }
    }
    PrintWriter out = global.out();
    if (global.json) {
      out.println(JsonText.object().raw("outcomes", outcomes.endArray()).endObject());
    } else {
      table.print(out);
    }
    out.flush();
    return exit.code();
  }

  private String detail(CancelOutcome outcome) {
    return switch (outcome.kind()) {
      case CANCELLED ->
          outcome.status().map(Status::message).filter(m -> !m.isEmpty()).orElse("cancelled");
      case COMPLETED -> "finished before the cancel took effect";
      case FAILED -> outcome.status().map(s -> "ended with " + OperationText.status(s)).orElse("");
      case STILL_RUNNING -> "still pending after " + format(timeout) + "; the cancel was requested";
      case NOT_SUPPORTED ->
          outcome.status().map(OperationText::status).orElse("UNIMPLEMENTED")
              + " The server cannot cancel it; it may still finish.";
      case NOT_FOUND ->
          Failure.sentence(outcome.status().map(OperationText::status).orElse("NOT_FOUND"))
              + " Check the name with 'amapi-ops list "
              + outcome.name().device()
              + "'.";
    };
  }

  private static String outcomeJson(CancelOutcome outcome, ExitCode code) {
    JsonText json =
        JsonText.object()
            .string("name", outcome.name().toString())
            .string("outcome", outcome.kind().name())
            .number("exitCode", code.code());
    outcome.operation().ifPresent(operation -> json.operation("operation", operation));
    outcome.status().ifPresent(status -> json.status("status", status));
    return json.endObject();
  }

  private static String errorJson(OperationName name, Failure failure, Status status) {
    return JsonText.object()
        .string("name", name.toString())
        .string("outcome", "ERROR")
        .number("exitCode", failure.exitCode().code())
        .status("error", status)
        .endObject();
  }

  private Failure report(String what, OperationName name, AmapiException e) {
    Failure failure = Failure.of(what, name.device(), e);
    Main.printFailure(global, failure);
    return failure;
  }

  /** Returns {@code 30s}, {@code 1500ms}, {@code 2m}: how the option is written. */
  static String format(Duration duration) {
    if (duration.toMillisPart() != 0 || duration.isZero()) {
      return duration.toMillis() + "ms";
    }
    if (duration.toSecondsPart() != 0) {
      return duration.toSeconds() + "s";
    }
    return duration.toMinutes() + "m";
  }
}
