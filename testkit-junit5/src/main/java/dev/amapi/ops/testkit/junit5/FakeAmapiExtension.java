package dev.amapi.ops.testkit.junit5;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeOperations;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A started {@link FakeAmapiServer}, and a client of it, for a test class from one field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeAmapiExtension amapi =
 *     FakeAmapiExtension.perClass().withClient(JdkHttpOperations::builder);
 * }</pre>
 *
 * <p>{@link #perClass()} on a {@code static} field starts one server before the class's first test
 * and stops it after the last (the tests share its state); {@link #perTest()} on an instance field
 * starts a fresh one before each test and stops it after. The server runs in stateful mode unless
 * the test enqueues responses first.
 *
 * <p>{@link #client()} is what the code under test should be given: with {@link #withClient} a real
 * client of the transport, pointed at the server with the token {@value #TEST_TOKEN} and {@link
 * RetryPolicy#none()} (a customizer may change either), built when the server starts and closed
 * before it stops; without, the server's in-memory {@link FakeOperations}.
 *
 * <p>Parameters of type {@link FakeAmapiServer}, {@link FakeOperations} and {@link
 * DeviceOperations} (the {@link #client()}) are injected into test and lifecycle methods, and, for
 * {@link #perClass()}, constructors.
 *
 * <p>Immutable until registered; {@link #withClient} returns a new extension. Thread-safe.
 */
public final class FakeAmapiExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  /** The bearer token clients built by {@link #withClient} send. */
  public static final String TEST_TOKEN = "fake-amapi-test-token";

  private enum Scope {
    PER_CLASS,
    PER_TEST
  }

  private final Scope scope;
  private final @Nullable Supplier<DeviceOperationsBuilder<?>> transport;
  private final Consumer<DeviceOperationsBuilder<?>> customizer;

  private final Object lock = new Object();
  // Guarded by lock.
  private @Nullable FakeAmapiServer server;
  private @Nullable DeviceOperations client;

  private FakeAmapiExtension(
      Scope scope,
      @Nullable Supplier<DeviceOperationsBuilder<?>> transport,
      Consumer<DeviceOperationsBuilder<?>> customizer) {
    this.scope = scope;
    this.transport = transport;
    this.customizer = customizer;
  }

  /**
   * Returns an extension with one server for the whole class: register it on a {@code static}
   * field.
   *
   * @return an extension whose client is the in-memory {@link #operations()} until {@link
   *     #withClient} is called
   */
  public static FakeAmapiExtension perClass() {
    return new FakeAmapiExtension(Scope.PER_CLASS, null, builder -> {});
  }

  /**
   * Returns an extension with a fresh server for each test: register it on an instance field.
   *
   * @return an extension whose client is the in-memory {@link #operations()} until {@link
   *     #withClient} is called
   */
  public static FakeAmapiExtension perTest() {
    return new FakeAmapiExtension(Scope.PER_TEST, null, builder -> {});
  }

  /**
   * Returns this extension with a client over a real transport, such as {@code
   * JdkHttpOperations::builder}: endpoint the server, token {@value #TEST_TOKEN}, no retries.
   *
   * @param transport makes a fresh builder of the transport under test
   * @return a new extension with the same scope; this one is unchanged
   */
  public FakeAmapiExtension withClient(Supplier<DeviceOperationsBuilder<?>> transport) {
    return withClient(transport, builder -> {});
  }

  /**
   * Returns this extension with a client over a real transport, {@code customizer} applied to its
   * builder after the extension's settings, so it may override them (such as {@code b ->
   * b.requestTimeout(Duration.ofMillis(300))}).
   *
   * @param transport makes a fresh builder of the transport under test
   * @param customizer changes the builder before the client is built
   * @return a new extension with the same scope; this one is unchanged
   */
  public FakeAmapiExtension withClient(
      Supplier<DeviceOperationsBuilder<?>> transport,
      Consumer<DeviceOperationsBuilder<?>> customizer) {
    requireNonNull(transport, "transport");
    requireNonNull(customizer, "customizer");
    return new FakeAmapiExtension(scope, transport, customizer);
  }

  /**
   * Returns the running server.
   *
   * @return the server, on a loopback port
   * @throws IllegalStateException if it is not running (outside the tests it serves)
   */
  public FakeAmapiServer server() {
    synchronized (lock) {
      if (server == null) {
        throw new IllegalStateException(
            "The FakeAmapiServer runs only during the tests the extension serves"
                + (scope == Scope.PER_TEST ? " (perTest: from @BeforeEach to @AfterEach)" : ""));
      }
      return server;
    }
  }

  /**
   * Returns the running server's state, to seed and script.
   *
   * @return the fake the server answers from; changes show at once over HTTP
   * @throws IllegalStateException if the server is not running
   */
  public FakeOperations operations() {
    return server().operations();
  }

  /**
   * Returns the client to give the code under test: over the transport of {@link #withClient}, or
   * the in-memory {@link #operations()}.
   *
   * @return the client; the extension closes it when it stops the server
   * @throws IllegalStateException if the server is not running
   */
  public DeviceOperations client() {
    server();
    synchronized (lock) {
      return requireNonNull(client, "client");
    }
  }

  /**
   * Returns the running server's endpoint.
   *
   * @return the base URI a client's {@code endpoint} setting takes, {@code http://127.0.0.1:PORT/}
   * @throws IllegalStateException if the server is not running
   */
  public URI endpoint() {
    return server().endpoint();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (scope == Scope.PER_CLASS) {
      start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (scope == Scope.PER_CLASS) {
      stop();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (scope == Scope.PER_TEST) {
      start();
      return;
    }
    synchronized (lock) {
      if (server == null) {
        throw new ExtensionConfigurationException(
            "FakeAmapiExtension.perClass() must be registered on a static field (it starts"
                + " before the class's tests); use perTest() on an instance field");
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (scope == Scope.PER_TEST) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return injectable(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FakeAmapiServer running;
    DeviceOperations ops;
    synchronized (lock) {
      running = server;
      ops = client;
    }
    if (running == null || ops == null) {
      throw new ParameterResolutionException(
          "FakeAmapiExtension has no running server to inject into "
              + parameter.getDeclaringExecutable()
              + (scope == Scope.PER_TEST
                  ? ": perTest() serves test methods and @BeforeEach/@AfterEach only"
                  : ""));
    }
    return resolve(parameter.getParameter().getType(), running, ops);
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "FakeAmapiExtension{"
          + (scope == Scope.PER_CLASS ? "perClass" : "perTest")
          + (transport == null ? ", in-memory" : ", with client")
          + (server == null ? ", stopped" : ", " + server.endpoint())
          + '}';
    }
  }

  static boolean injectable(Class<?> type) {
    return type == FakeAmapiServer.class
        || type == FakeOperations.class
        || type == DeviceOperations.class;
  }

  static Object resolve(Class<?> type, FakeAmapiServer server, DeviceOperations client) {
    if (type == FakeAmapiServer.class) {
      return server;
    }
    if (type == FakeOperations.class) {
      return server.operations();
    }
    return client;
  }

  private void start() {
    synchronized (lock) {
      if (server != null) {
        return;
      }
      FakeAmapiServer started = FakeAmapiServer.start();
      try {
        client = transport == null ? started.operations() : build(transport.get(), started);
      } catch (RuntimeException | Error e) {
        started.close();
        throw e;
      }
      server = started;
    }
  }

  private DeviceOperations build(DeviceOperationsBuilder<?> builder, FakeAmapiServer started) {
    builder
        .endpoint(started.endpoint())
        .tokenSource(AccessTokenSource.fixed(AccessToken.of(TEST_TOKEN)))
        .retryPolicy(RetryPolicy.none());
    customizer.accept(builder);
    return builder.build();
  }

  private void stop() {
    FakeAmapiServer running;
    DeviceOperations ops;
    synchronized (lock) {
      running = server;
      ops = client;
      server = null;
      client = null;
    }
    if (running == null) {
      return;
    }
    try {
      // The in-memory client is the server's own state: it stays readable after the test.
      if (ops != null && ops != running.operations()) {
        ops.close();
      }
    } finally {
      running.close();
    }
  }
}
