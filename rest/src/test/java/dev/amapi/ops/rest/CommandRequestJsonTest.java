package dev.amapi.ops.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandParams;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.UserFacingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRequestJsonTest {

  private static String json(Command command) {
    return new String(RestJson.writeCommandRequest(command), StandardCharsets.UTF_8);
  }

  @Test
  void resetPassword_isWrittenUnderTheApisNames() {
    Command command =
        Command.builder(CommandType.RESET_PASSWORD)
            .duration(Duration.ofMinutes(5))
            .params(new CommandParams.ResetPassword("1234abcd", List.of("LOCK_NOW")))
            .build();

    assertThat(json(command))
        .isEqualTo(
            "{\"type\":\"RESET_PASSWORD\",\"duration\":\"300s\",\"newPassword\":\"1234abcd\","
                + "\"resetPasswordFlags\":[\"LOCK_NOW\"]}");
  }

  @Test
  void startLostMode_writesItsMessages() {
    Command command =
        Command.builder(CommandType.START_LOST_MODE)
            .params(
                new CommandParams.StartLostMode(
                    new UserFacingMessage("Lost", Map.of("fr", "Perdu")),
                    UserFacingMessage.of("+1 555 0100"),
                    "",
                    null,
                    null))
            .build();

    assertThat(json(command))
        .isEqualTo(
            "{\"type\":\"START_LOST_MODE\",\"startLostModeParams\":{\"lostMessage\":"
                + "{\"defaultMessage\":\"Lost\",\"localizedMessages\":{\"fr\":\"Perdu\"}},"
                + "\"lostPhoneNumber\":{\"defaultMessage\":\"+1 555 0100\"}}}");
  }

  @Test
  void everyType_roundTrips_andOutputOnlyFieldsAreLeftOut() {
    List<CommandParams> all =
        List.of(
            new CommandParams.ResetPassword("", List.of("REQUIRE_ENTRY")),
            new CommandParams.ClearAppsData(List.of("com.example.mail", "com.example.chat")),
            new CommandParams.StartLostMode(
                UserFacingMessage.of("Lost"),
                UserFacingMessage.of("555"),
                "it@example.com",
                UserFacingMessage.of("1 Main St"),
                UserFacingMessage.of("Example Inc")),
            new CommandParams.StopLostMode(),
            new CommandParams.AddEsim("LPA:1$smdp.example$CODE", "ACTIVATED"),
            new CommandParams.RemoveEsim("89014103211118510720"),
            new CommandParams.RequestDeviceInfo("EID"),
            new CommandParams.Wipe(
                List.of("WIPE_EXTERNAL_STORAGE", "WIPE_ESIMS"), UserFacingMessage.of("Stolen")));
    for (CommandParams params : all) {
      Command command =
          Command.builder(params.type())
              .duration(Duration.ofSeconds(90))
              .params(params)
              .otherField("futureField", "{\"a\":1}")
              .build();

      byte[] body = RestJson.writeCommandRequest(command);

      assertThat(RestJson.readCommandRequest(body)).isEqualTo(command);
      assertThat(new String(body, StandardCharsets.UTF_8))
          .doesNotContain("@type", "createTime", "userName");
    }
  }

  @Test
  void commandWithoutParams_isTypeOnly() {
    assertThat(json(Command.builder(CommandType.REBOOT).build()))
        .isEqualTo("{\"type\":\"REBOOT\"}");
  }
}
