package dev.amapi.ops.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandErrorCode;
import dev.amapi.ops.domain.CommandParams;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.OperationResult;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.UserFacingMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RestJsonTest {
  private static final String NAME =
      "enterprises/LC03k6enk8/devices/36c339908766f292/operations/1786048723669";

  private static byte[] utf8(String json) {
    return json.getBytes(UTF_8);
  }

  private static Operation read(String json) {
    return RestJson.readOperation(utf8(json));
  }

  private static Operation withMetadata(String metadataFields) {
    return read("{\"name\":\"" + NAME + "\",\"metadata\":{" + metadataFields + "}}");
  }

  private static Command command(Operation operation) {
    return operation.metadata().orElseThrow();
  }

  private static Operation roundTrip(Operation operation) {
    return RestJson.readOperation(RestJson.writeOperation(operation));
  }

  // --- reference/operations -------------------------------------------------------------------

  @Test
  void readOperation_pendingReboot_isPending() {
    Operation operation = RestJson.readOperation(Reference.bytes("operations/pending-reboot.json"));

    assertThat(operation.name()).isEqualTo(OperationName.parse(NAME));
    assertThat(operation.result()).isEqualTo(OperationResult.PENDING);
    assertThat(operation.done()).isFalse();
    assertThat(operation.otherFields()).isEmpty();
  }

  @Test
  void readOperation_pendingReboot_decodesCommand() {
    Command command =
        command(RestJson.readOperation(Reference.bytes("operations/pending-reboot.json")));

    assertThat(command.typeUrl()).isEqualTo(Command.TYPE_URL);
    assertThat(command.type()).isEqualTo(CommandType.REBOOT);
    assertThat(command.createTime()).contains(Instant.parse("2026-08-06T20:38:43.669Z"));
    assertThat(command.duration()).contains(Duration.ofSeconds(600));
    assertThat(command.userName()).isEqualTo("enterprises/LC03k6enk8/users/115849236501726381957");
    assertThat(command.errorCode()).isEmpty();
    assertThat(command.otherFields()).isEmpty();
  }

  @Test
  void readOperation_completedReboot_succeededWithIssueCommandResponse() {
    Operation operation =
        RestJson.readOperation(Reference.bytes("operations/completed-reboot.json"));

    assertThat(operation.done()).isTrue();
    assertThat(operation.result()).isEqualTo(OperationResult.Succeeded.issueCommandResponse());
    assertThat(command(operation).duration()).contains(Duration.ofSeconds(315_360_000));
  }

  @Test
  void readOperation_cancelledWipe_isCancelled() {
    Operation operation = RestJson.readOperation(Reference.bytes("operations/cancelled-wipe.json"));

    assertThat(operation.isCancelled()).isTrue();
    assertThat(operation.error()).contains(Status.of(Code.CANCELLED, "Operation was cancelled."));
    assertThat(command(operation).type()).isEqualTo(CommandType.WIPE);
  }

  @Test
  void readOperation_cancelledWipe_typesItsWipeParams() {
    Command command =
        command(RestJson.readOperation(Reference.bytes("operations/cancelled-wipe.json")));

    assertThat(command.params())
        .contains(
            new CommandParams.Wipe(
                List.of("PRESERVE_RESET_PROTECTION_DATA"),
                UserFacingMessage.of("Device reported lost")));
    assertThat(command.otherFields()).isEmpty();
  }

  @Test
  void readOperation_paramsOfAnUnknownShape_areKeptRaw() {
    Command command =
        command(
            withMetadata(
                "\"type\":\"WIPE\",\"wipeParams\":{\"wipeDataFlags\":[\"WIPE_ESIMS\"],\"x\":1}"));

    assertThat(command.params()).isEmpty();
    assertThat(command.otherFields())
        .containsExactly(Map.entry("wipeParams", "{\"wipeDataFlags\":[\"WIPE_ESIMS\"],\"x\":1}"));
  }

  @Test
  void readOperation_failedClearAppData_failedWithFailedPrecondition() {
    Operation operation =
        RestJson.readOperation(Reference.bytes("operations/failed-clear-app-data.json"));

    assertThat(operation.result())
        .isEqualTo(
            new OperationResult.Failed(
                Status.of(
                    Code.FAILED_PRECONDITION,
                    "The device API level does not support this command.")));
    assertThat(operation.error().orElseThrow().code().number()).isEqualTo(9);
    assertThat(operation.isCancelled()).isFalse();
  }

  @Test
  void readOperation_failedClearAppData_keepsErrorCodeAndParams() {
    Command command =
        command(RestJson.readOperation(Reference.bytes("operations/failed-clear-app-data.json")));

    assertThat(command.type()).isEqualTo(CommandType.CLEAR_APP_DATA);
    assertThat(command.errorCode()).contains(CommandErrorCode.API_LEVEL);
    assertThat(command.params())
        .contains(new CommandParams.ClearAppsData(List.of("com.example.mail")));
    assertThat(command.otherFields()).containsOnlyKeys("clearAppsDataStatus");
  }

  @Test
  void readOperationsPage_listPage1_twoOperationsAndNextPageToken() {
    OperationsPage page =
        RestJson.readOperationsPage(Reference.bytes("operations/list-page-1.json"));

    assertThat(page.operations()).hasSize(2);
    assertThat(page.operations().get(0).result()).isEqualTo(OperationResult.PENDING);
    assertThat(command(page.operations().get(0)).type()).isEqualTo(CommandType.REBOOT);
    assertThat(page.operations().get(1).result())
        .isEqualTo(OperationResult.Succeeded.issueCommandResponse());
    assertThat(command(page.operations().get(1)).type()).isEqualTo(CommandType.LOCK);
    assertThat(page.nextPageToken()).isEqualTo("CgwIgICAgICAgICAARIDMTIz");
    assertThat(page.unreachable()).isEmpty();
  }

  @Test
  void readOperationsPage_listPage2_keepsFutureFieldInCommandOtherFields() {
    OperationsPage page =
        RestJson.readOperationsPage(Reference.bytes("operations/list-page-2.json"));

    assertThat(page.operations()).hasSize(1);
    assertThat(page.nextPage()).isEmpty();
    Command command = command(page.operations().get(0));
    assertThat(command.type()).isEqualTo(CommandType.START_LOST_MODE);
    assertThat(command.otherFields())
        .containsEntry("futureField", "{\"addedBy\":\"a newer API revision\"}");
    assertThat(command.params()).containsInstanceOf(CommandParams.StartLostMode.class);
    assertThat(page.otherFields())
        .containsExactly(
            entry(
                "pageFieldNoRevisionDefines",
                "{\"addedBy\":\"no API revision\",\"items\":[1,2.50,true,null]}"));
  }

  @Test
  void writeOperationsPage_listPage2_writesThePageFieldNoRevisionDefinesBack() {
    OperationsPage page =
        RestJson.readOperationsPage(Reference.bytes("operations/list-page-2.json"));

    String written = new String(RestJson.writeOperationsPage(page), UTF_8);

    assertThat(written)
        .endsWith(
            ",\"pageFieldNoRevisionDefines\":"
                + "{\"addedBy\":\"no API revision\",\"items\":[1,2.50,true,null]}}");
    assertThat(RestJson.readOperationsPage(utf8(written))).isEqualTo(page);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "operations/pending-reboot.json",
        "operations/completed-reboot.json",
        "operations/cancelled-wipe.json",
        "operations/failed-clear-app-data.json"
      })
  void writeOperation_referenceOperation_roundTrips(String file) {
    Operation operation = RestJson.readOperation(Reference.bytes(file));

    assertThat(roundTrip(operation)).isEqualTo(operation);
  }

  @ParameterizedTest
  @ValueSource(strings = {"operations/list-page-1.json", "operations/list-page-2.json"})
  void writeOperationsPage_referencePage_roundTrips(String file) {
    OperationsPage page = RestJson.readOperationsPage(Reference.bytes(file));

    assertThat(RestJson.readOperationsPage(RestJson.writeOperationsPage(page))).isEqualTo(page);
  }

  // --- operations: decoding rules -------------------------------------------------------------

  @Test
  void readOperation_unknownCommandType_keptAsUnknown() {
    Command command = command(withMetadata("\"type\":\"SELF_DESTRUCT\""));

    assertThat(command.type()).isEqualTo(CommandType.of("SELF_DESTRUCT"));
    assertThat(command.type().isKnown()).isFalse();
  }

  @Test
  void readOperation_unknownCommandErrorCode_keptAsUnknown() {
    Command command = command(withMetadata("\"type\":\"LOCK\",\"errorCode\":\"OVERHEATED\""));

    assertThat(command.errorCode()).contains(CommandErrorCode.of("OVERHEATED"));
    assertThat(command.errorCode().orElseThrow().isKnown()).isFalse();
  }

  @Test
  void readOperation_noCommandType_isUnspecified() {
    Command command = command(withMetadata("\"userName\":\"u\""));

    assertThat(command.type()).isEqualTo(CommandType.COMMAND_TYPE_UNSPECIFIED);
  }

  @Test
  void readOperation_otherMetadataType_keptInTypeUrl() {
    Command command =
        command(withMetadata("\"@type\":\"type.example.com/Other\",\"type\":\"LOCK\""));

    assertThat(command.typeUrl()).isEqualTo("type.example.com/Other");
  }

  @Test
  void readOperation_metadataWithoutType_hasEmptyTypeUrl() {
    Command command = command(withMetadata("\"type\":\"LOCK\""));

    assertThat(command.typeUrl()).isEmpty();
  }

  @Test
  void readOperation_unknownCodeNumber_isUnknown() {
    Operation operation =
        read("{\"name\":\"" + NAME + "\",\"done\":true,\"error\":{\"code\":42,\"message\":\"m\"}}");

    assertThat(operation.error()).contains(Status.of(Code.UNKNOWN, "m"));
  }

  @Test
  void readOperation_hugeCodeNumber_isUnknown() {
    Operation operation =
        read("{\"name\":\"" + NAME + "\",\"error\":{\"code\":99999999999999999999}}");

    assertThat(operation.error().orElseThrow().code()).isEqualTo(Code.UNKNOWN);
  }

  @Test
  void readOperation_errorWithoutCode_isOk() {
    // protobuf's JSON mapping leaves out a zero code.
    Operation operation = read("{\"name\":\"" + NAME + "\",\"error\":{\"message\":\"m\"}}");

    assertThat(operation.error()).contains(Status.of(Code.OK, "m"));
  }

  @Test
  void readOperation_errorWithoutDone_isFailed() {
    Operation operation = read("{\"name\":\"" + NAME + "\",\"error\":{\"code\":1}}");

    assertThat(operation.isCancelled()).isTrue();
  }

  @Test
  void readOperation_errorWithDoneFalse_isFailed() {
    Operation operation =
        read("{\"name\":\"" + NAME + "\",\"done\":false,\"error\":{\"code\":13}}");

    assertThat(operation.error().orElseThrow().code()).isEqualTo(Code.INTERNAL);
  }

  @Test
  void readOperation_responseWithoutDone_isSucceeded() {
    Operation operation = read("{\"name\":\"" + NAME + "\",\"response\":{\"@type\":\"t\"}}");

    assertThat(operation.result())
        .isEqualTo(new OperationResult.Succeeded("t", "{\"@type\":\"t\"}"));
  }

  @Test
  void readOperation_doneWithNeitherErrorNorResponse_succeededEmpty() {
    Operation operation = read("{\"name\":\"" + NAME + "\",\"done\":true}");

    assertThat(operation.result()).isEqualTo(new OperationResult.Succeeded("", ""));
  }

  @Test
  void readOperation_errorAndResponse_failedAndKeepsResponse() {
    Operation operation =
        read(
            "{\"name\":\""
                + NAME
                + "\",\"done\":true,\"error\":{\"code\":1},\"response\":{\"@type\":\"t\"}}");

    assertThat(operation.isCancelled()).isTrue();
    assertThat(operation.otherFields()).containsEntry("response", "{\"@type\":\"t\"}");
  }

  @Test
  void readOperation_errorAndResponse_roundTrips() {
    Operation operation =
        read("{\"name\":\"" + NAME + "\",\"error\":{\"code\":1},\"response\":{\"a\":1}}");

    assertThat(roundTrip(operation)).isEqualTo(operation);
  }

  @Test
  void readOperation_nullFields_areAbsent() {
    Operation operation =
        read(
            "{\"name\":\""
                + NAME
                + "\",\"metadata\":null,\"done\":null,\"error\":null,\"response\":null}");

    assertThat(operation).isEqualTo(Operation.builder(OperationName.parse(NAME)).build());
  }

  @Test
  void readOperation_unknownTopLevelField_keptInOtherFields() {
    Operation operation =
        read("{\"name\":\"" + NAME + "\",\"newer\":{\"x\":[1,2.50,true,null,\"s\"]}}");

    assertThat(operation.otherFields())
        .containsExactly(Map.entry("newer", "{\"x\":[1,2.50,true,null,\"s\"]}"));
  }

  @Test
  void readOperation_unknownFieldNumber_keptExactly() {
    Operation operation =
        read("{\"name\":\"" + NAME + "\",\"big\":1.00000000000000000000000001e400}");

    assertThat(operation.otherFields()).containsEntry("big", "1.00000000000000000000000001e400");
  }

  @Test
  void readOperation_unknownFieldWithEscapes_keptAsValidJson() {
    Operation operation = read("{\"name\":\"" + NAME + "\",\"s\":\"a\\\"b\\u0001\\n\"}");

    assertThat(operation.otherFields()).containsEntry("s", "\"a\\\"b\\u0001\\n\"");
    assertThat(roundTrip(operation)).isEqualTo(operation);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-08-06T20:38:43Z, 2026-08-06T20:38:43Z",
    "2026-08-06T20:38:43.1Z, 2026-08-06T20:38:43.100Z",
    "2026-08-06T20:38:43.123456789Z, 2026-08-06T20:38:43.123456789Z",
    "2026-08-06T22:38:43.669+02:00, 2026-08-06T20:38:43.669Z",
    "2026-08-06T15:08:43-05:30, 2026-08-06T20:38:43Z",
    "2026-08-06t20:38:43z, 2026-08-06T20:38:43Z"
  })
  void readOperation_createTimeRfc3339_decoded(String wire, String instant) {
    Command command = command(withMetadata("\"type\":\"LOCK\",\"createTime\":\"" + wire + "\""));

    assertThat(command.createTime()).contains(Instant.parse(instant));
  }

  @ParameterizedTest
  @CsvSource({
    "600s, PT10M",
    "0s, PT0S",
    "2.500s, PT2.5S",
    "2.5s, PT2.5S",
    "-1.5s, PT-1.5S",
    "0.000000001s, PT0.000000001S",
    "315576000000s, PT87660000H"
  })
  void readOperation_protobufDuration_decoded(String wire, String iso) {
    Command command = command(withMetadata("\"type\":\"LOCK\",\"duration\":\"" + wire + "\""));

    assertThat(command.duration()).contains(Duration.parse(iso));
  }

  @ParameterizedTest
  @CsvSource({
    "PT10M, 600s",
    "PT2.5S, 2.500s",
    "PT-1.5S, -1.500s",
    "PT0.000001S, 0.000001s",
    "PT0.000000001S, 0.000000001s",
    "PT-0.000000001S, -0.000000001s",
    "PT0S, 0s"
  })
  void writeOperation_duration_protobufStyle(String iso, String wire) {
    Operation operation =
        Operation.pending(
            OperationName.parse(NAME),
            Command.builder(CommandType.LOCK).duration(Duration.parse(iso)).build());

    assertThat(new String(RestJson.writeOperation(operation), UTF_8))
        .contains("\"duration\":\"" + wire + "\"");
    assertThat(roundTrip(operation)).isEqualTo(operation);
  }

  @Test
  void writeOperation_pending_hasNoDoneField() {
    Operation operation = Operation.builder(OperationName.parse(NAME)).build();

    assertThat(new String(RestJson.writeOperation(operation), UTF_8))
        .isEqualTo("{\"name\":\"" + NAME + "\"}");
  }

  @Test
  void writeOperation_cancelled_writesRpcCodeOne() {
    Operation operation =
        Operation.builder(OperationName.parse(NAME))
            .result(
                new OperationResult.Failed(Status.of(Code.CANCELLED, "Operation was cancelled.")))
            .build();

    assertThat(new String(RestJson.writeOperation(operation), UTF_8))
        .isEqualTo(
            "{\"name\":\""
                + NAME
                + "\",\"done\":true,\"error\":{\"code\":1,\"message\":\"Operation was cancelled.\"}}");
  }

  @Test
  void writeOperation_fullyPopulated_roundTrips() {
    Operation operation =
        Operation.builder(OperationName.parse(NAME))
            .metadata(
                Command.builder(CommandType.of("SELF_DESTRUCT"))
                    .createTime(Instant.parse("2026-08-06T20:38:43.000000001Z"))
                    .duration(Duration.ofMillis(2500))
                    .userName("enterprises/LC03k6enk8/users/1")
                    .errorCode(CommandErrorCode.of("NEW_CODE"))
                    .otherField("params", "{\"a\":[1,2]}")
                    .build())
            .result(
                new OperationResult.Failed(
                    Status.of(
                        Code.FAILED_PRECONDITION,
                        "no",
                        List.of(
                            new ErrorDetail.Unknown(
                                "type.example.com/X",
                                "{\"@type\":\"type.example.com/X\",\"n\":1}")))))
            .otherField("extra", "\"text\"")
            .build();

    assertThat(roundTrip(operation)).isEqualTo(operation);
  }

  @Test
  void writeOperation_succeededWithTypeOnly_writesResponseWithType() {
    Operation operation =
        Operation.builder(OperationName.parse(NAME))
            .result(new OperationResult.Succeeded("t", ""))
            .build();

    assertThat(new String(RestJson.writeOperation(operation), UTF_8))
        .contains("\"response\":{\"@type\":\"t\"}");
  }

  @Test
  void writeOperation_otherFieldNamedLikeModelledField_modelledFieldWins() {
    Operation operation =
        Operation.builder(OperationName.parse(NAME)).otherField("name", "\"elsewhere\"").build();

    assertThat(RestJson.readOperation(RestJson.writeOperation(operation)).name())
        .isEqualTo(OperationName.parse(NAME));
  }

  @Test
  void writeOperation_otherFieldNotJson_throwsNamingTheField() {
    Operation operation =
        Operation.builder(OperationName.parse(NAME)).otherField("broken", "{not json").build();

    assertThatThrownBy(() -> RestJson.writeOperation(operation))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"broken\"");
  }

  @Test
  void writeStatus_writesRpcForm() {
    Status status =
        Status.of(
            Code.NOT_FOUND,
            "gone",
            List.of(new ErrorDetail.RetryInfo(Duration.ofMillis(2500), "")));

    assertThat(new String(RestJson.writeStatus(status), UTF_8))
        .isEqualTo(
            "{\"code\":5,\"message\":\"gone\",\"details\":[{\"@type\":\""
                + ErrorDetail.RETRY_INFO
                + "\",\"retryDelay\":\"2.500s\"}]}");
  }

  @Test
  void readOperation_unknownFieldsInError_keptInOrderAndWrittenBack() {
    Operation operation =
        read(
            "{\"name\":\""
                + NAME
                + "\",\"done\":true,\"error\":{\"zeta\":[1,{\"b\":null}],\"code\":5,"
                + "\"status\":\"NOT_FOUND\",\"message\":\"gone\",\"alpha\":\"x\"}}");

    Status error = operation.error().orElseThrow();
    assertThat(error.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(error.otherFields())
        .containsExactly(
            entry("zeta", "[1,{\"b\":null}]"),
            entry("status", "\"NOT_FOUND\""),
            entry("alpha", "\"x\""));
    String written = new String(RestJson.writeOperation(operation), UTF_8);
    assertThat(written)
        .contains(
            "\"error\":{\"code\":5,\"message\":\"gone\",\"zeta\":[1,{\"b\":null}],"
                + "\"status\":\"NOT_FOUND\",\"alpha\":\"x\"}");
    assertThat(read(written)).isEqualTo(operation);
  }

  @Test
  void writeStatus_otherFieldNamedLikeModelledField_modelledFieldWins() {
    Status status = Status.of(Code.INTERNAL, "m").withOtherField("code", "99");

    assertThat(new String(RestJson.writeStatus(status), UTF_8))
        .isEqualTo("{\"code\":13,\"message\":\"m\"}");
  }

  @Test
  void writeStatus_unknownStatusNameAndLegacyErrors_areNotPartOfTheRpcForm() {
    Status status =
        new Status(
                Code.UNAVAILABLE,
                "later",
                List.of(),
                List.of(new Status.LegacyError("later", "global", "backendError", "", "")))
            .withUnknownStatusName("SOME_NEW_STATUS");

    assertThat(new String(RestJson.writeStatus(status), UTF_8))
        .isEqualTo("{\"code\":14,\"message\":\"later\"}");
  }

  @Test
  void writeStatus_noDetails_leavesDetailsOut() {
    assertThat(new String(RestJson.writeStatus(Status.of(Code.INTERNAL, "")), UTF_8))
        .isEqualTo("{\"code\":13,\"message\":\"\"}");
  }

  // --- operations pages -----------------------------------------------------------------------

  @Test
  void readOperationsPage_emptyObject_isEmptyPage() {
    assertThat(RestJson.readOperationsPage(utf8("{}")))
        .isEqualTo(new OperationsPage(List.of(), "", List.of()));
  }

  @Test
  void readOperationsPage_unknownFields_keptInOrderAndWrittenBack() {
    byte[] json =
        utf8(
            "{\"zeta\":{\"n\":1e3},\"operations\":[],\"nextPageToken\":\"t\","
                + "\"totalSize\":\"7\",\"unreachable\":[\"enterprises/a/devices/b\"]}");

    OperationsPage page = RestJson.readOperationsPage(json);

    assertThat(page.otherFields())
        .containsExactly(entry("zeta", "{\"n\":1e3}"), entry("totalSize", "\"7\""));
    assertThat(page.unreachable()).containsExactly("enterprises/a/devices/b");
    String written = new String(RestJson.writeOperationsPage(page), UTF_8);
    assertThat(written).contains("\"zeta\":{\"n\":1e3}").contains("\"totalSize\":\"7\"");
    assertThat(RestJson.readOperationsPage(utf8(written))).isEqualTo(page);
  }

  @Test
  void writeOperationsPage_otherFieldNamedLikeModelledField_modelledFieldWins() {
    OperationsPage page =
        new OperationsPage(List.of(), "t", List.of(), Map.of("nextPageToken", "\"other\""));

    assertThat(new String(RestJson.writeOperationsPage(page), UTF_8))
        .isEqualTo("{\"operations\":[],\"nextPageToken\":\"t\"}");
  }

  @Test
  void readOperationsPage_unreachable_decoded() {
    OperationsPage page =
        RestJson.readOperationsPage(utf8("{\"unreachable\":[\"enterprises/a/devices/b\"]}"));

    assertThat(page.unreachable()).containsExactly("enterprises/a/devices/b");
  }

  @Test
  void writeOperationsPage_withUnreachable_roundTrips() {
    OperationsPage page =
        new OperationsPage(
            List.of(Operation.builder(OperationName.parse(NAME)).build()),
            "token",
            List.of("enterprises/a/devices/b"));

    assertThat(RestJson.readOperationsPage(RestJson.writeOperationsPage(page))).isEqualTo(page);
  }

  @Test
  void readOperationsPage_badOperation_namesItsIndex() {
    assertThatThrownBy(
            () ->
                RestJson.readOperationsPage(
                    utf8("{\"operations\":[{\"name\":\"" + NAME + "\"},{\"done\":true}]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/operations/1")
        .hasMessageContaining("no \"name\"");
  }

  @Test
  void readOperationsPage_operationsNotArray_throws() {
    assertThatThrownBy(() -> RestJson.readOperationsPage(utf8("{\"operations\":{}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/operations")
        .hasMessageContaining("expected an array");
  }

  // --- readEmpty ------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"{}", " {}\n", "{\"ignored\":[1]}"})
  void readEmpty_object_accepted(String body) {
    assertThatCode(() -> RestJson.readEmpty(utf8(body))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "null", "{", "{}{}", "{} x", "<html>"})
  void readEmpty_notOneObject_throws(String body) {
    assertThatThrownBy(() -> RestJson.readEmpty(utf8(body)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Empty-response JSON");
  }

  // --- malformed operations -------------------------------------------------------------------

  @Test
  void readOperation_emptyBody_throwsEmpty() {
    assertThatThrownBy(() -> RestJson.readOperation(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Operation JSON is empty: expected a JSON object");
  }

  @Test
  void readOperation_blankBody_throwsBlank() {
    assertThatThrownBy(() -> read("  \n "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is blank");
  }

  @Test
  void readOperation_openBraceOnly_throwsCutShort() {
    assertThatThrownBy(() -> read("{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut short")
        .hasMessageContaining("line 1");
  }

  @Test
  void readOperation_array_throwsExpectedObject() {
    assertThatThrownBy(() -> read("[]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Operation JSON is invalid at the top level: expected a JSON object, got an array");
  }

  @Test
  void readOperation_null_throwsExpectedObject() {
    assertThatThrownBy(() -> read("null"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Operation JSON is invalid at the top level: expected a JSON object, got null");
  }

  @Test
  void readOperation_truncatedHalfway_throwsCutShort() {
    byte[] whole = Reference.bytes("operations/cancelled-wipe.json");
    byte[] half = Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> RestJson.readOperation(half))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Operation JSON is cut short")
        .hasMessageContaining("line ");
  }

  @Test
  void readOperation_html_throwsNotJson() {
    assertThatThrownBy(() -> read("<html><body>502</body></html>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Operation JSON is not valid JSON at line 1, column 1");
  }

  @Test
  void readOperation_trailingGarbage_throws() {
    assertThatThrownBy(() -> read("{\"name\":\"" + NAME + "\"} garbage"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void readOperation_secondValue_throwsTrailingContent() {
    assertThatThrownBy(() -> read("{\"name\":\"" + NAME + "\"}{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trailing content");
  }

  @Test
  void readOperation_doneNotBoolean_throwsNamingField() {
    assertThatThrownBy(() -> read("{\"name\":\"" + NAME + "\",\"done\":\"yes\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Operation JSON is invalid at /done: expected true or false, got the string \"yes\"");
  }

  @Test
  void readOperation_badName_throwsNamingTheRule() {
    assertThatThrownBy(() -> read("{\"name\":\"enterprises/e/devices/d/operations/../x\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Operation JSON is invalid at /name: ")
        .hasMessageContaining("enterprises/e/devices/d/operations/../x");
  }

  @Test
  void readOperation_nameNotString_throws() {
    assertThatThrownBy(() -> read("{\"name\":5}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Operation JSON is invalid at /name: expected a string, got the number 5");
  }

  @Test
  void readOperation_noName_throws() {
    assertThatThrownBy(() -> read("{\"done\":true}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no \"name\"");
  }

  @Test
  void readOperation_badDuration_throwsNamingPath() {
    assertThatThrownBy(() -> withMetadata("\"type\":\"LOCK\",\"duration\":\"10 minutes\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/metadata/duration")
        .hasMessageContaining("protobuf Duration")
        .hasMessageContaining("\"10 minutes\"");
  }

  @Test
  void readOperation_badCreateTime_throwsNamingPath() {
    assertThatThrownBy(() -> withMetadata("\"createTime\":\"yesterday\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/metadata/createTime")
        .hasMessageContaining("RFC 3339");
  }

  @Test
  void readOperation_metadataNotObject_throws() {
    assertThatThrownBy(() -> read("{\"name\":\"" + NAME + "\",\"metadata\":[]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/metadata: expected a JSON object, got an array");
  }

  @Test
  void readOperation_detailsNotArray_throws() {
    assertThatThrownBy(() -> read("{\"name\":\"" + NAME + "\",\"error\":{\"details\":{}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/error/details");
  }

  @Test
  void readOperation_duplicateField_throws() {
    assertThatThrownBy(() -> read("{\"name\":\"" + NAME + "\",\"done\":true,\"done\":false}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"done\" twice");
  }

  @Test
  void readOperation_tooDeep_throwsReadingLimit() {
    String deep = "[".repeat(200) + "]".repeat(200);

    assertThatThrownBy(() -> read("{\"name\":\"" + NAME + "\",\"x\":" + deep + "}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reading limit");
  }

  @Test
  void readOperation_notUtf8_throwsIllegalArgument() {
    byte[] body = {'{', '"', 'n', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};

    assertThatThrownBy(() -> RestJson.readOperation(body))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- error details in operations ------------------------------------------------------------

  @Test
  void readOperation_retryInfoDetail_decoded() {
    Operation operation =
        read(
            "{\"name\":\""
                + NAME
                + "\",\"error\":{\"code\":14,\"details\":[{\"@type\":\""
                + ErrorDetail.RETRY_INFO
                + "\",\"retryDelay\":\"1.5s\"}]}}");

    ErrorDetail.RetryInfo retry =
        operation.error().orElseThrow().detail(ErrorDetail.RetryInfo.class).orElseThrow();
    assertThat(retry.retryDelay()).isEqualTo(Duration.ofMillis(1500));
    assertThat(retry.json())
        .isEqualTo("{\"@type\":\"" + ErrorDetail.RETRY_INFO + "\",\"retryDelay\":\"1.5s\"}");
  }

  @Test
  void readOperation_retryInfoWithBadDelay_keptAsUnknown() {
    String detail = "{\"@type\":\"" + ErrorDetail.RETRY_INFO + "\",\"retryDelay\":\"soon\"}";
    Operation operation =
        read("{\"name\":\"" + NAME + "\",\"error\":{\"code\":14,\"details\":[" + detail + "]}}");

    assertThat(operation.error().orElseThrow().details())
        .containsExactly(new ErrorDetail.Unknown(ErrorDetail.RETRY_INFO, detail));
  }

  @Test
  void readOperation_unknownDetailType_keptAsUnknown() {
    String detail = "{\"@type\":\"type.example.com/Whatever\",\"k\":[1]}";
    Operation operation =
        read("{\"name\":\"" + NAME + "\",\"error\":{\"code\":2,\"details\":[" + detail + "]}}");

    assertThat(operation.error().orElseThrow().details())
        .containsExactly(new ErrorDetail.Unknown("type.example.com/Whatever", detail));
  }

  @Test
  void readOperation_detailNotObject_keptAsUnknownWithoutType() {
    Operation operation =
        read("{\"name\":\"" + NAME + "\",\"error\":{\"code\":2,\"details\":[\"text\"]}}");

    assertThat(operation.error().orElseThrow().details())
        .containsExactly(new ErrorDetail.Unknown("", "\"text\""));
  }

  @Test
  void writeStatus_detailsBuiltWithoutJson_readBackAsSameValues() {
    Status status =
        Status.of(
            Code.RESOURCE_EXHAUSTED,
            "slow down",
            List.of(
                new ErrorDetail.ErrorInfo("R", "d.example.com", Map.of("k", "v"), ""),
                new ErrorDetail.QuotaFailure(
                    List.of(new ErrorDetail.QuotaFailure.Violation("s", "d")), ""),
                new ErrorDetail.BadRequest(
                    List.of(new ErrorDetail.BadRequest.FieldViolation("f", "d")), ""),
                new ErrorDetail.Help(List.of(new ErrorDetail.Help.Link("d", "https://x")), "")));
    Operation operation =
        Operation.builder(OperationName.parse(NAME))
            .result(new OperationResult.Failed(status))
            .build();

    List<ErrorDetail> details = roundTrip(operation).error().orElseThrow().details();

    assertThat(details).hasSize(4);
    assertThat(details.get(0))
        .isInstanceOfSatisfying(
            ErrorDetail.ErrorInfo.class,
            info -> assertThat(info.metadata()).containsExactly(Map.entry("k", "v")));
    assertThat(details.get(1))
        .isInstanceOfSatisfying(
            ErrorDetail.QuotaFailure.class,
            quota ->
                assertThat(quota.violations())
                    .isEqualTo(List.of(new ErrorDetail.QuotaFailure.Violation("s", "d"))));
    assertThat(details.get(2))
        .isInstanceOfSatisfying(
            ErrorDetail.BadRequest.class,
            bad ->
                assertThat(bad.fieldViolations())
                    .isEqualTo(List.of(new ErrorDetail.BadRequest.FieldViolation("f", "d"))));
    assertThat(details.get(3))
        .isInstanceOfSatisfying(
            ErrorDetail.Help.class,
            help ->
                assertThat(help.links())
                    .isEqualTo(List.of(new ErrorDetail.Help.Link("d", "https://x"))));
  }
}
