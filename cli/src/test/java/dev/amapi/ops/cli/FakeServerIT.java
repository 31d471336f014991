package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code amapi-ops fake-server} in a process of its own, driven only over HTTP, as a test written
 * in Go, Python or Node drives it: no class of the testkit is used here.
 */
class FakeServerIT {
  private static final String DEVICE = "enterprises/LC03k6enk8/devices/36c339908766f292";
  private static final String OPERATION = DEVICE + "/operations/1786048723669";
  private static final String SEED =
      "{\"name\":\""
          + OPERATION
          + "\",\"metadata\":{\"@type\":\"type.googleapis.com/google.android.devicemanagement.v1"
          + ".Command\",\"type\":\"REBOOT\",\"createTime\":\"2026-08-06T20:38:43.669Z\","
          + "\"duration\":\"600s\"}}";
  private static final String TOKEN = "fake-server-it-token";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * Tests that a client in another process seeds, scripts a failure and a connection reset, calls
   * the API, reads what the journal recorded, and that SIGTERM stops the server.
   */
  @Test
  void fakeServer_drivenOverHttp_seedsFaultsServesJournalsAndStops() throws Exception {
    try (FakeServerProcess server = FakeServerProcess.start("--port", "0", "--token", TOKEN)) {
      assertThat(server.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
      assertThat(server.err()).contains("admin API at " + server.endpoint() + "__admin/");

      HttpResponse<String> seeded = send(server, "POST", "__admin/operations", SEED, null);
      HttpResponse<String> failing =
          send(
              server,
              "POST",
              "__admin/faults",
              "{\"failNextCalls\":1,\"code\":\"UNAVAILABLE\",\"retryAfter\":\"2s\"}",
              null);
      HttpResponse<String> unavailable = send(server, "GET", "v1/" + OPERATION, null, TOKEN);
      HttpResponse<String> got = send(server, "GET", "v1/" + OPERATION, null, TOKEN);
      HttpResponse<String> wrongToken = send(server, "GET", "v1/" + OPERATION, null, "other");

      assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
      assertThat(failing.statusCode()).as(failing.body()).isEqualTo(200);
      assertThat(unavailable.statusCode()).isEqualTo(503);
      assertThat(unavailable.headers().firstValue("Retry-After")).contains("2");
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.body()).contains("\"name\": \"" + OPERATION + "\"");
      assertThat(wrongToken.statusCode()).isEqualTo(401);

      send(server, "POST", "__admin/faults", "{\"fault\":\"connectionReset\",\"next\":1}", null);
      assertThatThrownBy(() -> send(server, "POST", "v1/" + OPERATION + ":cancel", "", TOKEN))
          .isInstanceOf(IOException.class);
      HttpResponse<String> cancelled =
          send(server, "POST", "v1/" + OPERATION + ":cancel", "", TOKEN);
      HttpResponse<String> after = send(server, "GET", "v1/" + OPERATION, null, TOKEN);

      assertThat(cancelled.statusCode()).isEqualTo(200);
      assertThat(after.body()).contains("\"done\": true").contains("\"code\": 1");

      HttpResponse<String> journal = send(server, "GET", "__admin/journal", null, null);

      assertThat(journal.statusCode()).isEqualTo(200);
      assertThat(journal.body())
          .contains("\"method\":\"GET\",\"path\":\"/v1/" + OPERATION + "\"")
          .contains("\"method\":\"POST\",\"path\":\"/v1/" + OPERATION + ":cancel\"")
          .contains("\"authorization\":[\"Bearer ***\"]")
          .doesNotContain(TOKEN)
          .doesNotContain("__admin");
      // get (503), get, get (401), cancel (reset), cancel, get.
      assertThat(journal.body().split("\"method\":", -1)).hasSize(7);

      assertThat(server.stop()).as("the server exits on SIGTERM").isTrue();
      assertThat(server.err()).contains("amapi-ops: fake server stopped");
      assertThatThrownBy(() -> send(server, "GET", "__admin/health", null, null))
          .isInstanceOf(IOException.class);
    }
  }

  /** Tests that a port in use is a one-line error, and the process exits at once. */
  @Test
  void fakeServer_portInUse_failsWithOneLine() throws Exception {
    try (FakeServerProcess first = FakeServerProcess.start()) {
      int port = first.endpoint().getPort();
      ProcessBuilder second =
          new ProcessBuilder(
              java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar",
              FakeServerProcess.JAR.toString(),
              "fake-server",
              "--port",
              Integer.toString(port));
      Process process = second.redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());

      assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(1);
      assertThat(output.strip()).startsWith("amapi-ops: Cannot bind").contains("port " + port);
      assertThat(first.isAlive()).isTrue();
    }
  }

  private static HttpResponse<String> send(
      FakeServerProcess server, String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.endpoint().resolve(path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
