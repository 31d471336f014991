package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fleet.RebootCanceller.Outcome;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.testkit.OnCancel;
import dev.amapi.ops.testkit.RecordedRequest;
import dev.amapi.ops.testkit.junit5.FakeAmapiExtension;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A consumer's test of its own code, using only the testkit's public API, the domain and a
 * transport: every way a cancel can end, scripted on the fake server, over real HTTP.
 */
// README:testing:start
class RebootCancellerTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  // A fresh fake server per test, and a real JDK client pointed at it (test token, no retries).
  @RegisterExtension
  final FakeAmapiExtension amapi =
      FakeAmapiExtension.perTest().withClient(JdkHttpOperations::builder);

  RebootCanceller canceller;
  OperationName reboot;

  @BeforeEach
  void issueAReboot() {
    canceller = new RebootCanceller(amapi.client());
    reboot = amapi.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
  }

  @Test
  void pendingReboot_isCancelled() {
    assertThat(canceller.cancel(reboot)).isEqualTo(Outcome.CANCELLED);

    amapi.operations().assertCancelledOnce(reboot);
    RecordedRequest cancel = amapi.server().requestsTo(reboot + ":cancel").get(0);
    assertThat(cancel.method()).isEqualTo("POST");
    assertThat(cancel.header("x-goog-api-client"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("gl-java/"));
  }

  @Test
  void serverWithoutCancellation_isNotSupported() {
    amapi.operations().onCancel(reboot, OnCancel.unimplemented());

    assertThat(canceller.cancel(reboot)).isEqualTo(Outcome.NOT_SUPPORTED);
  }

  @Test
  void rebootThatFinishedFirst_completedAnyway() {
    amapi.operations().onCancel(reboot, OnCancel.completesAnyway());

    assertThat(canceller.cancel(reboot)).isEqualTo(Outcome.COMPLETED_ANYWAY);
  }

  @Test
  void rebootThatFailedFirst_failed() {
    amapi
        .operations()
        .onCancel(reboot, OnCancel.failsWith(Status.of(Code.ABORTED, "Device went offline.")));

    assertThat(canceller.cancel(reboot)).isEqualTo(Outcome.FAILED);
  }

  @Test
  void cancelNotYetApplied_isStillPending() {
    // The real server cancels asynchronously: the next get may still see the reboot pending.
    amapi.operations().onCancel(reboot, OnCancel.takesEffectAfterGets(1));

    assertThat(canceller.cancel(reboot)).isEqualTo(Outcome.STILL_PENDING);
  }

  @Test
  void rebootAlreadyDone_isReadBackEvenIfTheCancelIsRejected() {
    amapi.operations().onCancelOfAll(OnCancel.rejectedWhenDone());
    amapi.operations().seed(done(reboot));

    assertThat(canceller.cancel(reboot)).isEqualTo(Outcome.COMPLETED_ANYWAY);
  }

  @Test
  void unknownReboot_isNotFound() {
    assertThat(canceller.cancel(DEVICE.operation("1786048723669"))).isEqualTo(Outcome.NOT_FOUND);
  }

  @Test
  void outage_reachesTheCaller_andTheRebootIsUntouched() {
    amapi.operations().failNextCalls(1, Code.UNAVAILABLE);

    assertThatThrownBy(() -> canceller.cancel(reboot))
        .isInstanceOfSatisfying(
            AmapiException.class, e -> assertThat(e.code()).isEqualTo(Code.UNAVAILABLE));
    assertThat(amapi.operations().operation(reboot).orElseThrow().done()).isFalse();
  }

  private Operation done(OperationName name) {
    return amapi
        .operations()
        .operation(name)
        .orElseThrow()
        .withResult(OperationResult.Succeeded.issueCommandResponse());
  }
}
// README:testing:end
