package dev.amapi.ops.cli;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandErrorCode;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.testkit.FakeOperations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The operations {@code --fake} starts with: two devices of one enterprise with a few operations of
 * each kind, and a fleet of {@value #KIOSK_COUNT} lobby kiosks with two pending commands and a
 * finished one each, for {@code cancel-pending}; fixed names, so that documentation and tests can
 * use them.
 */
final class FakeFleet {
  static final String ENTERPRISE = "LC03k6enk8";
  static final DeviceName LOBBY_TABLET = DeviceName.of(ENTERPRISE, "36c339908766f292");
  static final DeviceName WAREHOUSE_SCANNER = DeviceName.of(ENTERPRISE, "9f1e27c4ab50d83e");

  /** A pending REBOOT on the lobby tablet. */
  static final OperationName PENDING_REBOOT = LOBBY_TABLET.operation("1786048723669");

  /** A pending LOCK on the lobby tablet. */
  static final OperationName PENDING_LOCK = LOBBY_TABLET.operation("1786048741205");

  /** A LOCK on the lobby tablet that finished. */
  static final OperationName COMPLETED_LOCK = LOBBY_TABLET.operation("1786045512384");

  /** A pending REBOOT on the warehouse scanner. */
  static final OperationName PENDING_SCANNER_REBOOT = WAREHOUSE_SCANNER.operation("1786048755530");

  /** A WIPE on the warehouse scanner that was cancelled. */
  static final OperationName CANCELLED_WIPE = WAREHOUSE_SCANNER.operation("1786041209877");

  /** A CLEAR_APP_DATA on the warehouse scanner that failed. */
  static final OperationName FAILED_CLEAR_APP_DATA = WAREHOUSE_SCANNER.operation("1786043318046");

  /** How many kiosks the fleet has. */
  static final int KIOSK_COUNT = 40;

  /** The kiosks, each with a pending REBOOT and LOCK and a finished LOCK. */
  static final List<DeviceName> KIOSKS =
      IntStream.range(0, KIOSK_COUNT)
          .mapToObj(i -> DeviceName.of(ENTERPRISE, String.format("7a51c0de%08x", 0x4b10 + i)))
          .toList();

  private static final long KIOSK_FIRST_OPERATION = 1786030000000L;

  private static final Duration COMMAND_DURATION = Duration.ofMinutes(10);

  /** How long a device takes to pick up a command issued under {@code --fake}. */
  static final Duration PICK_UP_DELAY = Duration.ofSeconds(2);

  private FakeFleet() {}

  /** Seeds the operations, oldest first on each device, as the API lists them. */
  static void seed(FakeOperations operations) {
    // Only commands issued from now on: the seeded pending ones stay pending.
    operations.devicesPickUpCommandsAfter(PICK_UP_DELAY);
    operations.seed(
        Operation.builder(COMPLETED_LOCK)
            .metadata(command(CommandType.LOCK, COMPLETED_LOCK))
            .result(OperationResult.Succeeded.issueCommandResponse())
            .build());
    operations.seed(Operation.pending(PENDING_REBOOT, command(CommandType.REBOOT, PENDING_REBOOT)));
    operations.seed(Operation.pending(PENDING_LOCK, command(CommandType.LOCK, PENDING_LOCK)));

    operations.seed(
        Operation.builder(CANCELLED_WIPE)
            .metadata(command(CommandType.WIPE, CANCELLED_WIPE))
            .result(
                new OperationResult.Failed(
                    Status.of(Code.CANCELLED, FakeOperations.CANCELLED_MESSAGE)))
            .build());
    operations.seed(
        Operation.builder(FAILED_CLEAR_APP_DATA)
            .metadata(
                command(CommandType.CLEAR_APP_DATA, FAILED_CLEAR_APP_DATA).toBuilder()
                    .errorCode(CommandErrorCode.INVALID_VALUE)
                    .otherField(
                        "clearAppsDataParams", "{\"packageNames\":[\"com.example.scanner\"]}")
                    .build())
            .result(
                new OperationResult.Failed(
                    Status.of(
                        Code.FAILED_PRECONDITION,
                        "The app com.example.scanner is not installed on the device.")))
            .build());
    operations.seed(
        Operation.pending(
            PENDING_SCANNER_REBOOT, command(CommandType.REBOOT, PENDING_SCANNER_REBOOT)));

    long id = KIOSK_FIRST_OPERATION;
    for (DeviceName kiosk : KIOSKS) {
      OperationName finished = kiosk.operation(Long.toString(id++));
      operations.seed(
          Operation.builder(finished)
              .metadata(command(CommandType.LOCK, finished))
              .result(OperationResult.Succeeded.issueCommandResponse())
              .build());
      OperationName reboot = kiosk.operation(Long.toString(id++));
      operations.seed(Operation.pending(reboot, command(CommandType.REBOOT, reboot)));
      OperationName lock = kiosk.operation(Long.toString(id++));
      operations.seed(Operation.pending(lock, command(CommandType.LOCK, lock)));
    }
  }

  /** The API names a command's operation by the epoch milliseconds it was issued at. */
  private static Command command(CommandType type, OperationName name) {
    return Command.builder(type)
        .createTime(Instant.ofEpochMilli(Long.parseLong(name.operationId())))
        .duration(COMMAND_DURATION)
        .build();
  }
}
