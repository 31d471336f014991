package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeTokenServer;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verbose} prints each attempt of each call on stderr, and never the token. */
class VerboseAttemptsTest {
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

  /** Tests that a retried get prints both attempts, the retry's delay, and no token. */
  @Test
  void verbose_printsEachAttempt() {
    server.operations().failNextCalls(1, Code.UNAVAILABLE);

    CliRun run =
        CliRun.of(
            "--verbose",
            "--endpoint",
            server.endpoint().toString(),
            "--credentials",
            key.toString(),
            "get",
            pending.name().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String path = "/v1/" + pending.name();
    assertThat(run.errorLines()).hasSize(2);
    assertThat(run.errorLines().get(0))
        .startsWith("amapi-ops: GET " + path + " 503 UNAVAILABLE ")
        .contains(", retry 2 in ")
        .endsWith("(policy backoff)");
    assertThat(run.errorLines().get(1)).startsWith("amapi-ops: GET " + path + " 200 OK ");
    assertThat(run.out() + run.err()).doesNotContain(tokens.issuedTokens().get(0));
  }

  /** Tests that without --verbose nothing is printed on stderr for a call that succeeds. */
  @Test
  void withoutVerbose_printsNoAttempt() {
    CliRun run =
        CliRun.of(
            "--endpoint",
            server.endpoint().toString(),
            "--credentials",
            key.toString(),
            "get",
            pending.name().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
  }
}
