package dev.amapi.ops.rest;

import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.OperationsPage;
import dev.amapi.ops.domain.Status;
import org.jspecify.annotations.Nullable;

/**
 * The API's JSON wire form, as the binding reads and writes it: for fakes that answer as the API
 * does and tools that print what it said. Written once, so what a fake writes is exactly what the
 * SDK reads. Unknown fields (of an operation, its metadata and error, a list page, an error
 * envelope's {@code error}) and unknown enum values and status names are kept through a read and a
 * write.
 */
public final class WireFormat {
  private WireFormat() {}

  /**
   * Reads an {@code Operation}, as {@code operations.get} answers it.
   *
   * @param json the body, UTF-8
   * @return the operation
   * @throws IllegalArgumentException if the body is not an Operation; the message says what and
   *     where
   */
  public static Operation readOperation(byte[] json) {
    return RestJson.readOperation(json);
  }

  /**
   * Reads a {@code ListOperationsResponse}, as {@code operations.list} answers it.
   *
   * @param json the body, UTF-8
   * @return the page
   * @throws IllegalArgumentException if the body is not a list page; the message says what and
   *     where
   */
  public static OperationsPage readOperationsPage(byte[] json) {
    return RestJson.readOperationsPage(json);
  }

  /**
   * Writes a {@code Command} as the body of {@code devices.issueCommand}: type, duration, typed
   * parameters under the API's names, kept raw fields; no output-only field.
   *
   * @param command the command
   * @return its JSON, UTF-8; it holds a new password if the command does
   */
  public static byte[] writeCommandRequest(Command command) {
    return RestJson.writeCommandRequest(command);
  }

  /**
   * Reads the body of {@code devices.issueCommand}: parameters of the API's shape become typed
   * ({@link Command#params()}), any other field is kept raw.
   *
   * @param json the body, UTF-8
   * @return the command, its {@code @type} {@link Command#TYPE_URL} unless the body says otherwise
   * @throws IllegalArgumentException if the body is not a Command, or is one the builder refuses
   *     (parameters of another type's command); the message says what and where
   */
  public static Command readCommandRequest(byte[] json) {
    return RestJson.readCommandRequest(json);
  }

  /**
   * Writes an {@code Operation} as the API sends it.
   *
   * @param operation the operation
   * @return its JSON, UTF-8
   */
  public static byte[] writeOperation(Operation operation) {
    return RestJson.writeOperation(operation);
  }

  /**
   * Writes a {@code ListOperationsResponse} as the API sends it.
   *
   * @param page the page
   * @return its JSON, UTF-8
   */
  public static byte[] writeOperationsPage(OperationsPage page) {
    return RestJson.writeOperationsPage(page);
  }

  /**
   * Writes a {@code google.rpc.Status}: {@code code} (the RPC number), {@code message}, {@code
   * details} and the status's other fields, as an operation's {@code error} carries it (an unknown
   * status name and legacy errors are not part of this form).
   *
   * @param status the status
   * @return its JSON, UTF-8
   */
  public static byte[] writeStatus(Status status) {
    return RestJson.writeStatus(status);
  }

  /**
   * Writes Google's error envelope, {@code {"error": {"code": <httpStatus>, "message", "status",
   * "details", "errors", ...}}}, which {@link #readError} reads back to an equal status: {@code
   * status} is the status's {@linkplain Status#unknownStatus() unknown status name} when it has
   * one, else its code's name, and its other fields follow in order.
   *
   * @param status what went wrong
   * @param httpStatus the HTTP status the body is sent with, written as {@code error.code}
   * @return the body, UTF-8
   * @throws IllegalArgumentException if a detail's {@code json()} is not one JSON value
   */
  public static byte[] writeErrorEnvelope(Status status, int httpStatus) {
    return RestJson.writeErrorEnvelope(status, httpStatus);
  }

  /**
   * Reads the status an HTTP error answer stands for: from Google's error envelope, or, for a body
   * that is not one (a proxy's HTML page, an empty or cut body), the HTTP status's code with a
   * readable excerpt of the body. Never throws.
   *
   * @param httpStatus the answer's HTTP status
   * @param body the body as read; null is taken as empty
   * @param truncated whether the body was cut at a size limit (it is then only excerpted)
   * @return the status
   */
  public static Status readError(int httpStatus, byte @Nullable [] body, boolean truncated) {
    return HttpErrors.statusOf(httpStatus, body, truncated);
  }

  /**
   * Returns a detail's JSON: the {@code json()} it carries or, for one built in code, the JSON of
   * its typed values as Google's servers write it.
   *
   * @param detail the detail
   * @return one JSON object
   */
  public static String detailJson(ErrorDetail detail) {
    return RestJson.detailJson(detail);
  }

  /**
   * Returns a string as a JSON string literal, quotes included; a lone surrogate, which has no
   * UTF-8 form, becomes U+FFFD.
   *
   * @param value the text
   * @return the literal
   */
  public static String quote(String value) {
    return RestJson.quote(value);
  }

  /**
   * Returns text from outside (a server's message, a body) as one line safe to print on a terminal:
   * control, format and separator characters and unpaired surrogates become spaces, runs of
   * whitespace one space.
   *
   * @param text the text
   * @return one clean line
   */
  public static String oneLine(String text) {
    return HttpErrors.oneLine(text);
  }
}
