package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandParams;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.usecase.CancelOutcome;
import dev.amapi.ops.domain.usecase.CommandOutcome;
import dev.amapi.ops.domain.usecase.DeviceCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A command's whole life on the in-memory fake, time moved by the test: nothing sleeps. */
class DeviceCommandOnTheFakeTest {
  private static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");
  private static final Command REBOOT =
      Command.builder(CommandType.REBOOT).duration(Duration.ofMinutes(10)).build();

  private final FakeClock clock = FakeClock.at(Instant.parse("2026-11-29T12:00:00Z"));
  private final FakeOperations fake = FakeOperations.create(clock);

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void rebootCancelledBeforeTheDevicePicksItUp_isCancelled() {
    fake.devicesPickUpCommandsAfter(Duration.ofSeconds(30));
    DeviceCommand reboot = DeviceCommand.issue(fake, DEVICE, REBOOT);

    CancelOutcome cancelled = reboot.cancel(Duration.ofSeconds(5));

    assertThat(cancelled.kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
    assertThat(reboot.await(Duration.ZERO).kind()).isEqualTo(CommandOutcome.Kind.CANCELLED);
    fake.assertCancelledOnce(reboot.name());
  }

  @Test
  void rebootPickedUpFirst_isCompleted_andTheLateCancelSaysSo() {
    fake.devicesPickUpCommandsAfter(Duration.ofSeconds(30));
    DeviceCommand reboot = DeviceCommand.issue(fake, DEVICE, REBOOT);
    clock.advance(Duration.ofSeconds(31));

    CommandOutcome outcome = reboot.awaitAsync(Duration.ofMinutes(1)).join();

    assertThat(outcome.kind()).isEqualTo(CommandOutcome.Kind.COMPLETED);
    assertThat(outcome.response()).isPresent();
    assertThat(reboot.cancel(Duration.ofSeconds(5)).kind()).isEqualTo(CancelOutcome.Kind.COMPLETED);
  }

  @Test
  void rebootNeverPickedUp_expiresAfterItsDuration() {
    fake.expireCommands(true);
    DeviceCommand reboot = DeviceCommand.issue(fake, DEVICE, REBOOT);
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    CommandOutcome outcome = reboot.await(Duration.ofMinutes(1));

    assertThat(outcome.kind()).isEqualTo(CommandOutcome.Kind.EXPIRED);
    assertThat(outcome.status().orElseThrow().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
  }

  @Test
  void rebootNotYetPickedUp_isStillPending() {
    fake.devicesPickUpCommandsAfter(Duration.ofSeconds(30));
    DeviceCommand reboot = DeviceCommand.issue(fake, DEVICE, REBOOT);

    CommandOutcome outcome = reboot.await(Duration.ZERO);

    assertThat(outcome.kind()).isEqualTo(CommandOutcome.Kind.PENDING);
    assertThat(DeviceCommand.follow(fake, reboot.name()).await(Duration.ZERO)).isEqualTo(outcome);
  }

  @Test
  void newPassword_neverAppearsInTheJournalOrTheHandle() {
    String password = "n3w-Passw0rd-secret";
    Command reset =
        Command.builder(CommandType.RESET_PASSWORD)
            .params(new CommandParams.ResetPassword(password, List.of("LOCK_NOW")))
            .build();

    DeviceCommand handle = DeviceCommand.issue(fake, DEVICE, reset);

    assertThat(fake.calls().toString()).doesNotContain(password);
    assertThat(handle.toString()).doesNotContain(password);
    assertThat(handle.issued().orElseThrow().toString()).doesNotContain(password);
    assertThat(handle.await(Duration.ZERO).toString()).doesNotContain(password);
  }
}
