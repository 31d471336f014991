package dev.amapi.ops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks that each benchmark really measures one request of the kind it names: one {@code POST
 * v1/{name}:cancel} per cancel, one {@code GET v1/{name}} per get, each authorized. Behaviour only;
 * nothing here is timed.
 */
class ClientsOnTheWireTest {

  @ParameterizedTest
  @EnumSource(Client.class)
  void eachCancelSendsExactlyOnePostToTheCancelPath(Client kind) {
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      Operation reboot = server.operations().issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT);
      String name = reboot.name().toString();
      try (OperationClient client = kind.open(server.endpoint(), name, null)) {
        client.cancel();
        assertThat(server.requests()).hasSize(1);
        RecordedRequest cancel = server.lastRequest();
        assertThat(cancel.method()).isEqualTo("POST");
        assertThat(cancel.path()).isEqualTo("/v1/" + name + ":cancel");
        assertThat(cancel.header("Authorization")).hasValue("Bearer " + Client.TOKEN);
        assertThat(server.operations().operation(reboot.name()).orElseThrow().isCancelled())
            .isTrue();

        // Cancelling the cancelled operation again is what every later benchmark call does.
        client.cancel();
        client.cancel();
        assertThat(server.requestsTo(name + ":cancel")).hasSize(3);
        assertThat(server.requests()).hasSize(3);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void eachGetSendsExactlyOneGetAndDecodesTheOperation(Client kind) {
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      String name =
          server
              .operations()
              .issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT)
              .name()
              .toString();
      try (OperationClient client = kind.open(server.endpoint(), name, null)) {
        Object operation = client.get();

        assertThat(server.requests()).hasSize(1);
        assertThat(server.lastRequest().method()).isEqualTo("GET");
        assertThat(server.lastRequest().path()).isEqualTo("/v1/" + name);
        if (operation instanceof byte[] raw) {
          assertThat(new String(raw, java.nio.charset.StandardCharsets.UTF_8)).contains(name);
        } else if (operation instanceof Operation ours) {
          assertThat(ours.name().toString()).isEqualTo(name);
          assertThat(ours.done()).isFalse();
        } else {
          var google = (com.google.api.services.androidmanagement.v1.model.Operation) operation;
          assertThat(google.getName()).isEqualTo(name);
          assertThat(google.getDone()).isNotEqualTo(Boolean.TRUE);
          assertThat(google.getMetadata()).containsEntry("type", "REBOOT");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Client.class,
      names = {"AMAPI_JDK", "AMAPI_APACHE", "AMAPI_OKHTTP", "RAW_JDK", "RAW_APACHE", "RAW_OKHTTP"})
  void amapiOpsAndRawBaselinesSendCancelWithContentLengthZeroAndNoBodyEncoding(Client kind) {
    RecordedRequest cancel = oneCancel(kind);

    assertThat(cancel.header("Content-Length")).hasValue("0");
    assertThat(cancel.header("Transfer-Encoding")).isEmpty();
    assertThat(cancel.header("Content-Encoding")).isEmpty();
    assertThat(cancel.body()).isEmpty();
  }

  /** A baseline is fair only if it sends what amapi-ops sends: the same header names, no more. */
  @ParameterizedTest
  @EnumSource(
      value = Client.class,
      names = {"RAW_JDK", "RAW_APACHE", "RAW_OKHTTP"})
  void rawBaselinesSendTheHeadersAmapiOpsSends(Client raw) {
    Client sdk =
        switch (raw) {
          case RAW_JDK -> Client.AMAPI_JDK;
          case RAW_APACHE -> Client.AMAPI_APACHE;
          default -> Client.AMAPI_OKHTTP;
        };
    assertThat(sdk.baseline()).isEqualTo(raw);

    RecordedRequest ours = oneCancel(sdk);
    RecordedRequest baseline = oneCancel(raw);

    assertThat(lowerCase(baseline.headers().keySet()))
        .isEqualTo(lowerCase(ours.headers().keySet()));
    for (String header : List.of("authorization", "accept")) {
      assertThat(baseline.header(header)).isEqualTo(ours.header(header));
    }
    assertThat(baseline.method()).isEqualTo(ours.method());
    assertThat(baseline.body()).isEqualTo(ours.body());
  }

  /**
   * Over https every client trusts the fake's certificate and, but for amapi-ops's Apache
   * transport, cancels on one connection. The Apache transport of this writing (the async client)
   * opens a second and third connection for sequential calls (over http too, after about 50 calls):
   * RESULTS.md reports it; the classic-client rewrite is expected to fix it.
   */
  @ParameterizedTest
  @EnumSource(Client.class)
  void everyClientCancelsOverHttpsOnOneConnection(Client kind) {
    try (FakeAmapiServer server = FakeAmapiServer.startHttps()) {
      String name =
          server
              .operations()
              .issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT)
              .name()
              .toString();
      try (OperationClient client =
          kind.open(server.endpoint(), name, FakeAmapiServer.clientSslContext())) {
        for (int i = 0; i < 5; i++) {
          client.cancel();
        }
        assertThat(client.get()).isNotNull();
      }
      assertThat(server.requestsTo(name + ":cancel")).hasSize(5);
      assertThat(server.connectionCount()).as("connections opened by %s", kind).isEqualTo(1);
    }
  }

  private static java.util.Set<String> lowerCase(java.util.Set<String> names) {
    java.util.Set<String> lower = new java.util.TreeSet<>();
    names.forEach(n -> lower.add(n.toLowerCase(java.util.Locale.ROOT)));
    return lower;
  }

  /** Google's client is not ours to hold to anything: its framing of the cancel is printed. */
  @Test
  void printsHowGooglesClientFramesItsCancel() {
    RecordedRequest cancel = oneCancel(Client.GOOGLE);

    Map<String, List<String>> framing = new TreeMap<>();
    for (String header :
        List.of("Content-Length", "Transfer-Encoding", "Content-Encoding", "Content-Type")) {
      framing.put(header, cancel.headers().getOrDefault(header, List.of()));
    }
    System.out.println(
        "Google's cancel: "
            + framing
            + ", body "
            + cancel.body().length
            + " bytes; every header: "
            + cancel);
    assertThat(cancel.method()).isEqualTo("POST");
  }

  private static RecordedRequest oneCancel(Client kind) {
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      String name =
          server
              .operations()
              .issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT)
              .name()
              .toString();
      try (OperationClient client = kind.open(server.endpoint(), name, null)) {
        client.cancel();
      }
      assertThat(server.requests()).hasSize(1);
      return server.lastRequest();
    }
  }
}
