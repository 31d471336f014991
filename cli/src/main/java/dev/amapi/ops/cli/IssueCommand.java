package dev.amapi.ops.cli;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandParams;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.UserFacingMessage;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import dev.amapi.ops.domain.usecase.CommandOutcome;
import dev.amapi.ops.domain.usecase.DeviceCommand;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code amapi-ops issue TYPE DEVICE [params] [--duration 10m] [--wait] [--cancel]}. */
@picocli.CommandLine.Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    versionProvider = AmapiOps.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Issue a command to a device: reboot, lock, reset-password, clear-app-data,"
          + " start-lost-mode, stop-lost-mode, add-esim, remove-esim, request-device-info, wipe,"
          + " relinquish-ownership. Bad parameters are refused before anything is sent.",
      "With --wait, follow the command until it ends or --timeout passes: COMPLETED (exit 0),"
          + " FAILED, CANCELLED or EXPIRED (exit 6), PENDING (exit 7).",
      "With --cancel, call it off right after issuing it, and report what came of the cancel"
          + " as 'cancel --wait' does. Under --fake, devices pick commands up after "
          + "2 seconds, so a command can be seen finishing, or be cancelled first."
    },
    exitCodeListHeading = "%nExit codes:%n")
final class IssueCommand implements Callable<Integer> {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  @Parameters(index = "0", paramLabel = "TYPE", description = "The command, such as reboot.")
  String type = "";

  @Parameters(
      index = "1",
      paramLabel = "DEVICE",
      description = "Device name: enterprises/ENTERPRISE/devices/DEVICE.")
  String device = "";

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long the command stays valid if the device does not run it (API: 10m).")
  @Nullable Duration duration;

  @Option(names = "--wait", description = "Follow the command until it ends.")
  boolean wait;

