package dev.amapi.ops.cli;

import dev.amapi.ops.auth.GoogleAccessTokenSource;
import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.rest.WireFormat;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.transport.apache.ApacheHttpOperations;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The client one command runs with, and the fake server behind it under {@code --fake}; closing it
 * closes both, so the JVM exits promptly.
 */
final class Connection implements AutoCloseable {
  /** What the fake server is sent as a token; it accepts any. */
  /** The longest --request-timeout: an attempt that waits longer has hung. */
  private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofHours(1);

  private static final AccessToken FAKE_TOKEN = AccessToken.of("amapi-ops-fake-token");

  private final DeviceOperations operations;
  private final @Nullable FakeAmapiServer fake;

  private Connection(DeviceOperations operations, @Nullable FakeAmapiServer fake) {
    this.operations = operations;
    this.fake = fake;
  }

  /**
   * Opens the client the global options ask for. Nothing is sent yet, except that {@code --fake}
   * starts its server.
   *
   * @throws Failure with {@link ExitCode#USAGE} for conflicting options or a bad endpoint, with
   *     {@link ExitCode#AUTH} when no credentials can be loaded
   */
  static Connection open(AmapiOps options, PrintWriter err) {
    if (options.fake) {
      if (options.endpoint != null || options.credentials != null) {
        throw new Failure(
            ExitCode.USAGE, "--fake runs its own server: drop --endpoint and --credentials");
      }
      FakeAmapiServer server = FakeAmapiServer.start();
      try {
        FakeFleet.seed(server.operations());
        server.operations().onCancelOfAll(options.fakeScript.onCancel());
        DeviceOperations client =
            client(
                options,
                server.endpoint(),
                () -> AccessTokenSource.fixed(FAKE_TOKEN),
                // The JDK transport does no TLS set-up over plain http by itself.
                options.transport == AmapiOps.Transport.JDK ? null : noTrustAnchors());
        err.println(
            "amapi-ops: using the built-in fake server at "
                + server.endpoint()
                + " (enterprise "
                + FakeFleet.ENTERPRISE
                + ", cancel behaviour: "
                + options.fakeScript
                + ", change it with --fake-script "
                + FakeScript.labels()
                + "); nothing is sent to Google");
        err.flush();
        return new Connection(client, server);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }
    if (options.fakeScript != FakeScript.CANCEL) {
      throw new Failure(ExitCode.USAGE, "--fake-script needs --fake");
    }
    URI endpoint = options.endpoint == null ? null : checkedEndpoint(options.endpoint);
    return new Connection(client(options, endpoint, () -> tokens(options), null), null);
  }

  /**
   * A TLS context that trusts no one, for the fake's Apache client: the fake speaks plain http on
   * loopback, and with the default context building the client would read the runtime's whole trust
   * store.
   */
  private static SSLContext noTrustAnchors() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[0], new TrustManager[0], null);
      return context;
    } catch (NoSuchAlgorithmException | KeyManagementException e) {
      throw new IllegalStateException("this runtime has no TLS", e);
    }
  }

  DeviceOperations operations() {
    return operations;
  }

  @Override
  public void close() {
    try {
      operations.close();
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }

  private static URI checkedEndpoint(String endpoint) {
    try {
      // Only parsed here: the builder checks the rest (absolute, https or loopback, no query).
      return new URI(endpoint);
    } catch (URISyntaxException e) {
      throw new Failure(ExitCode.USAGE, "--endpoint is not a URL: " + e.getMessage());
    }
  }

  private static AccessTokenSource tokens(AmapiOps options) {
    String credentials = options.credentials;
    if (credentials != null) {
      try {
        return new ExplainedTokens(
            GoogleAccessTokenSource.fromServiceAccountKey(Path.of(credentials))
                .withoutTokenRequestRetries());
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new Failure(ExitCode.AUTH, credentialsProblem(credentials, e), e);
      }
    }
    try {
      return GoogleAccessTokenSource.applicationDefault();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The library's own message speaks to programmers; this one to the person at the prompt.
      throw new Failure(
          ExitCode.AUTH,
          "no credentials: pass a service-account key file with --credentials FILE, set"
              + " GOOGLE_APPLICATION_CREDENTIALS to one, or run 'gcloud auth application-default"
              + " login --scopes="
              + AccessTokenSource.SCOPE
              + ",https://www.googleapis.com/auth/cloud-platform' (or try --fake).",
          e);
    }
  }

  /**
   * A token source whose failure to reach the token endpoint ends the command at once with a line
   * saying so, rather than as an API call that got no answer (whose hint is to check --endpoint).
   */
  private static final class ExplainedTokens implements AccessTokenSource {
    private final AccessTokenSource tokens;

    ExplainedTokens(AccessTokenSource tokens) {
      this.tokens = tokens;
    }

    @Override
    public AccessToken token() {
      try {
        return tokens.token();
      } catch (AmapiException e) {
        throw explained(e);
      }
    }

    @Override
    public AccessToken refresh(AccessToken rejected) {
      try {
        return tokens.refresh(rejected);
      } catch (AmapiException e) {
        throw explained(e);
      }
    }

    @Override
    public Optional<String> quotaProject() {
      return tokens.quotaProject();
    }

    @Override
    public Optional<String> universeDomain() {
      return tokens.universeDomain();
    }

    private static RuntimeException explained(AmapiException e) {
      if (e.code() != Code.UNAVAILABLE) {
        return e;
      }
      return new Failure(
          ExitCode.ERROR,
          "cannot reach the token endpoint of the --credentials key file: "
              + Failure.sentence(e.status().message())
              + " Check the network (or proxy) and the key file's token_uri; nothing was sent to"
              + " the API.",
          e);
    }
  }

  private static final Pattern CREDENTIALS_TYPE = Pattern.compile("its \"type\" is \"([^\"]*)\"");

  /**
   * Says what is wrong with a {@code --credentials} file in the tool's terms: the auth module's
   * message speaks to programmers (a JSON library's advice, the SDK's method names).
   */
  static String credentialsProblem(String file, RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    String take =
        " --credentials takes a service-account key file: the JSON a Google Cloud console"
            + " download gives, with \"type\": \"service_account\".";
    if (message.contains(" is not valid JSON") || message.contains("it is not a JSON object")) {
      return "cannot load credentials: " + file + " is not a JSON key file." + take;
    }
    Matcher type = CREDENTIALS_TYPE.matcher(message);
    if (type.find()) {
      return "cannot load credentials: "
          + file
          + " holds credentials of type \""
          + WireFormat.oneLine(type.group(1))
          + "\", which --credentials cannot use."
          + take
          + " For other credentials, leave --credentials out and set"
          + " GOOGLE_APPLICATION_CREDENTIALS="
          + file
          + " (Application Default Credentials).";
    }
    if (message.contains("its \"type\" is missing")) {
      return "cannot load credentials: " + file + " has no \"type\"." + take;
    }
    return "cannot load credentials: "
        + Failure.sentence(message)
        + " Pass a service-account key file (JSON) with --credentials FILE.";
  }

  /**
   * Builds the client. The settings are checked first, so that a bad endpoint is a usage error even
   * when no credentials could be loaded; only then are the credentials asked for.
   */
  private static DeviceOperations client(
      AmapiOps options,
      @Nullable URI endpoint,
      Supplier<AccessTokenSource> tokens,
      @Nullable SSLContext tls) {
    DeviceOperationsBuilder<?> builder =
        switch (options.transport) {
          case JDK -> JdkHttpOperations.builder();
          case APACHE -> ApacheHttpOperations.builder();
        };
    if (options.maxAttempts < 1) {
      throw new Failure(
          ExitCode.USAGE,
          "--max-attempts must be at least 1 (the first attempt), was " + options.maxAttempts);
    }
    try {
      if (endpoint != null) {
        builder.endpoint(endpoint);
      }
    } catch (IllegalArgumentException e) {
      throw new Failure(
          ExitCode.USAGE, "--endpoint: " + Failure.sentence(String.valueOf(e.getMessage())), e);
    }
    Duration requestTimeout = options.requestTimeout;
    if (requestTimeout != null) {
      if (requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
        throw new Failure(
            ExitCode.USAGE,
            "--request-timeout must be at most 1h, was "
                + CancelCommand.format(requestTimeout)
                + ". See 'amapi-ops --help'.");
      }
      builder.requestTimeout(requestTimeout);
    }
    try {
      builder
          .applicationName("amapi-ops-cli/" + AmapiOps.version())
          .retryPolicy(
              RetryPolicy.of(
                  options.maxAttempts,
                  RetryPolicy.DEFAULT_INITIAL_BACKOFF,
                  RetryPolicy.DEFAULT_MAX_BACKOFF,
                  EnumSet.of(Code.UNAVAILABLE)));
      if (options.verbose) {
        builder.listener(new AttemptPrinter(options.err()));
      }
      if (tls != null) {
        builder.sslContext(tls);
      }
    } catch (IllegalArgumentException e) {
      throw new Failure(ExitCode.USAGE, "bad setting: " + e.getMessage(), e);
    }
    try {
      return builder.tokenSource(tokens.get()).build();
    } catch (IllegalStateException e) {
      // The credentials' universe domain does not match the endpoint, and the like.
      throw new Failure(ExitCode.AUTH, Failure.sentence(String.valueOf(e.getMessage())), e);
    }
  }
}
