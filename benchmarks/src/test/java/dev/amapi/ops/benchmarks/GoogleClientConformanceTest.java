package dev.amapi.ops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.androidmanagement.v1.AndroidManagement;
import com.google.api.services.androidmanagement.v1.model.ListOperationsResponse;
import com.google.api.services.androidmanagement.v1.model.Operation;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.ErrorDetail;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeOperations;
import dev.amapi.ops.testkit.FakeResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Google's generated client, {@code google-api-services-androidmanagement}, unmodified, against the
 * testkit's {@link FakeAmapiServer}: what a team whose code uses Google's client sees from the fake
 * is what it would see from the API. Over both of Google's HTTP transports.
 */
class GoogleClientConformanceTest {
  private static final String DEVICE = OnFakeServer.DEVICE.toString();

  /** Google's two HTTP transports, each as its documentation builds it. */
  enum GoogleTransport {
    NET_HTTP(NetHttpTransport::new),
    APACHE_V2(ApacheHttpTransport::new);

    private final Supplier<HttpTransport> factory;

    GoogleTransport(Supplier<HttpTransport> factory) {
      this.factory = factory;
    }
  }

  /** Google's client on one transport, pointed at a fake server. */
  private static final class Google implements AutoCloseable {
    private final HttpTransport transport;
    private final AndroidManagement.Enterprises.Devices.Operations operations;

    Google(GoogleTransport kind, FakeAmapiServer server) {
      this.transport = kind.factory.get();
      this.operations =
          new AndroidManagement.Builder(
                  transport,
                  GsonFactory.getDefaultInstance(),
                  request -> request.getHeaders().setAuthorization("Bearer " + Client.TOKEN))
              .setRootUrl(server.endpoint().toString())
              .setApplicationName("amapi-ops-conformance")
              .build()
              .enterprises()
              .devices()
              .operations();
    }

    @Override
    public void close() throws IOException {
      transport.shutdown();
    }
  }

  @ParameterizedTest
  @EnumSource(GoogleTransport.class)
  void list_pageSize2Over5Operations_followsNextPageTokenToEveryOperationOnce(GoogleTransport kind)
      throws IOException {
    try (FakeAmapiServer server = FakeAmapiServer.start();
        Google google = new Google(kind, server)) {
      List<String> issued = new ArrayList<>();
      for (CommandType type :
          List.of(
              CommandType.REBOOT,
              CommandType.LOCK,
              CommandType.RESET_PASSWORD,
              CommandType.REBOOT,
              CommandType.WIPE)) {
        issued.add(server.operations().issueCommand(OnFakeServer.DEVICE, type).name().toString());
      }

      List<Integer> pageSizes = new ArrayList<>();
      List<String> listed = new ArrayList<>();
      String pageToken = null;
      do {
        ListOperationsResponse page =
            google
                .operations
                .list(DEVICE + "/operations")
                .setPageSize(2)
                .setPageToken(pageToken)
                .execute();
        pageSizes.add(page.getOperations().size());
        page.getOperations().forEach(operation -> listed.add(operation.getName()));
        pageToken = page.getNextPageToken();
      } while (pageToken != null && pageSizes.size() < 10);

      assertThat(pageSizes).containsExactly(2, 2, 1);
      assertThat(listed).containsExactlyInAnyOrderElementsOf(issued);
      assertThat(server.requests()).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(GoogleTransport.class)
  void get_pendingOperation_isDecodedWithItsCommand(GoogleTransport kind) throws IOException {
    try (FakeAmapiServer server = FakeAmapiServer.start();
        Google google = new Google(kind, server)) {
      String name =
          server
              .operations()
              .issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT)
              .name()
              .toString();

      Operation operation = google.operations.get(name).execute();

      assertThat(operation.getName()).isEqualTo(name);
      assertThat(operation.getDone()).isNotEqualTo(Boolean.TRUE);
      assertThat(operation.getError()).isNull();
      assertThat(operation.getMetadata()).containsEntry("type", "REBOOT");
    }
  }

  @ParameterizedTest
  @EnumSource(GoogleTransport.class)
  void cancelThenGet_operationIsDoneWithErrorCode1(GoogleTransport kind) throws IOException {
    try (FakeAmapiServer server = FakeAmapiServer.start();
        Google google = new Google(kind, server)) {
      OperationName name =
          server.operations().issueCommand(OnFakeServer.DEVICE, CommandType.WIPE).name();

      google.operations.cancel(name.toString()).execute();
      Operation afterCancel = google.operations.get(name.toString()).execute();

      assertThat(server.operations().operation(name).orElseThrow().isCancelled()).isTrue();
      assertThat(afterCancel.getName()).isEqualTo(name.toString());
      assertThat(afterCancel.getDone()).isTrue();
      assertThat(afterCancel.getError().getCode()).isEqualTo(1);
      assertThat(afterCancel.getError().getMessage()).isEqualTo(FakeOperations.CANCELLED_MESSAGE);
      assertThat(afterCancel.getResponse()).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(GoogleTransport.class)
  void cancel_missingOperation_isA404WithNotFoundInTheDetails(GoogleTransport kind)
      throws IOException {
    try (FakeAmapiServer server = FakeAmapiServer.start();
        Google google = new Google(kind, server)) {
      server.operations().issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT);
      String missing = DEVICE + "/operations/404404404";

      assertThatThrownBy(() -> google.operations.cancel(missing).execute())
          .isInstanceOfSatisfying(
              GoogleJsonResponseException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(404);
                GoogleJsonError details = e.getDetails();
                assertThat(details).isNotNull();
                assertThat(details.getCode()).isEqualTo(404);
                assertThat(details.get("status")).isEqualTo("NOT_FOUND");
                assertThat(details.getMessage()).isNotEmpty();
              });
    }
  }

  @ParameterizedTest
  @EnumSource(GoogleTransport.class)
  void errorWithDetails_reachesGoogleClientWithEveryDetail(GoogleTransport kind)
      throws IOException {
    Status quota =
        Status.of(
            Code.RESOURCE_EXHAUSTED,
            "Quota exceeded for quota metric 'Requests'.",
            List.of(
                new ErrorDetail.ErrorInfo(
                    "RATE_LIMIT_EXCEEDED",
                    "googleapis.com",
                    Map.of("service", "androidmanagement.googleapis.com"),
                    ""),
                new ErrorDetail.RetryInfo(Duration.ofSeconds(3), "")));
    try (FakeAmapiServer server = FakeAmapiServer.start();
        Google google = new Google(kind, server)) {
      server.enqueue(FakeResponse.error(quota, 429));

      assertThatThrownBy(() -> google.operations.get(DEVICE + "/operations/1").execute())
          .isInstanceOfSatisfying(
              GoogleJsonResponseException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(429);
                GoogleJsonError error = e.getDetails();
                assertThat(error).isNotNull();
                assertThat(error.getCode()).isEqualTo(429);
                assertThat(error.getMessage())
                    .isEqualTo("Quota exceeded for quota metric 'Requests'.");
                assertThat(error.get("status")).isEqualTo("RESOURCE_EXHAUSTED");
                assertThat(error.getDetails()).hasSize(2);
                assertThat(error.getDetails().get(0).getType()).isEqualTo(ErrorDetail.ERROR_INFO);
                assertThat(error.getDetails().get(0).getReason()).isEqualTo("RATE_LIMIT_EXCEEDED");
                assertThat(error.getDetails().get(1).getType()).isEqualTo(ErrorDetail.RETRY_INFO);
              });
      assertThat(server.requests()).hasSize(1);
    }
  }
}
