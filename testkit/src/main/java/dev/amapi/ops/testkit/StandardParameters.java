package dev.amapi.ops.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The standard query parameters of the discovery document's top-level {@code parameters}, read and
 * checked as Google's front end does, and what they do to an answer's body: {@code prettyPrint}
 * (true by default, as at Google), {@code fields} (a partial response), {@code callback} (JSONP),
 * {@code access_token}/{@code oauth_token} (a bearer token in the query). {@code $.xgafv}, {@code
 * alt=json}, {@code key}, {@code quotaUser}, {@code upload_protocol} and {@code uploadType} are
 * accepted and otherwise ignored.
 */
final class StandardParameters {
  static final String JSONP_CONTENT_TYPE = "text/javascript; charset=UTF-8";

  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,127}");
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  /** What an answer uses when the query could not be read: Google's defaults. */
  static final StandardParameters DEFAULTS = new StandardParameters(true, null, "", "");

  private final boolean prettyPrint;
  private final @Nullable FieldSelection fields;
  private final String callback;
  private final String queryToken;

  private StandardParameters(
      boolean prettyPrint, @Nullable FieldSelection fields, String callback, String queryToken) {
    this.prettyPrint = prettyPrint;
    this.fields = fields;
    this.callback = callback;
    this.queryToken = queryToken;
  }

  /**
   * Reads the standard parameters of a decoded query.
   *
   * @throws AmapiException with {@code INVALID_ARGUMENT} for a value Google refuses, with {@code
   *     UNIMPLEMENTED} for {@code alt=media} or {@code alt=proto}, which the fake does not speak
   */
  static StandardParameters of(Map<String, List<String>> parameters) {
    String xgafv = Query.first(parameters, "$.xgafv");
    if (parameters.containsKey("$.xgafv") && !xgafv.equals("1") && !xgafv.equals("2")) {
      throw invalidValue("$.xgafv", "TYPE_ENUM", xgafv);
    }
    String alt = Query.first(parameters, "alt");
    if (parameters.containsKey("alt")) {
      switch (alt) {
        case "json" -> {}
        case "media", "proto" ->
            throw new AmapiException(
                Status.of(
                    Code.UNIMPLEMENTED,
                    "alt=" + alt + " is not supported by FakeAmapiServer: it answers JSON only."),
                Code.UNIMPLEMENTED.httpStatus());
        default -> throw invalidValue("alt", "TYPE_ENUM", alt);
      }
    }
    boolean pretty = true;
    if (parameters.containsKey("prettyPrint")) {
      String value = Query.first(parameters, "prettyPrint");
      pretty =
          switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalidValue("prettyPrint", "TYPE_BOOL", value);
          };
    }
    FieldSelection fields = null;
    if (parameters.containsKey("fields")) {
      String value = Query.first(parameters, "fields");
      fields = value.isEmpty() ? null : FieldSelection.parse(value);
    }
    String callback = Query.first(parameters, "callback");
    if (parameters.containsKey("callback") && !CALLBACK.matcher(callback).matches()) {
      throw invalidValue("callback", "TYPE_STRING", callback);
    }
    String token = Query.first(parameters, "access_token", "oauth_token");
    return new StandardParameters(pretty, fields, callback, token);
  }

  /** Returns the bearer token the query carries ({@code access_token}, {@code oauth_token}). */
  String queryToken() {
    return queryToken;
  }

  /**
   * Checks the {@code fields} selection, if any, against the answer's message.
   *
   * @throws AmapiException with {@code INVALID_ARGUMENT} for a field the message does not have
   */
  void checkFields(FieldSelection.Shape shape) {
    if (fields != null) {
      fields.check(shape);
    }
  }

  /** Returns a successful answer's body: selected, printed, wrapped as asked. */
  byte[] success(byte[] json) {
    byte[] selected = fields == null ? json : fields.apply(json);
    return wrap(print(selected));
  }

  /** Returns an error answer's body: printed and wrapped as asked, never cut by {@code fields}. */
  byte[] error(byte[] json) {
    return wrap(print(json));
  }

  /** Returns the content type of this answer: JSON, or JavaScript for JSONP. */
  String contentType() {
    return callback.isEmpty() ? FakeResponse.JSON_CONTENT_TYPE : JSONP_CONTENT_TYPE;
  }

  private byte[] print(byte[] json) {
    if (!prettyPrint) {
      return json;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length * 2);
    try (JsonParser parser = JSON.createParser(json);
        JsonGenerator generator = JSON.createGenerator(out)) {
      generator.setPrettyPrinter(PRETTY);
      while (parser.nextToken() != null) {
        generator.copyCurrentEvent(parser);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private byte[] wrap(byte[] json) {
    if (callback.isEmpty()) {
      return json;
    }
    String text = new String(json, StandardCharsets.UTF_8).stripTrailing();
    return ("// API callback\n" + callback + "(" + text + ");").getBytes(StandardCharsets.UTF_8);
  }

  private static AmapiException invalidValue(String name, String type, String value) {
    String message =
        "Invalid value at '" + name + "' (" + type + "), \"" + FakeStatuses.printable(value) + "\"";
    return new AmapiException(
        FakeStatuses.invalidArgument(message, name, message), Code.INVALID_ARGUMENT.httpStatus());
  }
}
