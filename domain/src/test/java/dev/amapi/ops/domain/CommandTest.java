package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandTest {
  private static final Instant CREATED = Instant.parse("2026-08-06T10:15:23.669Z");

  @Test
  void builder_withOnlyAType_hasTheDefaults() {
    Command command = Command.builder(CommandType.LOCK).build();

    assertThat(command.type()).isEqualTo(CommandType.LOCK);
    assertThat(command.typeUrl())
        .isEqualTo("type.googleapis.com/google.android.devicemanagement.v1.Command");
    assertThat(command.createTime()).isEmpty();
    assertThat(command.duration()).isEmpty();
    assertThat(command.userName()).isEmpty();
    assertThat(command.errorCode()).isEmpty();
    assertThat(command.otherFields()).isEmpty();
  }

  @Test
  void toBuilder_buildsAnEqualCommand() {
    Command command =
        Operations.reboot().toBuilder()
            .errorCode(CommandErrorCode.API_LEVEL)
            .otherField("clearAppsDataParams", "{\"packageNames\":[\"com.example\"]}")
            .build();

    assertThat(command.toBuilder().build()).isEqualTo(command);
  }

  @Test
  void toString_neverShowsOtherFieldValues() {
    Command command =
        Command.builder(CommandType.RESET_PASSWORD)
            .otherField("newPassword", "\"s3cret-Pa55\"")
            .otherField("resetPasswordFlags", "[\"REQUIRE_ENTRY\"]")
            .build();

    assertThat(command.toString())
        .contains("RESET_PASSWORD")
        .contains("newPassword")
        .doesNotContain("s3cret-Pa55")
        .doesNotContain("REQUIRE_ENTRY");
  }

  @Test
  void toString_showsTheModelledFields() {
    Command command =
        Operations.reboot().toBuilder().errorCode(CommandErrorCode.UNSUPPORTED).build();

    assertThat(command.toString())
        .contains("REBOOT")
        .contains("2026-08-06T10:15:23.669Z")
        .contains("PT10M")
        .contains("enterprises/LC03k6enk8/users/admin")
        .contains("UNSUPPORTED");
  }

  @Test
  void otherFields_cannotBeModifiedThroughTheAccessor() {
    Command command = Command.builder(CommandType.LOCK).otherField("a", "1").build();

    assertThatThrownBy(() -> command.otherFields().remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builder_usedAgainAfterBuild_doesNotChangeTheBuiltCommand() {
    Command.Builder builder = Command.builder(CommandType.LOCK).otherField("a", "1");
    Command built = builder.build();

    builder.otherField("b", "2").type(CommandType.WIPE);

    assertThat(built.otherFields()).containsOnlyKeys("a");
    assertThat(built.type()).isEqualTo(CommandType.LOCK);
  }

  @Test
  void builder_rejectsNulls() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(CommandType.class, CommandType.LOCK)
            .setDefault(CommandErrorCode.class, CommandErrorCode.UNKNOWN)
            .setDefault(Instant.class, CREATED)
            .setDefault(Duration.class, Duration.ZERO);

    tester.testAllPublicStaticMethods(Command.class);
    tester.testAllPublicInstanceMethods(Command.builder(CommandType.LOCK));
  }

  @Test
  void equals_sameValues_areEqualAndAnyDifferenceIsNot() {
    Command base = Operations.reboot();
    new EqualsTester()
        .addEqualityGroup(base, Operations.reboot(), base.toBuilder().build())
        .addEqualityGroup(base.toBuilder().typeUrl("type.googleapis.com/other.Command").build())
        .addEqualityGroup(base.toBuilder().type(CommandType.LOCK).build())
        .addEqualityGroup(base.toBuilder().createTime(CREATED.plusMillis(1)).build())
        .addEqualityGroup(base.toBuilder().duration(Duration.ofMinutes(11)).build())
        .addEqualityGroup(base.toBuilder().userName("").build())
        .addEqualityGroup(base.toBuilder().errorCode(CommandErrorCode.API_LEVEL).build())
        .addEqualityGroup(base.toBuilder().otherField("x", "1").build())
        .addEqualityGroup(base.toBuilder().otherField("x", "2").build())
        .addEqualityGroup(Command.builder(CommandType.REBOOT).build())
        .testEquals();
  }
}
