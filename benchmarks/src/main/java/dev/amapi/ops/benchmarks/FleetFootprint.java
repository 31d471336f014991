package dev.amapi.ops.benchmarks;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.CancelPort;
import dev.amapi.ops.domain.port.GetOperationPort;
import dev.amapi.ops.domain.port.ListOperationsPort;
import dev.amapi.ops.domain.usecase.BulkCancel;
import dev.amapi.ops.domain.usecase.BulkCancelListener;
import dev.amapi.ops.domain.usecase.BulkCancelReport;
import dev.amapi.ops.domain.usecase.BulkOutcome;
import dev.amapi.ops.testkit.FakeOperations;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Shows that a {@link BulkCancel} run's memory does not grow with the fleet: 100,000 devices with 3
 * pending commands each on the in-memory fake ({@link FakeOperations}, seeded before the run), the
 * devices fed as a lazy iterator, and the heap used after a full GC printed at 10k, 50k and 100k
 * devices done. The fake's own call journal is cleared as the run goes (it is the fake's record,
 * not the run's); the fleet's operations stay in the fake throughout, so the baseline already holds
 * them.
 *
 * <p>A cancelled operation is a little larger in the fake than a pending one (it carries its
 * result), so the fake's own state grows by about 20 bytes per operation as the run goes; {@code
 * --dry-run} lists and selects the same operations without cancelling them, leaving the fake as it
 * was, to show the run's own share alone.
 *
 * <p>{@code --synthetic} replaces the fake by ports that make each device's three pending
 * operations up when it is listed and answer every read with the operation cancelled, holding
 * nothing: what is left is the run's own memory, which is then measured alone.
 *
 * <p>{@code java -Xmx1g -cp benchmarks/target/benchmarks.jar
 * dev.amapi.ops.benchmarks.FleetFootprint [devices] [--dry-run] [--synthetic]}
 */
public final class FleetFootprint {
  private static final int MIB = 1024 * 1024;

  private FleetFootprint() {}

  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    boolean dryRun = arguments.contains("--dry-run");
    int devices =
        arguments.stream()
            .filter(a -> !a.startsWith("--"))
            .findFirst()
            .map(Integer::parseInt)
            .orElse(100_000);
    List<Integer> checkpoints =
        IntStream.of(10_000, 50_000, 100_000, 500_000, 1_000_000)
            .filter(c -> c <= devices)
            .boxed()
            .toList();
    boolean synthetic = arguments.contains("--synthetic");
    FakeOperations fake = FakeOperations.create();
    Instant created = Instant.parse("2026-08-06T10:00:00Z");
    long id = 1786048723669L;
    for (int i = 0; i < (synthetic ? 0 : devices); i++) {
      DeviceName device = device(i);
      for (CommandType type : List.of(CommandType.REBOOT, CommandType.LOCK, CommandType.WIPE)) {
        fake.seed(
            Operation.pending(
                device.operation(Long.toString(id++)),
                Command.builder(type).createTime(created).build()));
      }
    }
    long baseline = heapAfterGc();
    System.out.printf(
        Locale.ROOT,
        synthetic
            ? "synthetic fleet: %,d devices, %,d operations made up as listed; heap used after GC:"
                + " %.1f MiB%n"
            : "fleet seeded: %,d devices, %,d operations; heap used after GC: %.1f MiB%n",
        devices,
        devices * 3L,
        baseline / (double) MIB);
    System.out.println(
        "| devices done | operations "
            + (dryRun ? "selected (dry run)" : "cancelled")
            + " | heap used after GC, MiB | over the seeded fleet, MiB |");
    System.out.println("|---:|---:|---:|---:|");

    BulkCancelListener listener =
        new BulkCancelListener() {
          private int next;
          private long listedSeen;

          @Override
          public void progress(BulkCancelReport soFar) {
            if (soFar.devicesListed() == listedSeen) {
              return;
            }
            listedSeen = soFar.devicesListed();
            if (listedSeen % 1000 == 0) {
              fake.clearCalls();
            }
            if (next < checkpoints.size() && listedSeen == checkpoints.get(next)) {
              next++;
              fake.clearCalls();
              long used = heapAfterGc();
              System.out.printf(
                  Locale.ROOT,
                  "| %,d | %,d | %.1f | %+.1f |%n",
                  listedSeen,
                  soFar.count(dryRun ? BulkOutcome.WOULD_CANCEL : BulkOutcome.CANCELLED),
                  used / (double) MIB,
                  (used - baseline) / (double) MIB);
            }
          }
        };
    Iterator<DeviceName> lazily =
        IntStream.range(0, devices).mapToObj(FleetFootprint::device).iterator();
    long start = System.nanoTime();
    BulkCancelReport report =
        (synthetic ? BulkCancel.builder(SYNTHETIC, SYNTHETIC, SYNTHETIC) : BulkCancel.builder(fake))
            .concurrency(4)
            .ratePerSecond(1_000_000)
            .dryRun(dryRun)
            .build()
            .start(lazily, listener)
            .await();
    System.out.printf(
        Locale.ROOT,
        "done: %s in %.1f s (GC pauses at the checkpoints included)%n",
        report.counts(),
        (System.nanoTime() - start) / 1e9);
  }

  private static final Command REBOOT =
      Command.builder(CommandType.REBOOT).createTime(Instant.parse("2026-08-06T10:00:00Z")).build();

  /**
   * Ports that hold nothing: each device lists three pending reboots; a read finds one cancelled.
   */
  private static final SyntheticPorts SYNTHETIC = new SyntheticPorts();

  private static final class SyntheticPorts
      implements CancelPort, GetOperationPort, ListOperationsPort {
    @Override
    public void cancel(OperationName name) {}

    @Override
    public CompletableFuture<Void> cancelAsync(OperationName name) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public Operation get(OperationName name) {
      return Operation.pending(name, REBOOT)
          .withResult(new OperationResult.Failed(Status.of(Code.CANCELLED, "cancelled")));
    }

    @Override
    public CompletableFuture<Operation> getAsync(OperationName name) {
      return CompletableFuture.completedFuture(get(name));
    }

    @Override
    public OperationsPage list(DeviceName device, ListOperationsRequest request) {
      return OperationsPage.of(
          List.of(
              Operation.pending(device.operation("1"), REBOOT),
              Operation.pending(device.operation("2"), REBOOT),
              Operation.pending(device.operation("3"), REBOOT)),
          "");
    }

    @Override
    public CompletableFuture<OperationsPage> listAsync(
        DeviceName device, ListOperationsRequest request) {
      return CompletableFuture.completedFuture(list(device, request));
    }
  }

  private static DeviceName device(int i) {
    return DeviceName.of(
        "LC03k6enk8", String.format(Locale.ROOT, "%016x", 0x36c3399000000000L + i));
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
