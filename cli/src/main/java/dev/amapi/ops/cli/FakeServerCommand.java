package dev.amapi.ops.cli;

import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code amapi-ops fake-server}: the testkit's fake server, standalone, with its admin API on, for
 * tests written in any language. Serves until the process is stopped.
 */
@Command(
    name = "fake-server",
    mixinStandardHelpOptions = true,
    versionProvider = AmapiOps.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Serve the fake Android Management API (operations: get, list, cancel) on 127.0.0.1 until"
          + " stopped (Ctrl-C, SIGTERM), for tests in any language.",
      "Prints its endpoint, http://127.0.0.1:PORT/, as the first line of stdout.",
      "Point the code under test at it; script the fake through its admin API."
    },
    footerHeading = "%nAdmin API (same port, JSON in and out, no token needed):%n",
    footer = {
      "  GET    /__admin/health",
      "  POST   /__admin/operations      an Operation, a list, or {\"operations\":[..]}",
      "  POST   /__admin/devices/{enterprise}/{device}/commands",
      "           {\"type\":\"REBOOT\",\"duration\":\"600s\"}; answers the Operation",
      "  POST   /__admin/cancel-outcomes {\"operation\":NAME,\"outcome\":\"UNIMPLEMENTED\"}",
      "           no operation: all; SUCCEEDS, UNIMPLEMENTED, COMPLETES_ANYWAY,",
      "           REJECTED_WHEN_DONE, TAKES_EFFECT_AFTER_GETS + \"gets\":N,",
      "           FAILS_WITH + \"status\":{\"code\":\"INTERNAL\",\"message\":\"..\"}",
      "  POST   /__admin/faults          {\"fault\":\"connectionReset\",\"next\":1}",
      "           or \"operation\":NAME; connectionReset, emptyResponse,",
      "           randomDataThenClose, malformedChunk, dribble + \"chunks\",\"over\",",
      "           delay + \"delay\" (or \"min\",\"max\");",
      "           {\"failNextCalls\":2,\"code\":\"UNAVAILABLE\",\"retryAfter\":\"2s\"};",
      "           {\"latency\":\"200ms\"}",
      "  DELETE /__admin/faults          forget faults, failures, cancel outcomes",
      "  GET    /__admin/journal         requests received, tokens as Bearer ***",
      "  DELETE /__admin/journal",
      "  GET    /__admin/clock",
      "  POST   /__admin/clock/advance   {\"by\":\"30s\"} (with --clock fake)",
      "  GET    /__admin/certificate     the --https certificate (PEM)",
      "Bad admin input: 400 {\"error\":{\"message\":..}} saying what was wrong.",
      "",
      "Example: amapi-ops fake-server --port 8089 --clock fake --seed ops.json"
    },
    exitCodeListHeading = "%nExit codes:%n")
final class FakeServerCommand implements Callable<Integer> {

  /** The clocks the fake can run on. */
  enum ClockKind {
    FAKE,
    SYSTEM
  }

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port on 127.0.0.1 to listen on; 0, the default, picks a free one.")
  int port;

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description =
          "Operations to start with: a JSON file holding a list of Operations as the API writes"
              + " them, or a list page {\"operations\":[...]}.")
  @Nullable Path seed;

  @Option(
      names = "--token",
      paramLabel = "T",
      description =
          "Accept only this bearer token (Authorization: Bearer T); others get 401. Default: any.")
  @Nullable String token;

  @Option(
      names = "--https",
      description =
          "Serve https with the testkit's self-signed certificate for 127.0.0.1 (GET"
              + " /__admin/certificate); the key is public, for tests only.")
  boolean https;

  @Option(
      names = "--clock",
      paramLabel = "fake|system",
      description =
          "The fake's time: system (the default), or fake: starts now and moves only by POST"
              + " /__admin/clock/advance.")
  ClockKind clock = ClockKind.SYSTEM;

  private final AmapiOps global;

  FakeServerCommand(AmapiOps global) {
    this.global = global;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new Failure(ExitCode.USAGE, "--port must be between 0 and 65535, was " + port);
    }
    byte[] operations = seed == null ? null : readSeed(seed);
    Clock time = clock == ClockKind.FAKE ? FakeClock.startingNow() : Clock.systemUTC();
    FakeAmapiServer server;
    try {
      server = https ? FakeAmapiServer.startHttps(time, port) : FakeAmapiServer.start(time, port);
    } catch (UncheckedIOException e) {
      throw new Failure(ExitCode.ERROR, Failure.sentence(String.valueOf(e.getMessage())), e);
    }
    int seeded;
    try {
      server.enableAdminApi();
      seeded = operations == null ? 0 : server.operations().seedJson(operations).size();
      String accepted = token;
      if (accepted != null) {
        server.acceptOnly(accepted::equals);
      }
    } catch (IllegalArgumentException e) {
      server.close();
      throw new Failure(
          ExitCode.USAGE,
          "--seed " + seed + ": " + Failure.sentence(String.valueOf(e.getMessage())));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return serve(server, seeded);
  }

  /**
   * Says where the server and its admin API are, then waits until the JVM shuts down, and stops it
   * then.
   */
  private int serve(FakeAmapiServer server, int seeded) throws InterruptedException {
    PrintWriter out = global.out();
    PrintWriter err = global.err();
    err.println(
        "amapi-ops: fake server at "
            + server.endpoint()
            + " ("
            + seeded
            + (seeded == 1 ? " operation" : " operations")
            + " seeded, "
            + clock.name().toLowerCase(java.util.Locale.ROOT)
            + " clock); admin API at "
            + server.endpoint()
            + "__admin/ (see 'amapi-ops fake-server --help'); Ctrl-C stops it");
    err.flush();
    // Last: whoever reads the endpoint from stdout finds the line on stderr already written.
    out.println(server.endpoint());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  err.println("amapi-ops: fake server stopped");
                  err.flush();
                  stopped.countDown();
                },
                "amapi-ops-fake-server-stop"));
    stopped.await();
    return ExitCode.OK.code();
  }

  private static byte[] readSeed(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Failure(ExitCode.USAGE, "cannot read --seed " + file + ": " + e, e);
    }
  }
}
