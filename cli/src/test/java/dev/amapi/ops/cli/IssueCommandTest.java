package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code amapi-ops issue} run in-process against the built-in fake server. */
class IssueCommandTest {
  private static final String DEVICE = FakeFleet.LOBBY_TABLET.toString();

  @Test
  void issueReboot_printsTheNewOperation() {
    CliRun run = CliRun.of("--fake", "issue", "reboot", DEVICE, "--duration", "5m");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(DEVICE + "/operations/", "ISSUED", "REBOOT issued");
  }

  @Test
  void issueWait_showsTheCommandFinishing() {
    // The fake's devices pick commands up after 2 s; --timeout bounds the wait (a hang guard).
    CliRun run = CliRun.of("--fake", "issue", "lock", DEVICE, "--wait", "--timeout", "30s");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern(" +COMPLETED +the device ran the command");
  }

  @Test
  void issueThenCancel_beatsTheDevice() {
    CliRun run =
        CliRun.of("--fake", "--json", "issue", "reboot", DEVICE, "--cancel", "--timeout", "30s");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"outcome\":\"CANCELLED\"", "\"exitCode\":0");
  }

  @Test
  void resetPassword_isIssued_andThePasswordIsNeverPrinted() {
    String password = "n3w-Passw0rd-secret";
    CliRun run =
        CliRun.of(
            "--fake",
            "--json",
            "issue",
            "reset-password",
            DEVICE,
            "--new-password",
            password,
            "--flag",
            "LOCK_NOW");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"outcome\":\"ISSUED\"");
    assertThat(run.out() + run.err()).doesNotContain(password);
  }

  @Test
  void badParams_areRefusedBeforeSending() {
    CliRun noPackage = CliRun.of("--fake", "issue", "clear-app-data", DEVICE);
    CliRun passwordOnReboot =
        CliRun.of("--fake", "issue", "reboot", DEVICE, "--new-password", "s3cret-value");
    CliRun unknownType = CliRun.of("--fake", "issue", "self-destruct", DEVICE);

    assertThat(noPackage.exitCode()).isEqualTo(2);
    assertThat(noPackage.err()).contains("package name", "Nothing was sent");
    assertThat(passwordOnReboot.exitCode()).isEqualTo(2);
    assertThat(passwordOnReboot.err())
        .contains("newPassword", "RESET_PASSWORD only")
        .doesNotContain("s3cret-value");
    assertThat(unknownType.exitCode()).isEqualTo(2);
    assertThat(unknownType.err()).contains("'self-destruct' is not a command type");
  }
}
