package dev.amapi.ops.domain.usecase;

import static dev.amapi.ops.domain.Operations.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.Operations;
import dev.amapi.ops.domain.Status;
import org.junit.jupiter.api.Test;

class CancelOutcomeTest {
  private static final Status UNIMPLEMENTED =
      Status.of(Code.UNIMPLEMENTED, "Operation cancellation is not supported");
  private static final Status NOT_FOUND = Status.of(Code.NOT_FOUND, "Not found");
  private static final Status DEVICE_OFFLINE =
      Status.of(Code.FAILED_PRECONDITION, "The device is not reachable");

  @Test
  void ofDone_cancelled_isCancelledWithTheOperationsError() {
    Operation cancelled = Operations.cancelledReboot();

    CancelOutcome outcome = CancelOutcome.ofDone(cancelled);

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
    assertThat(outcome.name()).isEqualTo(NAME);
    assertThat(outcome.operation()).contains(cancelled);
    assertThat(outcome.status()).isEqualTo(cancelled.error());
  }

  @Test
  void ofDone_succeeded_isCompletedWithNoStatus() {
    CancelOutcome outcome = CancelOutcome.ofDone(Operations.succeededReboot());

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.COMPLETED);
    assertThat(outcome.operation()).contains(Operations.succeededReboot());
    assertThat(outcome.status()).isEmpty();
  }

  @Test
  void ofDone_failedOtherwise_isFailedWithTheError() {
    Operation failed =
        Operations.pendingReboot().withResult(new OperationResult.Failed(DEVICE_OFFLINE));

    CancelOutcome outcome = CancelOutcome.ofDone(failed);

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.FAILED);
    assertThat(outcome.status()).contains(DEVICE_OFFLINE);
  }

  @Test
  void ofDone_pending_throws() {
    assertThatThrownBy(() -> CancelOutcome.ofDone(Operations.pendingReboot()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not done")
        .hasMessageContaining(NAME.toString());
  }

  @Test
  void stillRunning_pending_carriesTheLastReadAndNoStatus() {
    CancelOutcome outcome = CancelOutcome.stillRunning(Operations.pendingReboot());

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.STILL_RUNNING);
    assertThat(outcome.operation()).contains(Operations.pendingReboot());
    assertThat(outcome.status()).isEmpty();
  }

  @Test
  void stillRunning_done_throws() {
    assertThatThrownBy(() -> CancelOutcome.stillRunning(Operations.cancelledReboot()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lastRead is done");
  }

  @Test
  void notSupported_carriesTheServersStatusAndNoOperation() {
    CancelOutcome outcome = CancelOutcome.notSupported(NAME, UNIMPLEMENTED);

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.NOT_SUPPORTED);
    assertThat(outcome.name()).isEqualTo(NAME);
    assertThat(outcome.status()).contains(UNIMPLEMENTED);
    assertThat(outcome.operation()).isEmpty();
  }

  @Test
  void notSupported_otherCode_throws() {
    assertThatThrownBy(() -> CancelOutcome.notSupported(NAME, NOT_FOUND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UNIMPLEMENTED")
        .hasMessageContaining("NOT_FOUND");
  }

  @Test
  void notFound_carriesTheServersStatusAndNoOperation() {
    CancelOutcome outcome = CancelOutcome.notFound(NAME, NOT_FOUND);

    assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.NOT_FOUND);
    assertThat(outcome.status()).contains(NOT_FOUND);
    assertThat(outcome.operation()).isEmpty();
  }

  @Test
  void notFound_otherCode_throws() {
    assertThatThrownBy(() -> CancelOutcome.notFound(NAME, UNIMPLEMENTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NOT_FOUND");
  }

  @Test
  void toString_namesKindNameAndStatus() {
    assertThat(CancelOutcome.notSupported(NAME, UNIMPLEMENTED))
        .hasToString(
            "CancelOutcome{kind=NOT_SUPPORTED, name="
                + NAME
                + ", status=UNIMPLEMENTED: Operation cancellation is not supported}");
    assertThat(CancelOutcome.ofDone(Operations.succeededReboot()))
        .hasToString("CancelOutcome{kind=COMPLETED, name=" + NAME + "}");
  }

  @Test
  void equals_sameKindNameOperationAndStatus() {
    OperationName other = NAME.device().operation("2");
    new EqualsTester()
        .addEqualityGroup(
            CancelOutcome.ofDone(Operations.cancelledReboot()),
            CancelOutcome.ofDone(Operations.cancelledReboot()))
        .addEqualityGroup(CancelOutcome.ofDone(Operations.succeededReboot()))
        .addEqualityGroup(CancelOutcome.stillRunning(Operations.pendingReboot()))
        .addEqualityGroup(
            CancelOutcome.notSupported(NAME, UNIMPLEMENTED),
            CancelOutcome.notSupported(NAME, UNIMPLEMENTED))
        .addEqualityGroup(
            CancelOutcome.notSupported(NAME, Status.of(Code.UNIMPLEMENTED, "another message")))
        .addEqualityGroup(CancelOutcome.notSupported(other, UNIMPLEMENTED))
        .addEqualityGroup(CancelOutcome.notFound(NAME, NOT_FOUND))
        .testEquals();
  }

  @Test
  void factories_null_throwNamingTheParameter() {
    new NullPointerTester()
        .setDefault(OperationName.class, NAME)
        .setDefault(Operation.class, Operations.cancelledReboot())
        .setDefault(Status.class, UNIMPLEMENTED)
        .testAllPublicStaticMethods(CancelOutcome.class);
  }
}
