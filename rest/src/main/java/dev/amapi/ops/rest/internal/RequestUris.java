package dev.amapi.ops.rest.internal;

import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.OperationName;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the request URIs of the operations API, escaping every ID and query value. */
public final class RequestUris {
  private RequestUris() {}

  /** Returns {@code {endpoint}v1/enterprises/{e}/devices/{d}:issueCommand}. */
  public static URI issueCommand(URI endpoint, DeviceName device) {
    return URI.create(endpoint + "v1/" + path(device) + ":issueCommand");
  }

  /** Returns {@code {endpoint}v1/enterprises/{e}/devices/{d}/operations/{o}:cancel}. */
  public static URI cancel(URI endpoint, OperationName name) {
    return URI.create(endpoint + "v1/" + path(name) + ":cancel");
  }

  /** Returns {@code {endpoint}v1/enterprises/{e}/devices/{d}/operations/{o}}. */
  public static URI get(URI endpoint, OperationName name) {
    return URI.create(endpoint + "v1/" + path(name));
  }

  /** Returns {@code {endpoint}v1/enterprises/{e}/devices/{d}/operations} with the query. */
  public static URI list(URI endpoint, DeviceName device, ListOperationsRequest request) {
    StringBuilder uri = new StringBuilder().append(endpoint).append("v1/").append(path(device));
    uri.append("/operations");
    char separator = '?';
    if (!request.filter().isEmpty()) {
      uri.append(separator).append("filter=").append(escape(request.filter()));
      separator = '&';
    }
    if (request.pageSize() > 0) {
      uri.append(separator).append("pageSize=").append(request.pageSize());
      separator = '&';
    }
    if (!request.pageToken().isEmpty()) {
      uri.append(separator).append("pageToken=").append(escape(request.pageToken()));
    }
    return URI.create(uri.toString());
  }

  /** Returns the escaped path of the operation, without a leading slash. */
  public static String path(OperationName name) {
    return path(name.device()) + "/operations/" + escape(name.operationId());
  }

  private static String path(DeviceName device) {
    return "enterprises/" + escape(device.enterpriseId()) + "/devices/" + escape(device.deviceId());
  }

  /**
   * Escapes everything but RFC 3986's unreserved characters, so no ID or value can add a path
   * segment, a query, a fragment or a {@code :verb}.
   */
  public static String escape(String value) {
    // URLEncoder is form encoding; three substitutions make it RFC 3986 unreserved-only.
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
