package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A test in Python (standard library only, {@code src/test/resources/fake-server-client.py})
 * against {@code amapi-ops fake-server} started with a {@code --seed} file: the README's example
 * for teams that write their tests in another language, run so that it cannot rot.
 */
class FakeServerPythonIT {

  /** Tests that the Python example passes against the standalone server. */
  @Test
  void pythonClient_seedsFaultsCallsAndReadsTheJournal() throws Exception {
    Assumptions.assumeTrue(
        python3Runs(), "python3 is not installed: the Python example is not run here");
    Path script = resource("fake-server-client.py");
    Path seed = resource("fake-server-seed.json");
    try (FakeServerProcess server =
        FakeServerProcess.start("--seed", seed.toString(), "--token", "python-token")) {
      Process python =
          new ProcessBuilder("python3", script.toString(), server.endpoint().toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 exits; hang guard").isTrue();
      assertThat(python.exitValue()).as(output).isZero();
      assertThat(output.strip()).isEqualTo("ok");
      assertThat(server.err()).contains("1 operation seeded");
      assertThat(server.stop()).isTrue();
    }
  }

  private static boolean python3Runs() {
    try {
      Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(FakeServerPythonIT.class.getResource("/" + name).toURI());
  }
}
