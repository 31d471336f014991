package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeAmapiServerHttpsTest {
  private static final DeviceName DEVICE = DeviceName.of("e", "d");

  private final FakeAmapiServer server = FakeAmapiServer.startHttps();

  @AfterEach
  void closeServer() {
    server.close();
  }

  @Test
  void endpointIsHttpsOnLoopback() {
    assertThat(server.endpoint().getScheme()).isEqualTo("https");
    assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.endpoint().getPath()).isEqualTo("/");
  }

  @Test
  void clientTrustingTheFakesCertificateGetsAnAnswer() throws Exception {
    OperationName name = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(FakeAmapiServer.clientSslContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> answer = client.send(get(server.endpoint(), name), ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"name\": \"" + name + "\"");
    assertThat(answer.sslSession()).isPresent();
    assertThat(server.lastRequest().path()).isEqualTo("/v1/" + name);
  }

  @Test
  void hostNameLocalhostIsValidToo() throws Exception {
    OperationName name = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
    URI localhost = URI.create("https://localhost:" + server.endpoint().getPort() + "/");
    HttpClient client =
        HttpClient.newBuilder().sslContext(FakeAmapiServer.clientSslContext()).build();

    assertThat(client.send(get(localhost, name), ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void clientWithTheDefaultTrustStoreIsRefused() {
    OperationName name = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    assertThatThrownBy(() -> client.send(get(server.endpoint(), name), ofString()))
        .isInstanceOf(SSLHandshakeException.class);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void certificateNamesLoopbackAndLocalhost() throws Exception {
    X509Certificate certificate = FakeAmapiServer.certificate();

    assertThat(certificate.getSubjectAlternativeNames())
        .extracting(entry -> String.valueOf(entry.get(1)))
        .containsExactlyInAnyOrder("127.0.0.1", "localhost");
    assertThat(certificate.getIssuerX500Principal())
        .isEqualTo(certificate.getSubjectX500Principal());
  }

  @Test
  void connectionCountCountsClientConnectionsUntilTheJournalIsCleared() throws Exception {
    OperationName name = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(FakeAmapiServer.clientSslContext())
            .build();
    assertThat(server.connectionCount()).isZero();

    for (int i = 0; i < 3; i++) {
      client.send(get(server.endpoint(), name), ofString());
    }

    assertThat(server.requests()).hasSize(3);
    assertThat(server.connectionCount()).isEqualTo(1);
    server.clearJournal();
    assertThat(server.connectionCount()).isZero();
  }

  @Test
  void plainServerCountsOneConnectionPerClientThatClosesIt() throws Exception {
    try (FakeAmapiServer plain = FakeAmapiServer.start()) {
      OperationName name = plain.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
      for (int i = 0; i < 2; i++) {
        HttpRequest closing =
            HttpRequest.newBuilder(plain.endpoint().resolve("v1/" + name))
                .header("Authorization", "Bearer t")
                .build();
        // A client per request, each with its own connection.
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(closing, HttpResponse.BodyHandlers.discarding());
      }

      assertThat(plain.requests())
          .extracting(RecordedRequest::method)
          .isEqualTo(List.of("GET", "GET"));
      assertThat(plain.connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void wireFaultsPlayOverTlsToo() {
    OperationName name = server.operations().issueCommand(DEVICE, CommandType.REBOOT).name();
    server.faultNextRequests(1, WireFault.connectionReset());
    server.faultNextRequests(1, WireFault.randomDataThenClose());
    server.faultNextRequests(1, WireFault.dribble(3, Duration.ofMillis(30)));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(FakeAmapiServer.clientSslContext())
            .build();
    // A POST, which the JDK's client never resends by itself.
    HttpRequest cancel =
        HttpRequest.newBuilder(server.endpoint().resolve("v1/" + name + ":cancel"))
            .header("Authorization", "Bearer t")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();

    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          assertThatThrownBy(() -> client.send(cancel, ofString()))
              .isInstanceOf(java.io.IOException.class);
          assertThatThrownBy(() -> client.send(cancel, ofString()))
              .isInstanceOf(java.io.IOException.class);
          assertThat(client.send(cancel, ofString()).body()).isEqualTo("{}\n");
        });
    assertThat(server.operations().operation(name).orElseThrow().isCancelled()).isTrue();
  }

  private static HttpRequest get(URI endpoint, OperationName name) {
    return HttpRequest.newBuilder(endpoint.resolve("v1/" + name))
        .header("Authorization", "Bearer t")
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
