package com.example.fleet;

import dev.amapi.ops.auth.GoogleAccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.transport.apache.ApacheHttpOperations;
import java.net.URI;
import java.nio.file.Path;

/** A fleet service's one client of the Android Management API, over Apache HttpClient 5. */
public final class FleetClient {
  private FleetClient() {}

  /** Connects to {@code endpoint} as the service account whose key is in {@code keyFile}. */
  public static DeviceOperations connect(URI endpoint, Path keyFile) {
    return ApacheHttpOperations.builder()
        .endpoint(endpoint)
        .tokenSource(GoogleAccessTokenSource.fromServiceAccountKey(keyFile))
        .retryPolicy(RetryPolicy.none())
        .build();
  }
}
