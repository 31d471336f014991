package dev.amapi.ops.testkit;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Reads a request's query parameters the way Google's REST front end does, strictly. */
final class Query {
  /** Parameters every Google REST method accepts; the fake ignores them. */
  private static final Set<String> SYSTEM_PARAMETERS =
      Set.of(
          "$.xgafv",
          "access_token",
          "oauth_token",
          "alt",
          "callback",
          "fields",
          "key",
          "prettyPrint",
          "quotaUser",
          "upload_protocol",
          "uploadType");

  private Query() {}

  /**
   * Returns the decoded parameters of a raw query, in order.
   *
   * @throws AmapiException with {@code INVALID_ARGUMENT} for a malformed escape
   */
  static Map<String, List<String>> parse(String rawQuery) {
    return split(rawQuery, Query::decode);
  }

  /**
   * Splits {@code name=value&...} (a query, or a form body) into names and values, in order, each
   * passed through {@code decode}. Empty pairs are skipped; a name without {@code =} has value "".
   */
  static Map<String, List<String>> split(String raw, UnaryOperator<String> decode) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode.apply(eq < 0 ? pair : pair.substring(0, eq));
      String value = decode.apply(eq < 0 ? "" : pair.substring(eq + 1));
      out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /**
   * Checks every parameter is one of {@code allowed} or a system parameter.
   *
   * @throws AmapiException with {@code INVALID_ARGUMENT}, worded as Google words it
   */
  static void checkNames(Map<String, List<String>> parameters, Set<String> allowed) {
    for (String name : parameters.keySet()) {
      if (!allowed.contains(name) && !SYSTEM_PARAMETERS.contains(name)) {
        throw invalid(
            "Invalid JSON payload received. Unknown name \""
                + FakeStatuses.printable(name)
                + "\": Cannot bind query parameter. Field '"
                + FakeStatuses.printable(name)
                + "' could not be found in request message.",
            name,
            "unknown query parameter");
      }
    }
  }

  /** Returns the first value of the first of {@code names} present; empty when none is. */
  static String first(Map<String, List<String>> parameters, String... names) {
    for (String name : names) {
      List<String> values = parameters.get(name);
      if (values != null && !values.isEmpty()) {
        return values.get(0);
      }
    }
    return "";
  }

  /**
   * Returns {@code pageSize} (or {@code page_size}); 0 when absent.
   *
   * @throws AmapiException with {@code INVALID_ARGUMENT} if it is not a non-negative int32
   */
  static int pageSize(Map<String, List<String>> parameters) {
    String value = first(parameters, "pageSize", "page_size");
    if (value.isEmpty()) {
      return 0;
    }
    int pageSize;
    try {
      pageSize = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(
          "Invalid value at 'page_size' (TYPE_INT32), \"" + FakeStatuses.printable(value) + "\"",
          "page_size",
          "Invalid value at 'page_size' (TYPE_INT32), \"" + FakeStatuses.printable(value) + "\"");
    }
    if (pageSize < 0) {
      throw invalid(
          "Request contains an invalid argument.", "page_size", "page_size must not be negative");
    }
    return pageSize;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "Invalid query string: malformed escape in \"" + FakeStatuses.printable(raw) + "\"",
          "query",
          "malformed escape");
    }
  }

  private static AmapiException invalid(String message, String field, String description) {
    return new AmapiException(
        FakeStatuses.invalidArgument(message, field, description),
        Code.INVALID_ARGUMENT.httpStatus());
  }
}
