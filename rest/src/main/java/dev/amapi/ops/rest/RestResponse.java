package dev.amapi.ops.rest;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP response as a transport hands it back to the binding.
 *
 * @param statusCode the HTTP status
 * @param headers header names to values; lookups with {@link #header(String)} ignore case
 * @param body the body bytes, at most the request's {@code maxResponseBytes}
 * @param truncated whether the body was longer than that and was cut
 */
public record RestResponse(
    int statusCode, Map<String, List<String>> headers, byte[] body, boolean truncated) {

  /** Validates and copies. */
  public RestResponse {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = java.util.Collections.unmodifiableMap(copy);
    requireNonNull(body, "body");
  }

  /** Returns the first value of the header, whatever the case of its name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public String toString() {
    return "RestResponse{"
        + statusCode
        + ", "
        + body.length
        + " bytes"
        + (truncated ? " (truncated)" : "")
        + ", body="
        + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8)
        + '}';
  }
}
