package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line fixes an admin relies on, each as the admin would check it. */
class AdminFixesTest {
  @TempDir Path dir;

  /** Tests that 'amapi-ops help COMMAND' prints that command's help. */
  @Test
  void help_command_printsItsHelp() {
    CliRun run = CliRun.of("help", "cancel-pending");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: amapi-ops cancel-pending", "--devices-file=FILE", "--dry-run");
  }

  /** Tests that 'amapi-ops help' prints the tool's help, naming every command. */
  @Test
  void help_alone_printsTheToolsHelp() {
    CliRun run = CliRun.of("help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: amapi-ops", "cancel-pending", "get", "list", "help");
  }

  /** Tests that with --json a failed call is JSON on stdout, as well as a line on stderr. */
  @Test
  void json_failure_isJsonOnStdout() {
    CliRun run =
        CliRun.of(
            "--fake",
            "--json",
            "get",
            FakeFleet.LOBBY_TABLET.operation("1786040000000").toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out().strip())
        .startsWith("{\"error\":{\"message\":\"cannot get ")
        .endsWith("},\"exitCode\":3}");
    assertThat(run.errorLines()).singleElement().asString().startsWith("amapi-ops: cannot get ");
  }

  /** Tests that with --json a usage error is JSON on stdout too. */
  @Test
  void json_usageError_isJsonOnStdout() {
    CliRun run = CliRun.of("--json", "get", "operations/1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out().strip())
        .startsWith("{\"error\":{\"message\":")
        .endsWith("\"exitCode\":2}");
  }

  /** Tests that a credentials file that is not JSON is explained in the tool's terms. */
  @Test
  void credentials_notJson_isExplainedInCliTerms() throws IOException {
    Path file = Files.writeString(dir.resolve("key.json"), "not json at all");

    CliRun run =
        CliRun.of("--credentials", file.toString(), "get", FakeFleet.PENDING_REBOOT.toString());

    assertThat(run.exitCode()).isEqualTo(8);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains(file + " is not a JSON key file", "--credentials takes a service-account key")
        .doesNotContainIgnoringCase("JsonReader")
        .doesNotContain("Strictness", "gson");
  }

  /** Tests that credentials of a type --credentials cannot use say what to do instead. */
  @Test
  void credentials_otherType_saysToUseApplicationDefaultCredentials() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("user.json"),
            "{\"type\":\"authorized_user\",\"client_id\":\"a\",\"client_secret\":\"b\","
                + "\"refresh_token\":\"c\"}");

    CliRun run =
        CliRun.of("--credentials", file.toString(), "get", FakeFleet.PENDING_REBOOT.toString());

    assertThat(run.exitCode()).isEqualTo(8);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains("\"authorized_user\"", "GOOGLE_APPLICATION_CREDENTIALS=" + file)
        .doesNotContain("applicationDefault()", "GoogleCredentials");
  }

  /**
   * Tests that a token endpoint that cannot be reached is said so after one try: the connection is
   * not retried for seconds, and the line names the token endpoint, not --endpoint.
   */
  @Test
  void tokenEndpointUnreachable_isSaidAtOnce() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket tokenEndpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FakeAmapiServer server = FakeAmapiServer.start()) {
      Thread acceptor =
          new Thread(
              () -> {
                // Every connection is closed at once, before any answer.
                while (!tokenEndpoint.isClosed()) {
                  try (Socket socket = tokenEndpoint.accept()) {
                    connections.incrementAndGet();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Path key =
          ServiceAccountKeys.generate()
              .withTokenUri(
                  URI.create("http://127.0.0.1:" + tokenEndpoint.getLocalPort() + "/token"))
              .writeTo(dir.resolve("key.json"));

      CliRun run =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () ->
                  CliRun.of(
                      "--endpoint",
                      server.endpoint().toString(),
                      "--credentials",
                      key.toString(),
                      "get",
                      FakeFleet.PENDING_REBOOT.toString()));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .startsWith("amapi-ops: cannot reach the token endpoint of the --credentials key file: ")
          .contains("token_uri")
          .doesNotContain("--endpoint");
      assertThat(connections).hasValue(1);
      assertThat(server.requestCount()).isZero();
    }
  }

  /** Tests that --page-size 0 is refused, as the help says 1 to 1000. */
  @Test
  void pageSizeZero_isRefused() {
    CliRun run = CliRun.of("--fake", "list", FakeFleet.LOBBY_TABLET.toString(), "--page-size", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines())
        .singleElement()
        .asString()
        .contains("--page-size must be 1 to 1000, was 0");
  }

  /** Tests that a bad --max-attempts names the option, not the builder's method. */
  @Test
  void maxAttemptsZero_namesTheOption() {
    CliRun run =
        CliRun.of("--fake", "--max-attempts", "0", "get", FakeFleet.PENDING_REBOOT.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines())
        .singleElement()
        .asString()
        .contains("--max-attempts must be at least 1")
        .doesNotContain("maxAttempts");
  }

  /** Tests that a bad --endpoint names the option. */
  @Test
  void endpoint_plainHttpRemote_namesTheOption() {
    CliRun run =
        CliRun.of("--endpoint", "http://example.com/", "get", FakeFleet.PENDING_REBOOT.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().startsWith("amapi-ops: --endpoint: ");
  }

  /** Tests that --request-timeout is an option every command takes. */
  @Test
  void requestTimeout_isAccepted_andAMalformedOneRefused() {
    CliRun ok =
        CliRun.of("--fake", "--request-timeout", "5s", "get", FakeFleet.PENDING_REBOOT.toString());
    CliRun bad =
        CliRun.of(
            "--fake", "--request-timeout", "soon", "get", FakeFleet.PENDING_REBOOT.toString());

    assertThat(ok.exitCode()).as(ok.err()).isZero();
    CliRun huge =
        CliRun.of(
            "--fake",
            "--request-timeout",
            "999999999h",
            "get",
            FakeFleet.PENDING_REBOOT.toString());

    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--request-timeout");
    assertThat(huge.exitCode()).isEqualTo(2);
    assertThat(huge.errorLines())
        .singleElement()
        .asString()
        .contains("--request-timeout must be at most 1h");
    assertThat(CliRun.of("get", "--help").out()).contains("--request-timeout=DURATION");
  }

  /** Tests that the --fake banner says how to script the fake. */
  @Test
  void fakeBanner_saysHowToScriptTheFake() {
    CliRun run = CliRun.of("--fake", "get", FakeFleet.PENDING_REBOOT.toString());

    assertThat(run.err())
        .contains("amapi-ops: using the built-in fake server")
        .contains("--fake-script default|unimplemented|complete-anyway|fail|slow-cancel|never");
  }

  /** Tests that cancel --wait of a done operation whose cancel is refused reads it back. */
  @Test
  void cancelWait_refusedBecauseDone_readsItBack() {
    CliRun run =
        CliRun.of(
            "--fake",
            "--fake-script",
            "reject-done",
            "cancel",
            FakeFleet.COMPLETED_LOCK.toString(),
            "--wait");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
    assertThat(run.out()).containsPattern(FakeFleet.COMPLETED_LOCK + " +COMPLETED");
    assertThat(run.out()).doesNotContain("ERROR");
  }
}
