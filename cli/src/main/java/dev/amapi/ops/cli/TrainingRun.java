package dev.amapi.ops.cli;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The build's training run for the class-data archive next to the jar ({@code
 * target/amapi-ops.jsa}, see {@code target/amapi-ops}): runs the tool's main paths on the built-in
 * fake in one JVM (get, list, cancel and wait, a failed get, JSON output), then builds the client
 * the tool uses against Google (sending nothing) for its TLS set-up, so that the classes these load
 * are the ones the archive holds. {@code mvn package} runs it with {@code -XX:DumpLoadedClassList};
 * nobody else needs to. Output is discarded; an unexpected exit code fails the build.
 */
final class TrainingRun {
  private TrainingRun() {}

  /** One command line and the exit code it must end with. */
  private record Step(int exitCode, List<String> args) {}

  private static final List<Step> STEPS =
      List.of(
          new Step(0, List.of("--fake", "get", FakeFleet.PENDING_LOCK.toString())),
          new Step(0, List.of("--fake", "list", FakeFleet.LOBBY_TABLET.toString())),
          new Step(
              0,
              List.of(
                  "--fake",
                  "cancel",
                  FakeFleet.PENDING_REBOOT.toString(),
                  "--wait",
                  "--timeout",
                  "10s")),
          new Step(0, List.of("--fake", "--json", "get", FakeFleet.COMPLETED_LOCK.toString())),
          new Step(
              ExitCode.NOT_FOUND.code(),
              List.of("--fake", "get", FakeFleet.LOBBY_TABLET.operation("1").toString())));

  /**
   * Runs the steps; exits with 1, naming the step, when one ends with another exit code.
   *
   * @param args none
   */
  public static void main(String[] args) {
    PrintStream discard =
        new PrintStream(OutputStream.nullOutputStream(), true, Charset.defaultCharset());
    for (Step step : STEPS) {
      int exitCode = Main.run(step.args().toArray(String[]::new), discard, discard);
      if (exitCode != step.exitCode()) {
        System.err.println(
            "amapi-ops training run: "
                + String.join(" ", step.args())
                + " exited with "
                + exitCode
                + ", expected "
                + step.exitCode());
        System.exit(1);
      }
    }
    // Against Google the client sets TLS up with the runtime's trust store, which the fake's
    // client skips: build one, as the tool does, so that those classes are archived too. Nothing
    // is sent.
    JdkHttpOperations.builder()
        .tokenSource(AccessTokenSource.fixed(AccessToken.of("training-run")))
        .build()
        .close();
  }
}
