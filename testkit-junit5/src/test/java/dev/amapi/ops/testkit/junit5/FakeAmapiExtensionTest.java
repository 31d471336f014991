package dev.amapi.ops.testkit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RestSettings;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.rest.spi.HttpTransport;
import dev.amapi.ops.rest.spi.TransportRequest;
import dev.amapi.ops.rest.spi.TransportResponse;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeOperations;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small sample test classes (nested, so Surefire does not run them on their own) through the
 * Jupiter engine and checks what the extension did for them.
 */
class FakeAmapiExtensionTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  /** What the sample tests saw, in the order they ran. */
  static final List<FakeAmapiServer> SEEN = new CopyOnWriteArrayList<>();

  static final List<RecordingBuilder> BUILDERS = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    SEEN.clear();
    BUILDERS.clear();
  }

  @Test
  void perClass_sharesOneServerAcrossTheClassAndStopsItAfter() {
    Events tests = run(PerClassSample.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(4);
    assertThat(SEEN).allSatisfy(server -> assertThat(server).isSameAs(SEEN.get(0)));
    assertStopped(SEEN.get(0));
  }

  @Test
  void perTest_startsAFreshServerForEachTestAndStopsIt() {
    Events tests = run(PerTestSample.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
    SEEN.forEach(FakeAmapiExtensionTest::assertStopped);
  }

  @Test
  void withClient_buildsAClientOfTheServerAndClosesIt() {
    Events tests = run(WithClientSample.class);

    tests.assertStatistics(stats -> stats.started(1).succeeded(1));
    RecordingBuilder builder = BUILDERS.get(0);
    RestSettings settings = builder.settings;
    assertThat(settings).isNotNull();
    assertThat(settings.endpoint()).isEqualTo(SEEN.get(0).endpoint());
    assertThat(settings.tokenSource().token().value()).isEqualTo(FakeAmapiExtension.TEST_TOKEN);
    assertThat(settings.retryPolicy()).isSameAs(RetryPolicy.none());
    assertThat(settings.applicationName()).isEqualTo("customized");
    assertThat(builder.closed).isTrue();
    assertStopped(SEEN.get(0));
  }

  @Test
  void perClassOnAnInstanceField_failsWithASentence() {
    Events tests = run(MisregisteredSample.class);

    tests.assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(tests.failed().stream().findFirst().orElseThrow().toString())
        .contains("static field");
  }

  @Test
  void annotation_givesEachTestItsOwnServerAndStopsIt() {
    Events tests = run(AnnotationSample.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    // Each test saw one server in its constructor, @BeforeEach and test method.
    assertThat(SEEN).hasSize(6);
    assertThat(SEEN.subList(0, 3)).allSatisfy(s -> assertThat(s).isSameAs(SEEN.get(0)));
    assertThat(SEEN.subList(3, 6)).allSatisfy(s -> assertThat(s).isSameAs(SEEN.get(3)));
    assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(3));
    SEEN.forEach(FakeAmapiExtensionTest::assertStopped);
  }

  @Test
  void accessors_outsideTheTests_sayTheServerIsNotRunning() {
    FakeAmapiExtension extension = FakeAmapiExtension.perTest();

    assertThatThrownBy(extension::server)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("perTest");
  }

  static class PerClassSample {
    @RegisterExtension static final FakeAmapiExtension amapi = FakeAmapiExtension.perClass();

    private final FakeAmapiServer constructed;

    PerClassSample(FakeAmapiServer server) {
      constructed = server;
    }

    @BeforeAll
    static void seed(FakeOperations operations) {
      operations.issueCommand(DEVICE, CommandType.REBOOT);
    }

    @Test
    void first(FakeAmapiServer server, DeviceOperations operations) {
      SEEN.add(constructed);
      SEEN.add(server);
      assertThat(operations).isSameAs(amapi.operations()).isSameAs(amapi.client());
      assertThat(operations.list(DEVICE, ListOperationsRequest.firstPage()).operations())
          .hasSize(1);
    }

    @Test
    void second(FakeAmapiServer server) {
      SEEN.add(constructed);
      SEEN.add(server);
      assertThat(amapi.endpoint()).isEqualTo(server.endpoint());
    }
  }

  static class PerTestSample {
    @RegisterExtension final FakeAmapiExtension amapi = FakeAmapiExtension.perTest();

    @BeforeEach
    void seed(FakeOperations operations) {
      operations.issueCommand(DEVICE, CommandType.LOCK);
    }

    @Test
    void first(FakeAmapiServer server) {
      SEEN.add(server);
      assertThat(server.operations().operations(DEVICE)).hasSize(1);
    }

    @Test
    void second(FakeAmapiServer server) {
      SEEN.add(server);
      assertThat(server.operations().operations(DEVICE)).hasSize(1);
    }
  }

  static class WithClientSample {
    @RegisterExtension
    final FakeAmapiExtension amapi =
        FakeAmapiExtension.perTest()
            .withClient(RecordingBuilder::new, builder -> builder.applicationName("customized"));

    @Test
    void usesTheClient(DeviceOperations client, FakeAmapiServer server) {
      SEEN.add(server);
      assertThat(client).isSameAs(amapi.client()).isNotSameAs(server.operations());
      client.cancel(DEVICE.operation("1"));
    }
  }

  static class MisregisteredSample {
    @RegisterExtension final FakeAmapiExtension amapi = FakeAmapiExtension.perClass();

    @Test
    void neverRuns() {}
  }

  @FakeAmapi
  static class AnnotationSample {
    private final FakeAmapiServer constructed;

    AnnotationSample(FakeAmapiServer server) {
      constructed = server;
    }

    @BeforeEach
    void seed(FakeAmapiServer server) {
      SEEN.add(constructed);
      SEEN.add(server);
    }

    @Test
    void first(FakeAmapiServer server, FakeOperations operations, DeviceOperations ports) {
      SEEN.add(server);
      assertThat(operations).isSameAs(server.operations()).isSameAs(ports);
      OperationName name = operations.issueCommand(DEVICE, CommandType.REBOOT).name();
      ports.cancel(name);
      operations.assertCancelledOnce(name);
    }

    @Test
    void second(FakeAmapiServer server) {
      SEEN.add(server);
      assertThat(server.operations().operations(DEVICE)).isEmpty();
    }
  }

  /** A transport that records the settings it was built with and answers {@code {}}. */
  static final class RecordingBuilder extends DeviceOperationsBuilder<RecordingBuilder> {
    volatile RestSettings settings;
    volatile boolean closed;

    RecordingBuilder() {
      BUILDERS.add(this);
    }

    @Override
    protected HttpTransport newTransport(RestSettings settings) {
      this.settings = settings;
      return new HttpTransport() {
        @Override
        public Exchange prepare(TransportRequest request) {
          return new Exchange() {
            @Override
            public TransportResponse call() {
              byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
              return TransportResponse.of(200, Map.of(), body, body.length, false);
            }

            @Override
            public void abort() {}
          };
        }

        @Override
        public void close() {
          closed = true;
        }
      };
    }

    @Override
    protected RecordingBuilder self() {
      return this;
    }
  }

  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .testEvents();
  }

  private static void assertStopped(FakeAmapiServer server) {
    assertThatThrownBy(
            () -> {
              try (Socket socket =
                  new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
                socket.setSoTimeout((int) Duration.ofSeconds(1).toMillis());
              }
            })
        .as("%s still accepts connections", server)
        .isInstanceOf(ConnectException.class);
  }
}
