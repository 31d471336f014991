package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One request a {@link FakeAmapiServer} received, as it arrived: method, raw path and query,
 * headers and body. Tests take them with {@link FakeAmapiServer#takeRequest} and assert on them.
 *
 * <p>Immutable and thread-safe. {@link #toString()} hides credentials ({@code Authorization}
 * values, an {@code access_token}, {@code oauth_token} or {@code key} query parameter), so a
 * failing assertion never prints a token.
 */
public final class RecordedRequest {
  private static final Set<String> SECRET_PARAMETERS = Set.of("access_token", "oauth_token", "key");
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "x-goog-api-key");

  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Instant time;

  RecordedRequest(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      byte[] body,
      Instant time) {
    this.time = requireNonNull(time, "time");
    this.method = requireNonNull(method, "method");
    this.path = requireNonNull(path, "path");
    this.query = requireNonNull(query, "query");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) ->
            copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.copyOf(values)));
    copy.replaceAll((name, values) -> List.copyOf(values));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body.clone();
  }

  /**
   * Returns the request method.
   *
   * @return the method as sent, such as {@code POST} for a cancel
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path as sent, still percent-escaped.
   *
   * @return the path without the query, such as {@code
   *     /v1/enterprises/e/devices/d/operations/a%3Ab:cancel}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the query as sent.
   *
   * @return the query still escaped and without the {@code ?}; empty when none
   */
  public String query() {
    return query;
  }

  /**
   * Returns the first value of the query parameter, decoded (form rules: {@code +} is a space), if
   * the request has it. A parameter sent without {@code =} has the empty value.
   *
   * @param name the parameter's name, such as {@code pageToken}
   * @return the decoded value, or empty if the query does not name the parameter
   */
  public Optional<String> queryParameter(String name) {
    requireNonNull(name, "name");
    List<String> values = queryParameters(query).get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the first value of the header, matched case-insensitively, if the request has it.
   *
   * @param name the header's name, such as {@code authorization}
   * @return the first value as received, or empty if the request did not carry the header
   */
  public Optional<String> header(String name) {
    requireNonNull(name, "name");
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns every header with its values in the order received; the map's keys match
   * case-insensitively. Unmodifiable.
   *
   * @return the headers, by name
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the request body.
   *
   * @return a fresh copy of the body's bytes; empty when there was none
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns when the server received the request, read from the server's clock: with a {@link
   * FakeClock}, the time the test has moved it to.
   *
   * @return the instant the request was recorded
   */
  public Instant time() {
    return time;
  }

  /**
   * Returns the values of the header as a journal may show them: the values of {@code
   * Authorization}, {@code Proxy-Authorization}, {@code Cookie} and {@code X-Goog-Api-Key} replaced
   * by {@code ***}, after the scheme when there is one ({@code Bearer ***}); others as received.
   *
   * @param name the header's name, matched case-insensitively
   * @return the values, credentials hidden; empty if the request did not carry the header
   */
  public List<String> redactedHeader(String name) {
    requireNonNull(name, "name");
    List<String> values = headers.getOrDefault(name, List.of());
    if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return values;
    }
    List<String> redacted = new ArrayList<>();
    for (String value : values) {
      int space = value.indexOf(' ');
      redacted.add(space < 0 ? "***" : value.substring(0, space) + " ***");
    }
    return List.copyOf(redacted);
  }

  /**
   * Returns the query as sent, with the values of {@code access_token}, {@code oauth_token} and
   * {@code key} replaced by {@code ***}.
   *
   * @return the query, still escaped, credentials hidden; empty when none
   */
  public String redactedQuery() {
    return redactQuery(query, "***");
  }

  /**
   * Returns the body decoded as UTF-8.
   *
   * @return the body as text; empty when there was none
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Returns the request line, headers and body size, with credentials replaced by {@code
   * <redacted>}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("RecordedRequest{").append(method).append(' ');
    out.append(path);
    if (!query.isEmpty()) {
      out.append('?').append(redactQuery(query, "<redacted>"));
    }
    out.append(", headers={");
    boolean first = true;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(header.getKey()).append('=');
      if (SECRET_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        List<String> redacted = new ArrayList<>();
        for (String value : header.getValue()) {
          redacted.add(redact(value));
        }
        out.append(redacted);
      } else {
        out.append(header.getValue());
      }
    }
    return out.append("}, body=").append(body.length).append(" bytes}").toString();
  }

  /** Splits a raw query into decoded names and values; a malformed escape is kept as sent. */
  static Map<String, List<String>> queryParameters(String rawQuery) {
    return new TreeMap<>(Query.split(rawQuery, RecordedRequest::decode));
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** Keeps the scheme ({@code Bearer}) so a test's failure still says what kind of credential. */
  private static String redact(String value) {
    int space = value.indexOf(' ');
    return space < 0 ? "<redacted>" : value.substring(0, space) + " <redacted>";
  }

  private static String redactQuery(String rawQuery, String mask) {
    StringBuilder out = new StringBuilder();
    for (String pair : rawQuery.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (eq >= 0 && SECRET_PARAMETERS.contains(name)) {
        out.append(name).append('=').append(mask);
      } else {
        out.append(pair);
      }
    }
    return out.toString();
  }
}
