package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeResponse;
import dev.amapi.ops.testkit.FakeTokenServer;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tool run in-process against a fake server the test starts, with a real service-account key
 * file whose tokens come from the testkit's fake token endpoint: the path a user takes.
 */
class EndpointModeTest {
  private static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @TempDir Path dir;

  private FakeTokenServer tokens;
  private FakeAmapiServer server;
  private Path key;
  private Operation pending;

  @BeforeEach
  void start() {
    tokens = FakeTokenServer.start();
    server = FakeAmapiServer.start();
    server.acceptOnly(tokens::isValid);
    key = ServiceAccountKeys.generate().registeredWith(tokens).writeTo(dir.resolve("key.json"));
    pending = server.operations().issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build());
  }

  @AfterEach
  void stop() {
    server.close();
    tokens.close();
  }

  /** Tests that cancel --wait over each transport cancels with a token from the key file. */
  @ParameterizedTest
  @ValueSource(strings = {"jdk", "apache"})
  void cancelWait_withKeyFile_cancels(String transport) {
    CliRun run =
        CliRun.of(
            "--transport",
            transport,
            "--endpoint",
            server.endpoint().toString(),
            "--credentials",
            key.toString(),
            "cancel",
            pending.name().toString(),
            "--wait");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).containsPattern(pending.name() + " +CANCELLED");
    assertThat(server.operations().operation(pending.name()).orElseThrow().isCancelled()).isTrue();
    assertThat(tokens.tokenRequestCount()).isEqualTo(1);
    // The token went to the server, and never to the output.
    String token = tokens.issuedTokens().get(0);
    assertThat(server.requests().get(0).header("Authorization")).hasValue("Bearer " + token);
    assertThat(run.out() + run.err()).doesNotContain(token);
  }

  /** Tests that a malformed name among good ones sends nothing at all, not even a token request. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "enterprises/LC03k6enk8/devices/36c339908766f292/operations/1%2F2",
        "enterprises/LC03k6enk8/devices/36c339908766f292",
        "enterprises/LC03k6enk8/devices/36c339908766f292/operations/1?x=y",
        "operations/1"
      })
  void cancel_badName_sendsNothingAndExitsUsage(String badName) {
    CliRun run =
        CliRun.of(
            "--endpoint",
            server.endpoint().toString(),
            "--credentials",
            key.toString(),
            "cancel",
            pending.name().toString(),
            badName,
            "--wait");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("amapi-ops: ").doesNotContain("\tat ");
    assertThat(server.requestCount()).isZero();
    assertThat(tokens.tokenRequestCount()).isZero();
  }

  /** Tests that an endpoint where nothing listens is one line naming UNAVAILABLE, exit 1. */
  @ParameterizedTest
  @ValueSource(strings = {"jdk", "apache"})
  void cancel_unreachableEndpoint_isOneLine(String transport) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliRun run =
        CliRun.of(
            "--transport",
            transport,
            "--endpoint",
            "http://127.0.0.1:" + closedPort + "/",
            "--credentials",
            key.toString(),
            "--max-attempts",
            "1",
            "cancel",
            pending.name().toString(),
            "--wait");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("amapi-ops: cannot cancel " + pending.name() + ": UNAVAILABLE")
        .endsWith("Check --endpoint and the network, then try again.");
  }

  /** Tests that a credentials file that does not exist is one line and the auth exit code. */
  @Test
  void credentials_missingFile_isOneLine() {
    Path missing = dir.resolve("missing.json");
    CliRun run =
        CliRun.of(
            "--endpoint",
            server.endpoint().toString(),
            "--credentials",
            missing.toString(),
            "get",
            pending.name().toString());

    assertThat(run.exitCode()).isEqualTo(8);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("amapi-ops: cannot load credentials: ")
        .contains(missing.toString());
    assertThat(server.requestCount()).isZero();
  }

  /** Tests that a token the server rejects is the auth exit code, with no stack trace. */
  @Test
  void get_tokenRejected_isAuthError() {
    server.acceptOnly(token -> false);
    CliRun run =
        CliRun.of(
            "--endpoint",
            server.endpoint().toString(),
            "--credentials",
            key.toString(),
            "get",
            pending.name().toString());

    assertThat(run.exitCode()).isEqualTo(8);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains("UNAUTHENTICATED")
        .doesNotContain(tokens.issuedTokens().get(0));
  }

  /** Tests that --verbose adds the stack trace that is otherwise left out. */
  @Test
  void verbose_printsStackTrace() {
    CliRun run =
        CliRun.of(
            "--verbose",
            "--endpoint",
            server.endpoint().toString(),
            "--credentials",
            dir.resolve("missing.json").toString(),
            "get",
            pending.name().toString());

    assertThat(run.exitCode()).isEqualTo(8);
    assertThat(run.err()).contains("\tat ");
  }

  /**
   * Tests that terminal escape sequences and other control characters in the server's error message
   * never reach stderr, and its words do.
   */
  @Test
  void get_errorMessageWithEscapeSequences_printsOnlyItsWords() {
    try (FakeAmapiServer hostile = FakeAmapiServer.start()) {
      // A scripted server answers whatever it was asked; the key's token still comes from tokens.
      hostile.enqueue(
          FakeResponse.error(
              Status.of(
                  Code.PERMISSION_DENIED,
                  "Caller\u001b]0;owned\u0007 lacks\u001b[2J permission\u009b31m\u202e on\r\nLC03k6enk8"),
              403));
      CliRun run =
          CliRun.of(
              "--endpoint",
              hostile.endpoint().toString(),
              "--credentials",
              key.toString(),
              "--max-attempts",
              "1",
              "get",
              pending.name().toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .contains("PERMISSION_DENIED: Caller ]0;owned lacks [2J permission 31m on LC03k6enk8.")
          .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "\r");
    }
  }

  /** Tests that --verbose cleans the stack trace's lines of control characters as well. */
  @Test
  void verbose_stackTraceOfAHostileMessage_carriesNoControlCharacters() {
    try (FakeAmapiServer hostile = FakeAmapiServer.start()) {
      hostile.enqueue(
          FakeResponse.error(
              Status.of(Code.PERMISSION_DENIED, "Caller\u001b]0;owned\u0007 lacks permission"),
              403));
      CliRun run =
          CliRun.of(
              "--verbose",
              "--endpoint",
              hostile.endpoint().toString(),
              "--credentials",
              key.toString(),
              "--max-attempts",
              "1",
              "get",
              pending.name().toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("AmapiException").doesNotContain("\u001b", "\u0007");
    }
  }

  /**
   * Tests that control and format characters in a message printed in a table never reach stdout.
   */
  @Test
  void get_failedOperationWithControlCharacters_printsOnlyItsWords() {
    Operation failed =
        server
            .operations()
            .seed(
                pending.withResult(
                    new OperationResult.Failed(
                        Status.of(Code.ABORTED, "Device\u009b2J\u001b[31m went\u2028away\u200f"))));
    CliRun run =
        CliRun.of(
            "--endpoint",
            server.endpoint().toString(),
            "--credentials",
            key.toString(),
            "get",
            failed.name().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("ABORTED: Device 2J [31m went away")
        .doesNotContain("\u001b", "\u009b", "\u2028", "\u200f");
  }

  /** Tests that an endpoint that is plain http off loopback is refused before any I/O. */
  @Test
  void endpoint_plainHttpRemote_isUsageError() {
    CliRun run =
        CliRun.of(
            "--endpoint",
            "http://example.com/",
            "--credentials",
            key.toString(),
            "get",
            pending.name().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().contains("https");
    assertThat(tokens.tokenRequestCount()).isZero();
  }

  /** Tests that a bad endpoint is a usage error even when no credentials could be loaded. */
  @Test
  void endpoint_relativeWithoutCredentials_isUsageErrorNotAuth() {
    CliRun run =
        CliRun.of(
            "--endpoint",
            "relative/path",
            "--credentials",
            dir.resolve("missing.json").toString(),
            "get",
            pending.name().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains("Invalid endpoint \"relative/path\"");
  }
}
