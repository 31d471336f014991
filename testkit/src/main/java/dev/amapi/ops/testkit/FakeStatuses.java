package dev.amapi.ops.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The error statuses the fakes answer with, shaped like the ones Google's servers send. */
final class FakeStatuses {
  static final String SERVICE = "androidmanagement.googleapis.com";
  static final String METHOD_PREFIX = "google.android.devicemanagement.v1.AndroidDeviceService.";

  private static final JsonFactory JSON = new JsonFactory();

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
    String json =
        write(
            out -> {
              out.writeStringField("@type", ErrorDetail.ERROR_INFO);
              out.writeStringField("reason", reason);
              out.writeStringField("domain", domain);
              out.writeObjectFieldStart("metadata");
              // Sorted, so that the JSON is the same on every run.
              for (String key : metadata.keySet().stream().sorted().toList()) {
                out.writeStringField(key, metadata.get(key));
              }
              out.writeEndObject();
            });
    return new ErrorDetail.ErrorInfo(reason, domain, metadata, json);
  }

  static ErrorDetail.BadRequest badRequest(String field, String description) {
    String json =
        write(
            out -> {
              out.writeStringField("@type", ErrorDetail.BAD_REQUEST);
              out.writeArrayFieldStart("fieldViolations");
              out.writeStartObject();
              out.writeStringField("field", field);
              out.writeStringField("description", description);
              out.writeEndObject();
              out.writeEndArray();
            });
    return new ErrorDetail.BadRequest(
        List.of(new ErrorDetail.BadRequest.FieldViolation(field, description)), json);
  }

  private interface Fields {
    void write(JsonGenerator out) throws IOException;
  }

  private static String write(Fields fields) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.writeStartObject();
      fields.write(out);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to a StringWriter", e);
    }
    return text.toString();
  }
}