  @Option(names = "--cancel", description = "Call the command off right after issuing it.")
  boolean cancel;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "With --wait or --cancel: how long to wait; default 30s.")
  Duration timeout = DEFAULT_TIMEOUT;

  @Option(
      names = "--new-password",
      paramLabel = "PASSWORD",
      description = "reset-password: the new password (empty clears it). Never printed.")
  @Nullable String newPassword;

  @Option(
      names = "--flag",
      paramLabel = "FLAG",
      description = "reset-password: REQUIRE_ENTRY, LOCK_NOW...; wipe: WIPE_EXTERNAL_STORAGE...")
  List<String> flags = new ArrayList<>();

  @Option(names = "--package", paramLabel = "PACKAGE", description = "clear-app-data: an app.")
  List<String> packages = new ArrayList<>();

  @Option(
      names = "--message",
      paramLabel = "TEXT",
      description = "start-lost-mode: the message; wipe: the reason.")
  @Nullable String message;

  @Option(names = "--phone", paramLabel = "NUMBER", description = "start-lost-mode: phone.")
  @Nullable String phone;

  @Option(names = "--email", paramLabel = "ADDRESS", description = "start-lost-mode: email.")
  @Nullable String email;

  @Option(names = "--address", paramLabel = "TEXT", description = "start-lost-mode: address.")
  @Nullable String address;

  @Option(names = "--organization", paramLabel = "TEXT", description = "start-lost-mode: org.")
  @Nullable String organization;

  @Option(names = "--activation-code", paramLabel = "CODE", description = "add-esim: the code.")
  @Nullable String activationCode;

  @Option(
      names = "--activation-state",
      paramLabel = "STATE",
      description = "add-esim: ACTIVATED or NOT_ACTIVATED.")
  String activationState = "";

  @Option(names = "--icc-id", paramLabel = "ICCID", description = "remove-esim: the profile.")
  @Nullable String iccId;

  @Option(
      names = "--device-info",
      paramLabel = "KIND",
      description = "request-device-info: what to request; default EID.")
  String deviceInfo = "EID";

  private final AmapiOps global;

  IssueCommand(AmapiOps global) {
    this.global = global;
  }

  @Override
  public Integer call() {
    DeviceName target;
    Command command;
    try {
      target = DeviceName.parse(device);
      command = command();
    } catch (IllegalArgumentException e) {
      throw new Failure(
          ExitCode.USAGE,
          Failure.sentence(String.valueOf(e.getMessage()))
              + " Nothing was sent. See 'amapi-ops issue --help'.",
          e);
    }
    try (Connection connection = Connection.open(global, global.err())) {
      DeviceCommand handle;
      try {
        handle = DeviceCommand.issue(connection.operations(), target, command);
      } catch (AmapiException e) {
        Failure failure = Failure.of("issue " + command.type() + " to " + target, target, e);
        Main.printFailure(global, failure);
        print(
            JsonText.object()
                .string("device", target.toString())
                .string("outcome", "ERROR")
                .number("exitCode", failure.exitCode().code())
                .status("error", e.status())
                .endObject(),
            null);
        return failure.exitCode().code();
      }
      String name = handle.name().toString();
      try {
        if (cancel) {
          CancelOutcome outcome = handle.cancel(timeout);
          ExitCode exit = ExitCode.of(outcome.kind());
          JsonText json =
              JsonText.object().string("name", name).string("outcome", "" + outcome.kind());
          outcome.operation().ifPresent(operation -> json.operation("operation", operation));
          print(
              json.number("exitCode", exit.code()).endObject(),
              row(name, outcome.kind().name(), outcome.status().map(Status::message).orElse("")));
          return exit.code();
        }
        if (wait) {
          CommandOutcome outcome = handle.await(timeout);
          ExitCode exit = exitOf(outcome.kind());
          print(
              JsonText.object()
                  .string("name", name)
                  .string("outcome", outcome.kind().name())
                  .number("exitCode", exit.code())
                  .operation("operation", outcome.operation())
                  .endObject(),
              row(name, outcome.kind().name(), detail(outcome)));
          return exit.code();
        }
      } catch (AmapiException e) {
        Failure failure = Failure.of("follow " + name, target, e);
        Main.printFailure(global, failure);
        return failure.exitCode().code();
      }
      print(
          JsonText.object()
              .string("name", name)
              .string("outcome", "ISSUED")
              .number("exitCode", 0)
              .operation("operation", handle.issued().orElseThrow())
              .endObject(),
          row(
              name,
              "ISSUED",
              command.type() + " issued; follow it with 'amapi-ops get " + name + "'"));
      return ExitCode.OK.code();
    }
  }

  private void print(String json, @Nullable Table table) {
    PrintWriter out = global.out();
    if (global.json) {
      out.println(json);
    } else if (table != null) {
      table.print(out);
    }
    out.flush();
  }

  private static Table row(String name, String outcome, String detail) {
    Table table = new Table("NAME", "OUTCOME", "DETAIL");
    table.add(name, outcome, detail);
    return table;
  }

  private String detail(CommandOutcome outcome) {
    return switch (outcome.kind()) {
      case COMPLETED -> "the device ran the command";
      case PENDING -> "not done after " + CancelCommand.format(timeout);
      case EXPIRED -> "the device did not pick it up within its duration";
      case CANCELLED, FAILED ->
          outcome.status().map(OperationText::status).orElse("")
              + outcome.errorCode().map(code -> " (" + code + ")").orElse("");
    };
  }

  static ExitCode exitOf(CommandOutcome.Kind kind) {
    return switch (kind) {
      case COMPLETED -> ExitCode.OK;
      case FAILED, CANCELLED, EXPIRED -> ExitCode.FAILED;
      case PENDING -> ExitCode.STILL_RUNNING;
    };
  }

  /** Builds the command from the options; the domain refuses what the API would. */
  Command command() {
    CommandType commandType = CommandType.of(type.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (!commandType.isKnown() || commandType.equals(CommandType.COMMAND_TYPE_UNSPECIFIED)) {
      throw new IllegalArgumentException("'" + type + "' is not a command type");
    }
    Command.Builder builder = Command.builder(commandType);
    if (duration != null) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("--duration must be positive");
      }
      builder.duration(duration);
    }
    CommandParams params = params(commandType);
    if (params != null) {
      builder.params(params);
    }
    return builder.build();
  }

  private @Nullable CommandParams params(CommandType commandType) {
    return switch (commandType.name()) {
      case "RESET_PASSWORD" ->
          new CommandParams.ResetPassword(newPassword == null ? "" : newPassword, flags);
      case "CLEAR_APP_DATA" -> new CommandParams.ClearAppsData(packages);
      case "START_LOST_MODE" ->
          new CommandParams.StartLostMode(
              message(message),
              message(phone),
              email == null ? "" : email,
              message(address),
              message(organization));
      case "STOP_LOST_MODE" -> new CommandParams.StopLostMode();
      case "ADD_ESIM" ->
          new CommandParams.AddEsim(activationCode == null ? "" : activationCode, activationState);
      case "REMOVE_ESIM" -> new CommandParams.RemoveEsim(iccId == null ? "" : iccId);
      case "REQUEST_DEVICE_INFO" -> new CommandParams.RequestDeviceInfo(deviceInfo);
      case "WIPE" -> new CommandParams.Wipe(flags, message(message));
      default -> {
        if (newPassword != null) {
          // Refused by the builder, with the API's words, once the params are set.
          yield new CommandParams.ResetPassword(newPassword, flags);
        }
        if (!packages.isEmpty()) {
          yield new CommandParams.ClearAppsData(packages);
        }
        yield null;
      }
    };
  }

  private static @Nullable UserFacingMessage message(@Nullable String text) {
    return text == null ? null : UserFacingMessage.of(text);
  }
}
