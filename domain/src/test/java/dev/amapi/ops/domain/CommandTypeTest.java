package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTypeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "COMMAND_TYPE_UNSPECIFIED",
        "LOCK",
        "RESET_PASSWORD",
        "REBOOT",
        "RELINQUISH_OWNERSHIP",
        "CLEAR_APP_DATA",
        "START_LOST_MODE",
        "STOP_LOST_MODE",
        "ADD_ESIM",
        "REMOVE_ESIM",
        "REQUEST_DEVICE_INFO",
        "WIPE",
      })
  void of_typeTheApiDefines_isKnown(String name) {
    assertThat(CommandType.of(name).isKnown()).isTrue();
  }

  @Test
  void of_typeFromANewerRevision_isKeptButNotKnown() {
    CommandType type = CommandType.of("SELF_DESTRUCT");

    assertThat(type.name()).isEqualTo("SELF_DESTRUCT");
    assertThat(type).hasToString("SELF_DESTRUCT");
    assertThat(type.isKnown()).isFalse();
  }

  @Test
  void of_knownNameInAnotherCase_isNotKnown() {
    assertThat(CommandType.of("reboot").isKnown()).isFalse();
  }

  @Test
  void of_emptyName_isRejectedSayingSo() {
    assertThatThrownBy(() -> CommandType.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void of_null_isRejected() {
    NullPointerTester tester = new NullPointerTester().setDefault(String.class, "LOCK");

    tester.testAllPublicStaticMethods(CommandType.class);
    tester.testAllPublicConstructors(CommandType.class);
  }

  @Test
  void equals_sameName_areEqualKnownOrNot() {
    new EqualsTester()
        .addEqualityGroup(CommandType.REBOOT, CommandType.of("REBOOT"), new CommandType("REBOOT"))
        .addEqualityGroup(CommandType.LOCK, CommandType.of("LOCK"))
        .addEqualityGroup(CommandType.of("SELF_DESTRUCT"), CommandType.of("SELF_DESTRUCT"))
        .addEqualityGroup(CommandType.of("reboot"))
        .testEquals();
  }

  @Test
  void commandErrorCode_fromANewerRevision_isKeptButNotKnown() {
    CommandErrorCode code = CommandErrorCode.of("BATTERY_LOW");

    assertThat(code).hasToString("BATTERY_LOW");
    assertThat(code.isKnown()).isFalse();
  }

  @Test
  void commandErrorCode_thatTheApiDefines_isKnown() {
    assertThat(CommandErrorCode.of("API_LEVEL").isKnown()).isTrue();
  }

  @Test
  void commandErrorCode_emptyName_isRejectedSayingSo() {
    assertThatThrownBy(() -> CommandErrorCode.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is empty");
  }
}
