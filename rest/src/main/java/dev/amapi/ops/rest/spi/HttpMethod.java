package dev.amapi.ops.rest.spi;

/** The HTTP methods the operations API uses. */
public enum HttpMethod {
  /** Reads: get an operation, list a device's operations. Sent with no body. */
  GET,
  /**
   * Commands such as cancel: sent with an empty body, {@code Content-Length: 0} and no content
   * encoding.
   */
  POST
}
