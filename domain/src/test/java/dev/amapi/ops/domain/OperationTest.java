package dev.amapi.ops.domain;

import static dev.amapi.ops.domain.Operations.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.amapi.ops.domain.OperationResult.Failed;
import dev.amapi.ops.domain.OperationResult.Succeeded;
import org.junit.jupiter.api.Test;

class OperationTest {
  private static final Failed CANCELLED = new Failed(Status.of(Code.CANCELLED, "cancelled"));
  private static final Failed UNSUPPORTED =
      new Failed(Status.of(Code.FAILED_PRECONDITION, "Command not supported"));

  @Test
  void pending_isNotDoneHasNoErrorAndIsNotCancelled() {
    Operation operation = Operations.pendingReboot();

    assertThat(operation.done()).isFalse();
    assertThat(operation.error()).isEmpty();
    assertThat(operation.isCancelled()).isFalse();
    assertThat(operation.result()).isEqualTo(OperationResult.PENDING);
  }

  @Test
  void builder_withNothingSet_isPendingWithNoMetadata() {
    Operation operation = Operation.builder(NAME).build();

    assertThat(operation.result()).isEqualTo(OperationResult.PENDING);
    assertThat(operation.metadata()).isEmpty();
    assertThat(operation.otherFields()).isEmpty();
  }

  @Test
  void failedWithCancelled_isDoneCancelledAndHasTheError() {
    Operation operation = Operations.pendingReboot().withResult(CANCELLED);

    assertThat(operation.done()).isTrue();
    assertThat(operation.isCancelled()).isTrue();
    assertThat(operation.error()).contains(CANCELLED.status());
  }

  @Test
  void failedWithAnotherCode_isDoneWithTheErrorButNotCancelled() {
    Operation operation = Operations.pendingReboot().withResult(UNSUPPORTED);

    assertThat(operation.done()).isTrue();
    assertThat(operation.isCancelled()).isFalse();
    assertThat(operation.error()).contains(UNSUPPORTED.status());
  }

  @Test
  void succeeded_isDoneWithNoErrorAndNotCancelled() {
    Operation operation = Operations.succeededReboot();

    assertThat(operation.done()).isTrue();
    assertThat(operation.error()).isEmpty();
    assertThat(operation.isCancelled()).isFalse();
  }

  @Test
  void succeeded_withoutResponse_isStillDone() {
    Operation operation = Operations.pendingReboot().withResult(new Succeeded("", ""));

    assertThat(operation.done()).isTrue();
  }

  @Test
  void withResult_keepsNameMetadataAndOtherFields() {
    Operation pending =
        Operations.pendingReboot().toBuilder().otherField("newField", "{\"a\":1}").build();

    Operation cancelled = pending.withResult(CANCELLED);

    assertThat(cancelled.name()).isEqualTo(NAME);
    assertThat(cancelled.metadata()).contains(Operations.reboot());
    assertThat(cancelled.otherFields()).containsExactlyEntriesOf(pending.otherFields());
  }

  @Test
  void withResult_leavesTheOriginalUnchanged() {
    Operation pending = Operations.pendingReboot();

    pending.withResult(CANCELLED);

    assertThat(pending.done()).isFalse();
  }

  @Test
  void builder_usedAgainAfterBuild_doesNotChangeTheBuiltOperation() {
    Operation.Builder builder = Operation.builder(NAME).otherField("a", "1");
    Operation built = builder.build();

    builder.otherField("b", "2").result(CANCELLED);

    assertThat(built.otherFields()).containsOnlyKeys("a");
    assertThat(built.done()).isFalse();
  }

  @Test
  void otherFields_keepTheOrderTheyWereAddedIn() {
    Operation operation =
        Operation.builder(NAME)
            .otherField("z", "1")
            .otherField("a", "2")
            .otherField("m", "3")
            .build();

    assertThat(operation.otherFields().keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void otherFields_cannotBeModifiedThroughTheAccessor() {
    Operation operation = Operation.builder(NAME).otherField("a", "1").build();

    assertThatThrownBy(() -> operation.otherFields().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toString_namesTheOperationAndOtherFieldsButNotTheirValues() {
    Operation operation =
        Operations.pendingReboot().toBuilder()
            .otherField("newPasswordField", "\"hunter2\"")
            .build();

    assertThat(operation.toString())
        .contains(NAME.toString())
        .contains("REBOOT")
        .contains("newPasswordField")
        .doesNotContain("hunter2");
  }

  @Test
  void staticMethodsAndBuilder_rejectNulls() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(OperationName.class, NAME)
            .setDefault(Command.class, Operations.reboot())
            .setDefault(OperationResult.class, OperationResult.PENDING);

    tester.testAllPublicStaticMethods(Operation.class);
    tester.testAllPublicInstanceMethods(Operations.pendingReboot());
    tester.testAllPublicInstanceMethods(Operation.builder(NAME));
  }

  @Test
  void results_rejectNulls() {
    NullPointerTester tester = new NullPointerTester().setDefault(String.class, "");

    tester.testAllPublicConstructors(Succeeded.class);
    tester.testAllPublicConstructors(Failed.class);
  }

  @Test
  void equals_sameValues_areEqualAndAnyDifferenceIsNot() {
    new EqualsTester()
        .addEqualityGroup(
            Operations.pendingReboot(),
            Operation.pending(NAME, Operations.reboot()),
            Operation.builder(NAME).metadata(Operations.reboot()).build(),
            Operations.cancelledReboot().withResult(OperationResult.PENDING))
        .addEqualityGroup(Operation.pending(NAME.device().operation("2"), Operations.reboot()))
        .addEqualityGroup(Operation.pending(NAME, Command.builder(CommandType.LOCK).build()))
        .addEqualityGroup(Operation.builder(NAME).build())
        .addEqualityGroup(
            Operations.cancelledReboot(),
            Operations.pendingReboot()
                .withResult(new Failed(Status.of(Code.CANCELLED, "Operation cancelled"))))
        .addEqualityGroup(Operations.pendingReboot().withResult(CANCELLED))
        .addEqualityGroup(Operations.succeededReboot())
        .addEqualityGroup(Operations.pendingReboot().withResult(UNSUPPORTED))
        .addEqualityGroup(Operations.pendingReboot().toBuilder().otherField("x", "1").build())
        .addEqualityGroup(Operations.pendingReboot().toBuilder().otherField("x", "2").build())
        .testEquals();
  }
}
