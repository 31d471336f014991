package dev.amapi.ops.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeTokenServer;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import dev.amapi.ops.transport.apache.ApacheHttpOperations;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Service-account credentials, the real google-auth-library, both transports, nothing mocked. */
class EndToEndAuthTest {
  private static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @TempDir Path keys;
  private FakeTokenServer tokens;
  private FakeAmapiServer api;
  private Path keyFile;

  static List<Arguments> transports() {
    return List.of(
        Arguments.of("jdk", (Supplier<DeviceOperationsBuilder<?>>) JdkHttpOperations::builder),
        Arguments.of(
            "apache", (Supplier<DeviceOperationsBuilder<?>>) ApacheHttpOperations::builder));
  }

  @BeforeEach
  void start() {
    tokens = FakeTokenServer.start();
    keyFile =
        ServiceAccountKeys.generate().registeredWith(tokens).writeTo(keys.resolve("key.json"));
    api = FakeAmapiServer.start();
    api.acceptOnly(tokens::isValid);
  }

  @AfterEach
  void stop() {
    api.close();
    tokens.close();
  }

  private DeviceOperations client(
      Supplier<DeviceOperationsBuilder<?>> transport, GoogleAccessTokenSource source) {
    return transport
        .get()
        .endpoint(api.endpoint())
        .tokenSource(source)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private Operation pendingReboot() {
    return api.operations().issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void cancel_withAServiceAccountKey_sendsATokenTheEndpointIssued(
      String name, Supplier<DeviceOperationsBuilder<?>> transport) {
    Operation reboot = pendingReboot();

    try (DeviceOperations ops =
        client(transport, GoogleAccessTokenSource.fromServiceAccountKey(keyFile))) {
      ops.cancel(reboot.name());

      assertThat(ops.get(reboot.name()).isCancelled()).isTrue();
    }
    String bearer =
        api.takeRequest(java.time.Duration.ofSeconds(5)).header("authorization").orElseThrow();
    assertThat(tokens.issuedTokens()).containsExactly(bearer.substring("Bearer ".length()));
    assertThat(tokens.tokenRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void cancel_withAQuotaProject_sendsItAsXGoogUserProject(
      String name, Supplier<DeviceOperationsBuilder<?>> transport) {
    Operation reboot = pendingReboot();
    Path withQuota =
        ServiceAccountKeys.generate()
            .withQuotaProjectId("billing-project")
            .registeredWith(tokens)
            .writeTo(keys.resolve("with-quota.json"));

    try (DeviceOperations ops =
        client(transport, GoogleAccessTokenSource.fromServiceAccountKey(withQuota))) {
      ops.cancel(reboot.name());
    }

    assertThat(api.takeRequest(java.time.Duration.ofSeconds(5)).header("x-goog-user-project"))
        .hasValue("billing-project");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void cancel_whenTheTokenIsRevoked_refreshesOnceAndRetries(
      String name, Supplier<DeviceOperationsBuilder<?>> transport) {
    Operation reboot = pendingReboot();
    GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile);
    AccessToken revoked = source.token();
    api.acceptOnly(token -> tokens.isValid(token) && !token.equals(revoked.value()));

    try (DeviceOperations ops = client(transport, source)) {
      ops.cancel(reboot.name());
    }

    assertThat(tokens.tokenRequestCount()).isEqualTo(2);
    assertThat(api.requestCount()).isEqualTo(2);
    assertThat(api.operations().operation(reboot.name()).orElseThrow().isCancelled()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void cancel_rejectedTwice_throwsUnauthenticatedAfterOneRefresh(
      String name, Supplier<DeviceOperationsBuilder<?>> transport) {
    Operation reboot = pendingReboot();
    api.acceptOnly(token -> false);

    try (DeviceOperations ops =
        client(transport, GoogleAccessTokenSource.fromServiceAccountKey(keyFile))) {
      assertThatThrownBy(() -> ops.cancel(reboot.name()))
          .isInstanceOfSatisfying(
              AmapiException.class, e -> assertThat(e.code()).isEqualTo(Code.UNAUTHENTICATED));
    }

    assertThat(tokens.tokenRequestCount()).isEqualTo(2);
    assertThat(api.requestCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void noTokenValue_appearsInToStringMessagesOrLogs(
      String name, Supplier<DeviceOperationsBuilder<?>> transport) {
    List<String> seen = new CopyOnWriteArrayList<>();
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            seen.add(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
              for (Object parameter : record.getParameters()) {
                seen.add(String.valueOf(parameter));
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      GoogleAccessTokenSource source = GoogleAccessTokenSource.fromServiceAccountKey(keyFile);
      try (DeviceOperations ops = client(transport, source)) {
        Operation reboot = pendingReboot();
        ops.cancel(reboot.name());
        api.acceptOnly(token -> false);
        try {
          ops.get(reboot.name());
        } catch (AmapiException e) {
          failure.set(e);
        }
        seen.add(ops.toString());
        seen.add(source.toString());
        seen.add(source.token().toString());
      }
    } finally {
      root.removeHandler(capture);
      root.setLevel(level);
    }
    Throwable e = failure.get();
    assertThat(e).isNotNull();
    List<String> messages = new ArrayList<>(seen);
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
      messages.add(t.toString());
    }

    assertThat(tokens.issuedTokens()).isNotEmpty();
    for (String token : tokens.issuedTokens()) {
      assertThat(messages).noneMatch(text -> text.contains(token));
    }
  }
}
