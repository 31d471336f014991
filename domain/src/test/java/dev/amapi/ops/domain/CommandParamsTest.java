package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandParamsTest {
  private static final String PASSWORD = "s3cret-Passw0rd";

  @Test
  void resetPassword_carriesItsParams() {
    Command command =
        Command.builder(CommandType.RESET_PASSWORD)
            .params(new CommandParams.ResetPassword(PASSWORD, List.of("LOCK_NOW")))
            .build();

    assertThat(command.params())
        .contains(new CommandParams.ResetPassword(PASSWORD, List.of("LOCK_NOW")));
  }

  @Test
  void newPassword_onAnotherType_isRefused_withoutThePassword() {
    Command.Builder builder =
        Command.builder(CommandType.REBOOT)
            .params(new CommandParams.ResetPassword(PASSWORD, List.of()));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newPassword")
        .hasMessageContaining("RESET_PASSWORD only")
        .hasMessageContaining("REBOOT")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void paramsOfAnotherType_areRefused() {
    Command.Builder builder =
        Command.builder(CommandType.LOCK).params(new CommandParams.RemoveEsim("8901"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("removeEsimParams are for REMOVE_ESIM only, not for a LOCK command");
  }

  @Test
  void clearAppData_withNoPackage_isRefused() {
    assertThatThrownBy(() -> new CommandParams.ClearAppsData(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one package name");
    assertThatThrownBy(() -> Command.builder(CommandType.CLEAR_APP_DATA).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clearAppsDataParams");
  }

  @Test
  void emptyValues_areRefused() {
    assertThatThrownBy(() -> new CommandParams.ClearAppsData(List.of("com.a", "")))
        .hasMessageContaining("packageNames holds an empty value");
    assertThatThrownBy(() -> new CommandParams.AddEsim("", "ACTIVATED"))
        .hasMessageContaining("activationCode");
    assertThatThrownBy(() -> new CommandParams.RequestDeviceInfo(""))
        .hasMessageContaining("deviceInfo");
    assertThatThrownBy(() -> new UserFacingMessage("m", Map.of("", "x")))
        .hasMessageContaining("language tag");
  }

  @Test
  void typedParams_andTheSameRawField_areRefused() {
    Command.Builder builder =
        Command.builder(CommandType.RESET_PASSWORD)
            .params(new CommandParams.ResetPassword(PASSWORD, List.of()))
            .otherField("newPassword", "\"other\"");

    assertThatThrownBy(builder::build).hasMessageContaining("newPassword is set both");
  }

  @Test
  void newPassword_neverAppearsInToString() {
    Command command =
        Command.builder(CommandType.RESET_PASSWORD)
            .params(new CommandParams.ResetPassword(PASSWORD, List.of("REQUIRE_ENTRY")))
            .build();
    Operation operation =
        Operation.pending(OperationName.of("e", "d", "1"), command.toBuilder().build());

    assertThat(command.toString()).doesNotContain(PASSWORD).contains("REQUIRE_ENTRY");
    assertThat(command.params().orElseThrow().toString()).doesNotContain(PASSWORD);
    assertThat(operation.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void everyType_acceptsItsOwnParams() {
    List<CommandParams> all =
        List.of(
            new CommandParams.ResetPassword("", List.of()),
            new CommandParams.ClearAppsData(List.of("com.example")),
            new CommandParams.StartLostMode(
                UserFacingMessage.of("Lost"), null, "it@example.com", null, null),
            new CommandParams.StopLostMode(),
            new CommandParams.AddEsim("LPA:1$x$y", "ACTIVATED"),
            new CommandParams.RemoveEsim("8901"),
            new CommandParams.RequestDeviceInfo("EID"),
            new CommandParams.Wipe(List.of("WIPE_ESIMS"), UserFacingMessage.of("Stolen")));

    for (CommandParams params : all) {
      Command command = Command.builder(params.type()).params(params).build();
      assertThat(command.params()).contains(params);
      assertThat(command.toBuilder().build()).isEqualTo(command);
    }
  }
}
