package dev.amapi.ops.benchmarks;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.androidmanagement.v1.AndroidManagement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Google's generated client, {@code google-api-services-androidmanagement}, as its documentation
 * sets it up: the default {@link NetHttpTransport} ({@code HttpURLConnection}), Gson, and a request
 * initializer that adds the bearer token (what google-auth-library's adapter does, minus the
 * refresh logic). The root URL points it at the fake server; over {@code https} the transport
 * trusts the fake's certificate through {@code NetHttpTransport.Builder#setSslSocketFactory}.
 */
final class GoogleClient implements OperationClient {
  private final AndroidManagement.Enterprises.Devices.Operations operations;
  private final String name;

  private GoogleClient(AndroidManagement client, String name) {
    this.operations = client.enterprises().devices().operations();
    this.name = name;
  }

  static OperationClient open(URI endpoint, String operationName, @Nullable SSLContext tls) {
    HttpRequestInitializer bearer =
        request -> request.getHeaders().setAuthorization("Bearer " + Client.TOKEN);
    AndroidManagement client =
        new AndroidManagement.Builder(
                tls == null
                    ? new NetHttpTransport()
                    : new NetHttpTransport.Builder()
                        .setSslSocketFactory(tls.getSocketFactory())
                        .build(),
                GsonFactory.getDefaultInstance(),
                bearer)
            .setRootUrl(endpoint.toString())
            .setApplicationName("amapi-ops-benchmarks")
            .build();
    return new GoogleClient(client, operationName);
  }

  @Override
  public void cancel() {
    try {
      operations.cancel(name).execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Object get() {
    try {
      return operations.get(name).execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Nothing to release: {@code NetHttpTransport} keeps no threads, only the JDK's keep-alive cache.
   */
  @Override
  public void close() {}
}
