package dev.amapi.ops.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.event.LoggingCallListener;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeObservabilityTest {

  /** The README's example, as it is compiled here. */
  static DeviceOperations observed(
      URI endpoint, AccessTokenSource tokens, OpenTelemetry openTelemetry) {
    // README:observability:start
    DeviceOperations operations =
        JdkHttpOperations.builder()
            .endpoint(endpoint)
            .tokenSource(tokens)
            .listener(LoggingCallListener.create()) // System.Logger "dev.amapi.ops.calls"
            .listener(OpenTelemetryListener.create(openTelemetry)) // spans and metrics
            .build();
    // README:observability:end
    return operations;
  }

  /** Tests that the README shows the example exactly as it is compiled here. */
  @Test
  void readme_showsTheCompiledExample() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/amapi/ops/opentelemetry/ReadmeObservabilityTest.java"));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(normalize(readme)).contains(normalize(snippet(source, "observability")));
  }

  /** Tests that the example's client is traced. */
  @Test
  void example_tracesTheCall() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (OpenTelemetrySdk sdk =
            OpenTelemetrySdk.builder()
                .setTracerProvider(
                    SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .build();
        FakeAmapiServer server = FakeAmapiServer.start();
        DeviceOperations operations =
            observed(server.endpoint(), AccessTokenSource.fixed(AccessToken.of("t")), sdk)) {
      OperationName name =
          server
              .operations()
              .issueCommand(
                  DeviceName.of("LC03k6enk8", "36c339908766f292"),
                  Command.builder(CommandType.REBOOT).build())
              .name();

      operations.cancel(name);
      // Before the SDK closes: closing its exporter drops the spans it kept.
      assertThat(spans.getFinishedSpanItems())
          .extracting(span -> span.getName())
          .containsExactlyInAnyOrder(
              "androidmanagement.enterprises.devices.operations/cancel", "POST");
    }
  }

  static String snippet(String source, String name) {
    String start = "// README:" + name + ":start";
    String end = "// README:" + name + ":end";
    int from = source.indexOf(start);
    int to = source.indexOf(end);
    assertThat(from).as("marker %s", start).isNotNegative();
    assertThat(to).as("marker %s", end).isGreaterThan(from);
    return source.substring(from + start.length(), to);
  }

  /** Ignores indentation, which differs between a method body and a README. */
  static String normalize(String text) {
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .reduce("", (a, b) -> a + b + "\n");
  }
}
