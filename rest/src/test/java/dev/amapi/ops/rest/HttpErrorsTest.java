package dev.amapi.ops.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Status;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpErrorsTest {

  private static Status reference(int httpStatus, String file) {
    return HttpErrors.statusOf(httpStatus, Reference.bytes("errors/" + file), false);
  }

  private static Status body(int httpStatus, String body) {
    return HttpErrors.statusOf(httpStatus, body.getBytes(UTF_8), false);
  }

  // --- reference/errors -----------------------------------------------------------------------

  @Test
  void statusOf_400LegacyErrors_invalidArgumentWithBadRequest() {
    Status status = reference(400, "400-invalid-argument-legacy-errors.json");

    assertThat(status.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(status.message()).isEqualTo("Request contains an invalid argument.");
    assertThat(status.details()).hasSize(1);
    ErrorDetail.BadRequest badRequest = status.detail(ErrorDetail.BadRequest.class).orElseThrow();
    assertThat(badRequest.fieldViolations())
        .containsExactly(
            new ErrorDetail.BadRequest.FieldViolation(
                "page_size", "page_size must not be negative"));
    assertThat(badRequest.json()).startsWith("{\"@type\":\"" + ErrorDetail.BAD_REQUEST + "\"");
  }

  @Test
  void statusOf_400LegacyErrors_keepsLegacyErrorsEntry() {
    Status status = reference(400, "400-invalid-argument-legacy-errors.json");

    assertThat(status.legacyErrors())
        .containsExactly(
            new Status.LegacyError(
                "Request contains an invalid argument.", "global", "badRequest", "", ""));
  }

  @Test
  void statusOf_401_unauthenticatedWithErrorInfo() {
    Status status = reference(401, "401-unauthenticated.json");

    assertThat(status.code()).isEqualTo(Code.UNAUTHENTICATED);
    assertThat(status.message()).startsWith("Request had invalid authentication credentials.");
    ErrorDetail.ErrorInfo info = status.detail(ErrorDetail.ErrorInfo.class).orElseThrow();
    assertThat(info.reason()).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    assertThat(info.domain()).isEqualTo("googleapis.com");
    assertThat(info.metadata())
        .containsOnly(
            Map.entry("service", "androidmanagement.googleapis.com"),
            Map.entry(
                "method",
                "google.android.devicemanagement.v1.AndroidDeviceService.CancelOperation"));
  }

  @Test
  void statusOf_403_permissionDeniedWithErrorInfoAndHelp() {
    Status status = reference(403, "403-permission-denied.json");

    assertThat(status.code()).isEqualTo(Code.PERMISSION_DENIED);
    assertThat(status.message()).isEqualTo("The caller does not have permission");
    assertThat(status.details())
        .hasExactlyElementsOfTypes(ErrorDetail.ErrorInfo.class, ErrorDetail.Help.class);
    ErrorDetail.ErrorInfo info = status.detail(ErrorDetail.ErrorInfo.class).orElseThrow();
    assertThat(info.reason()).isEqualTo("IAM_PERMISSION_DENIED");
    assertThat(info.metadata())
        .containsEntry("permission", "androidmanagement.enterprises.manage")
        .containsEntry("resource", "enterprises/LC03k6enk8");
    assertThat(status.detail(ErrorDetail.Help.class).orElseThrow().links())
        .containsExactly(
            new ErrorDetail.Help.Link(
                "Android Management API access",
                "https://developers.google.com/android/management/service-account"));
  }

  @Test
  void statusOf_404_notFoundWithErrorInfo() {
    Status status = reference(404, "404-not-found.json");

    assertThat(status.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(status.message()).isEqualTo("Requested entity was not found.");
    ErrorDetail.ErrorInfo info = status.detail(ErrorDetail.ErrorInfo.class).orElseThrow();
    assertThat(info.reason()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(info.domain()).isEqualTo("androidmanagement.googleapis.com");
    assertThat(status.legacyErrors()).isEmpty();
  }

  @Test
  void statusOf_429_resourceExhaustedWithAllFourDetails() {
    Status status = reference(429, "429-resource-exhausted.json");

    assertThat(status.code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(status.message()).startsWith("Quota exceeded for quota metric 'Requests'");
    assertThat(status.details())
        .hasExactlyElementsOfTypes(
            ErrorDetail.ErrorInfo.class,
            ErrorDetail.QuotaFailure.class,
            ErrorDetail.RetryInfo.class,
            ErrorDetail.Help.class);
  }

  @Test
  void statusOf_429_retryInfoIsTwoAndAHalfSeconds() {
    Status status = reference(429, "429-resource-exhausted.json");

    ErrorDetail.RetryInfo retry = status.detail(ErrorDetail.RetryInfo.class).orElseThrow();
    assertThat(retry.retryDelay()).isEqualTo(Duration.ofMillis(2500));
    assertThat(retry.json())
        .isEqualTo("{\"@type\":\"" + ErrorDetail.RETRY_INFO + "\",\"retryDelay\":\"2.500s\"}");
  }

  @Test
  void statusOf_429_quotaFailureSubject() {
    Status status = reference(429, "429-resource-exhausted.json");

    assertThat(status.detail(ErrorDetail.QuotaFailure.class).orElseThrow().violations())
        .containsExactly(
            new ErrorDetail.QuotaFailure.Violation(
                "project_number:123456789012", "Requests per minute"));
  }

  @Test
  void statusOf_429_errorInfoMetadataAndHelpUrl() {
    Status status = reference(429, "429-resource-exhausted.json");

    ErrorDetail.ErrorInfo info = status.detail(ErrorDetail.ErrorInfo.class).orElseThrow();
    assertThat(info.reason()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(info.metadata()).hasSize(5).containsEntry("quota_limit_value", "1000");
    assertThat(status.detail(ErrorDetail.Help.class).orElseThrow().links().get(0).url())
        .isEqualTo("https://cloud.google.com/docs/quota#requesting_higher_quota");
  }

  @Test
  void statusOf_500EmptyMessage_internalWithEmptyMessage() {
    assertThat(reference(500, "500-empty-message.json")).isEqualTo(Status.of(Code.INTERNAL, ""));
  }

  @Test
  void statusOf_501_unimplemented() {
    assertThat(reference(501, "501-unimplemented.json"))
        .isEqualTo(
            Status.of(
                Code.UNIMPLEMENTED, "Operation cancellation is not supported for this operation."));
  }

  @Test
  void statusOf_503_unavailable() {
    assertThat(reference(503, "503-unavailable.json"))
        .isEqualTo(Status.of(Code.UNAVAILABLE, "The service is currently unavailable."));
  }

  @Test
  void statusOf_502ProxyHtml_unavailableWithReadableExcerpt() {
    Status status = reference(502, "502-proxy-html.txt");

    assertThat(status.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(status.message())
        .isEqualTo(
            "HTTP 502 with a non-JSON body: \"Error 502 (Server Error)!!1 502. That's an error."
                + " The server encountered a temporary error and could not complete your request."
                + " Please try again in 30 seconds. That's all we know.\"");
  }

  @Test
  void statusOf_502ProxyHtml_messageHasNoTagsOrNewlines() {
    Status status = reference(502, "502-proxy-html.txt");

    assertThat(status.message()).contains("temporary error").doesNotContain("<", "\n");
    assertThat(status.details()).isEmpty();
  }

  // --- envelope rules -------------------------------------------------------------------------

  @Test
  void statusOf_envelopeWithoutStatus_codeFromHttpStatus() {
    assertThat(body(404, "{\"error\":{\"code\":404,\"message\":\"m\"}}"))
        .isEqualTo(Status.of(Code.NOT_FOUND, "m"));
  }

  @Test
  void statusOf_envelopeWithUnknownStatusName_codeFromHttpStatus() {
    assertThat(body(503, "{\"error\":{\"message\":\"m\",\"status\":\"OVERLOADED\"}}").code())
        .isEqualTo(Code.UNAVAILABLE);
  }

  @Test
  void statusOf_envelopeWithUnknownStatusName_keepsTheNameAndWritesItBack() {
    String sent = "{\"error\":{\"code\":503,\"message\":\"m\",\"status\":\"SOME_NEW_STATUS\"}}";

    Status status = body(503, sent);

    assertThat(status.unknownStatus()).contains("SOME_NEW_STATUS");
    assertThat(status.otherFields()).isEmpty();
    byte[] written = RestJson.writeErrorEnvelope(status, 503);
    assertThat(new String(written, UTF_8)).isEqualTo(sent);
    assertThat(HttpErrors.statusOf(503, written, false)).isEqualTo(status);
  }

  @Test
  void statusOf_statusNameNotShapedLikeOne_keptRawAndWrittenBack() {
    Status status = body(500, "{\"error\":{\"message\":\"m\",\"status\":\"not an enum\"}}");

    assertThat(status.code()).isEqualTo(Code.INTERNAL);
    assertThat(status.unknownStatus()).isEmpty();
    assertThat(status.otherFields()).containsExactly(Map.entry("status", "\"not an enum\""));
    byte[] written = RestJson.writeErrorEnvelope(status, 500);
    assertThat(new String(written, UTF_8)).contains("\"status\":\"not an enum\"");
    assertThat(HttpErrors.statusOf(500, written, false)).isEqualTo(status);
  }

  @Test
  void statusOf_knownStatusName_isTheCodeAndNotKeptTwice() {
    Status status = body(404, "{\"error\":{\"status\":\"NOT_FOUND\"}}");

    assertThat(status.unknownStatus()).isEmpty();
    assertThat(status.otherFields()).isEmpty();
  }

  @Test
  void statusOf_unknownFieldsInTheErrorObject_keptInOrderAndWrittenBack() {
    Status status =
        body(
            400,
            "{\"error\":{\"zeta\":{\"why\":[1,2.50]},\"code\":400,\"message\":\"bad\","
                + "\"status\":\"INVALID_ARGUMENT\",\"alpha\":null}}");

    assertThat(status.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(status.otherFields())
        .containsExactly(Map.entry("zeta", "{\"why\":[1,2.50]}"), Map.entry("alpha", "null"));
    byte[] written = RestJson.writeErrorEnvelope(status, 400);
    assertThat(new String(written, UTF_8))
        .isEqualTo(
            "{\"error\":{\"code\":400,\"message\":\"bad\",\"status\":\"INVALID_ARGUMENT\","
                + "\"zeta\":{\"why\":[1,2.50]},\"alpha\":null}}");
    assertThat(HttpErrors.statusOf(400, written, false)).isEqualTo(status);
  }

  @Test
  void writeErrorEnvelope_otherFieldsNamedLikeModelledFields_modelledFieldsWin() {
    Status status =
        Status.of(Code.NOT_FOUND, "gone")
            .withOtherField("code", "1")
            .withOtherField("status", "\"ABORTED\"")
            .withOtherField("errors", "[]");

    assertThat(new String(RestJson.writeErrorEnvelope(status, 404), UTF_8))
        .isEqualTo("{\"error\":{\"code\":404,\"message\":\"gone\",\"status\":\"NOT_FOUND\"}}");
  }

  @Test
  void statusOf_statusNameDiffersFromHttp_nameWins() {
    assertThat(body(400, "{\"error\":{\"status\":\"FAILED_PRECONDITION\"}}").code())
        .isEqualTo(Code.FAILED_PRECONDITION);
  }

  @Test
  void statusOf_unknownDetailType_keptAsUnknown() {
    String detail = "{\"@type\":\"type.googleapis.com/google.rpc.DebugInfo\",\"detail\":\"x\"}";

    assertThat(
            body(500, "{\"error\":{\"status\":\"INTERNAL\",\"details\":[" + detail + "]}}")
                .details())
        .containsExactly(
            new ErrorDetail.Unknown("type.googleapis.com/google.rpc.DebugInfo", detail));
  }

  @Test
  void statusOf_errorInfoWithNonStringMetadata_keptAsUnknown() {
    String detail = "{\"@type\":\"" + ErrorDetail.ERROR_INFO + "\",\"metadata\":{\"n\":1}}";

    assertThat(body(500, "{\"error\":{\"details\":[" + detail + "]}}").details())
        .containsExactly(new ErrorDetail.Unknown(ErrorDetail.ERROR_INFO, detail));
  }

  @Test
  void statusOf_detailWithoutFields_emptyStrings() {
    String detail = "{\"@type\":\"" + ErrorDetail.ERROR_INFO + "\"}";

    assertThat(body(500, "{\"error\":{\"details\":[" + detail + "]}}").details())
        .containsExactly(new ErrorDetail.ErrorInfo("", "", Map.of(), detail));
  }

  @Test
  void statusOf_retryInfoWithoutDelay_zero() {
    String detail = "{\"@type\":\"" + ErrorDetail.RETRY_INFO + "\"}";

    assertThat(body(503, "{\"error\":{\"details\":[" + detail + "]}}").details())
        .containsExactly(new ErrorDetail.RetryInfo(Duration.ZERO, detail));
  }

  // --- bodies that are not the envelope -------------------------------------------------------

  @Test
  void statusOf_emptyBody_saysEmpty() {
    assertThat(HttpErrors.statusOf(503, new byte[0], false))
        .isEqualTo(Status.of(Code.UNAVAILABLE, "HTTP 503 with an empty body"));
  }

  @Test
  void statusOf_blankBody_saysEmpty() {
    assertThat(body(404, " \r\n"))
        .isEqualTo(Status.of(Code.NOT_FOUND, "HTTP 404 with an empty body"));
  }

  @Test
  void statusOf_nullBody_saysEmpty() {
    assertThat(HttpErrors.statusOf(500, null, false))
        .isEqualTo(Status.of(Code.INTERNAL, "HTTP 500 with an empty body"));
  }

  @Test
  void statusOf_plainText_nonJsonWithExcerpt() {
    assertThat(body(429, "Too Many Requests"))
        .isEqualTo(
            Status.of(
                Code.RESOURCE_EXHAUSTED, "HTTP 429 with a non-JSON body: \"Too Many Requests\""));
  }

  @Test
  void statusOf_jsonOfAnotherShape_saysNotEnvelope() {
    assertThat(body(400, "{\"error\":\"invalid_grant\"}"))
        .isEqualTo(
            Status.of(
                Code.INVALID_ARGUMENT,
                "HTTP 400 with a JSON body that is not Google's error envelope:"
                    + " \"{\"error\":\"invalid_grant\"}\""));
  }

  @Test
  void statusOf_jsonArray_saysNotEnvelope() {
    assertThat(body(500, "[1,2]").message()).contains("not Google's error envelope");
  }

  @Test
  void statusOf_envelopeCutShort_saysCutShort() {
    byte[] whole = Reference.bytes("errors/404-not-found.json");
    byte[] half = Arrays.copyOf(whole, 60);

    Status status = HttpErrors.statusOf(404, half, false);

    assertThat(status.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(status.message())
        .startsWith("HTTP 404 with a JSON body cut short: \"{ \"error\": {")
        .doesNotContain("\n");
  }

  @Test
  void statusOf_truncatedFlag_saysTooLargeEvenIfParseable() {
    Status status = HttpErrors.statusOf(500, "{\"error\":{}}".getBytes(UTF_8), true);

    assertThat(status)
        .isEqualTo(
            Status.of(
                Code.INTERNAL,
                "HTTP 500 with a body too large to read (over 12 bytes): \"{\"error\":{}}\""));
  }

  @Test
  void statusOf_trailingGarbageAfterEnvelope_nonJson() {
    Status status = body(404, "{\"error\":{\"status\":\"NOT_FOUND\"}} <!-- proxy -->");

    assertThat(status.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(status.message()).startsWith("HTTP 404 with a non-JSON body: ");
  }

  @Test
  void statusOf_unknownHttpStatusAndHtml_mapsByClass() {
    assertThat(body(418, "<p>I'm a teapot</p>"))
        .isEqualTo(
            Status.of(Code.FAILED_PRECONDITION, "HTTP 418 with a non-JSON body: \"I'm a teapot\""));
  }

  // --- writeErrorEnvelope round trip -----------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "400, 400-invalid-argument-legacy-errors.json",
    "401, 401-unauthenticated.json",
    "403, 403-permission-denied.json",
    "404, 404-not-found.json",
    "429, 429-resource-exhausted.json",
    "500, 500-empty-message.json",
    "501, 501-unimplemented.json",
    "503, 503-unavailable.json"
  })
  void writeErrorEnvelope_referenceError_roundTrips(int httpStatus, String file) {
    Status status = reference(httpStatus, file);

    byte[] envelope = RestJson.writeErrorEnvelope(status, httpStatus);

    assertThat(HttpErrors.statusOf(httpStatus, envelope, false)).isEqualTo(status);
  }

  @Test
  void writeErrorEnvelope_writesGoogleShape() {
    Status status =
        new Status(
            Code.NOT_FOUND,
            "gone",
            List.of(),
            List.of(new Status.LegacyError("gone", "global", "notFound", "", "")));

    assertThat(new String(RestJson.writeErrorEnvelope(status, 404), UTF_8))
        .isEqualTo(
            "{\"error\":{\"code\":404,\"message\":\"gone\",\"status\":\"NOT_FOUND\","
                + "\"errors\":[{\"message\":\"gone\",\"domain\":\"global\",\"reason\":\"notFound\"}]}}");
  }

  @Test
  void writeErrorEnvelope_detailBuiltWithoutJson_readBackTyped() {
    Status status =
        Status.of(
            Code.UNAVAILABLE,
            "later",
            List.of(new ErrorDetail.RetryInfo(Duration.ofSeconds(3), "")));

    Status read = HttpErrors.statusOf(503, RestJson.writeErrorEnvelope(status, 503), false);

    assertThat(read.detail(ErrorDetail.RetryInfo.class).orElseThrow().retryDelay())
        .isEqualTo(Duration.ofSeconds(3));
  }

  // --- excerpt --------------------------------------------------------------------------------

  @Test
  void excerpt_longBody_cutTo200WithEllipsis() {
    String excerpt = HttpErrors.excerpt("x".repeat(1000).getBytes(UTF_8));

    assertThat(excerpt).isEqualTo("x".repeat(200) + "...");
  }

  @Test
  void excerpt_controlCharacters_replacedAndCollapsed() {
    assertThat(HttpErrors.excerpt("a\u0000\u0007b\tc\r\n\u202Ed".getBytes(UTF_8)))
        .isEqualTo("a b c d");
  }

  @Test
  void excerpt_htmlScriptAndStyle_dropped() {
    String html =
        "<html><head><style>p{color:red}</style><SCRIPT>var a = 1 < 2;</SCRIPT></head>"
            + "<body><!-- note > x --><h1>Bad&nbsp;Gateway</h1> &amp; more</body></html>";

    assertThat(HttpErrors.excerpt(html.getBytes(UTF_8))).isEqualTo("Bad Gateway & more");
  }

  @Test
  void excerpt_invalidUtf8_doesNotThrow() {
    byte[] body = {(byte) 0xFF, (byte) 0xFE, 'o', 'k'};

    assertThat(HttpErrors.excerpt(body)).endsWith("ok");
  }

  @Test
  void excerpt_empty_isEmpty() {
    assertThat(HttpErrors.excerpt(new byte[0])).isEmpty();
  }

  @Test
  void oneLine_turnsControlFormatAndLoneSurrogatesIntoSingleSpaces() {
    assertThat(HttpErrors.oneLine("  a\u001b]0;x\u0007b\r\n\u202ec\uD800d \u2028 e😀  "))
        .isEqualTo("a ]0;x b c d e😀");
  }
}
