package dev.amapi.ops.cli;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.rest.WireFormat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code amapi-ops list DEVICE [--pending] [--page-size N]}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = AmapiOps.Version.class,
    usageHelpAutoWidth = true,
    description = "List a device's operations, every page of them, oldest first.",
    exitCodeListHeading = "%nExit codes:%n")
final class ListCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "DEVICE",
      converter = NameConverters.Device.class,
      description = "Device name: enterprises/ENTERPRISE/devices/DEVICE.")
  DeviceName device = DeviceName.of("unset", "unset");

  @Option(names = "--pending", description = "Show only operations that are not done.")
  boolean pending;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description = "Operations per request, 1 to 1000; default: the server's choice.")
  @Nullable Integer pageSize;

  private final AmapiOps global;

  ListCommand(AmapiOps global) {
    this.global = global;
  }

  @Override
  public Integer call() {
    Integer size = pageSize;
    if (size != null && (size < 1 || size > 1000)) {
      throw new Failure(
          ExitCode.USAGE,
          "--page-size must be 1 to 1000, was " + size + ". See 'amapi-ops list --help'.");
    }
    List<Operation> operations;
    try (Connection connection = Connection.open(global, global.err());
        Stream<Operation> all =
            connection
                .operations()
                .listAll(
                    device,
                    ListOperationsRequest.firstPage().withPageSize(size == null ? 0 : size))) {
      // Filtered here, not with the API's filter, which servers need not support.
      operations = all.filter(operation -> !pending || !operation.done()).toList();
    } catch (AmapiException e) {
      throw Failure.ofRead("list the operations of " + device, device, e);
    }
    PrintWriter out = global.out();
    if (global.json) {
      out.println(
          new String(
              WireFormat.writeOperationsPage(OperationsPage.of(operations, "")),
              StandardCharsets.UTF_8));
    } else {
      Table table = new Table("NAME", "TYPE", "STATE", "CREATED");
      for (Operation operation : operations) {
        table.add(
            operation.name().toString(),
            OperationText.type(operation),
            OperationText.state(operation),
            OperationText.created(operation));
      }
      table.print(out);
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
