package dev.amapi.ops.testkit;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.rest.WireFormat;
import java.util.List;
import java.util.Map;

/** The error statuses the fakes answer with, shaped like the ones Google's servers send. */
final class FakeStatuses {
  static final String SERVICE = "androidmanagement.googleapis.com";
  static final String METHOD_PREFIX = "google.android.devicemanagement.v1.AndroidDeviceService.";

  private FakeStatuses() {}

  /** Returns the API's answer for an operation that does not exist, for {@code method}. */
  static Status notFound(String method) {
    Map<String, String> metadata = Map.of("service", SERVICE, "method", METHOD_PREFIX + method);
    return Status.of(
        Code.NOT_FOUND,
        "Requested entity was not found.",
        List.of(errorInfo("RESOURCE_NOT_FOUND", SERVICE, metadata)));
  }

  /** Returns an {@code INVALID_ARGUMENT} status naming the request field that was wrong. */
  static Status invalidArgument(String message, String field, String description) {
    return Status.of(Code.INVALID_ARGUMENT, message, List.of(badRequest(field, description)));
  }

  /** Returns the answer for a request without a usable OAuth 2 bearer token. */
  static Status unauthenticated(String method) {
    Map<String, String> metadata = Map.of("service", SERVICE, "method", METHOD_PREFIX + method);
    return Status.of(
        Code.UNAUTHENTICATED,
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login"
            + " cookie or other valid authentication credential. See"
            + " https://developers.google.com/identity/sign-in/web/devconsole-project.",
        List.of(errorInfo("ACCESS_TOKEN_TYPE_UNSUPPORTED", "googleapis.com", metadata)));
  }

  /** Quotes input in messages without letting control characters or long text through. */
  static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && i < 120; i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : c);
    }
    return s.length() > 120 ? out + "..." : out.toString();
  }

  static ErrorDetail.ErrorInfo errorInfo(
      String reason, String domain, Map<String, String> metadata) {
    String json = WireFormat.detailJson(new ErrorDetail.ErrorInfo(reason, domain, metadata, ""));
    return new ErrorDetail.ErrorInfo(reason, domain, metadata, json);
  }

  static ErrorDetail.BadRequest badRequest(String field, String description) {
    List<ErrorDetail.BadRequest.FieldViolation> violations =
        List.of(new ErrorDetail.BadRequest.FieldViolation(field, description));
    String json = WireFormat.detailJson(new ErrorDetail.BadRequest(violations, ""));
    return new ErrorDetail.BadRequest(violations, json);
  }
}
