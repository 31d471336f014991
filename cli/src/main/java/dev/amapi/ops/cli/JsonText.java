package dev.amapi.ops.cli;

import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.rest.WireFormat;
import java.nio.charset.StandardCharsets;

/**
 * Builds the tool's small JSON documents around what {@link WireFormat} writes (operations,
 * statuses), so the wire format is written in one place and this class only joins members; string
 * escaping is {@link WireFormat#quote(String)}'s. Jackson belongs to {@code rest} and {@code
 * testkit} (an architecture rule), hence no generator here.
 */
final class JsonText {
  private final StringBuilder out = new StringBuilder();
  private boolean first = true;

  private JsonText(char open) {
    out.append(open);
  }

  static JsonText object() {
    return new JsonText('{');
  }

  static JsonText array() {
    return new JsonText('[');
  }

  JsonText string(String name, String value) {
    return raw(name, quote(value));
  }

  JsonText number(String name, long value) {
    return raw(name, Long.toString(value));
  }

  JsonText operation(String name, Operation operation) {
    return raw(name, new String(WireFormat.writeOperation(operation), StandardCharsets.UTF_8));
  }

  JsonText status(String name, Status status) {
    return raw(name, new String(WireFormat.writeStatus(status), StandardCharsets.UTF_8));
  }

  /** Adds a member whose value is already JSON. */
  JsonText raw(String name, String json) {
    separate();
    out.append(quote(name)).append(':').append(json);
    return this;
  }

  /** Adds an array element that is already JSON. */
  JsonText element(String json) {
    separate();
    out.append(json);
    return this;
  }

  String endObject() {
    return out.append('}').toString();
  }

  String endArray() {
    return out.append(']').toString();
  }

  private void separate() {
    if (!first) {
      out.append(',');
    }
    first = false;
  }

  /** Returns {@code value} as a JSON string literal, escaped by the binding's JSON library. */
  static String quote(String value) {
    return WireFormat.quote(value);
  }
}
