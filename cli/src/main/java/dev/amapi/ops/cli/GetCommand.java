package dev.amapi.ops.cli;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.rest.WireFormat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code amapi-ops get NAME}. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    versionProvider = AmapiOps.Version.class,
    usageHelpAutoWidth = true,
    description = "Print an operation as the server has it now.",
    exitCodeListHeading = "%nExit codes:%n")
final class GetCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "NAME",
      converter = NameConverters.Operation.class,
      description = "Operation name: enterprises/ENTERPRISE/devices/DEVICE/operations/OPERATION.")
  OperationName name = OperationName.of("unset", "unset", "unset");

  private final AmapiOps global;

  GetCommand(AmapiOps global) {
    this.global = global;
  }

  @Override
  public Integer call() {
    Operation operation;
    try (Connection connection = Connection.open(global, global.err())) {
      operation = connection.operations().get(name);
    } catch (AmapiException e) {
      throw Failure.ofRead("get " + name, name.device(), e);
    }
    PrintWriter out = global.out();
    if (global.json) {
      out.println(new String(WireFormat.writeOperation(operation), StandardCharsets.UTF_8));
    } else {
      Table table = new Table("FIELD", "VALUE");
      table.add("NAME", operation.name().toString());
      table.add("TYPE", OperationText.type(operation));
      table.add("STATE", OperationText.state(operation));
      table.add("CREATED", OperationText.created(operation));
      operation
          .metadata()
          .flatMap(command -> command.duration())
          .ifPresent(duration -> table.add("DURATION", CancelCommand.format(duration)));
      operation
          .metadata()
          .flatMap(command -> command.errorCode())
          .ifPresent(code -> table.add("COMMAND ERROR", code.toString()));
      operation.error().ifPresent(status -> table.add("ERROR", OperationText.status(status)));
      if (operation.result() instanceof OperationResult.Succeeded succeeded
          && !succeeded.type().isEmpty()) {
        table.add("RESPONSE", succeeded.type());
      }
      table.print(out);
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
