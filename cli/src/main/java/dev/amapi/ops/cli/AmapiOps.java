package dev.amapi.ops.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top command, {@code amapi-ops}: holds the options every subcommand inherits (transport,
 * endpoint, credentials, output format, fake) and the streams the commands write to.
 */
@Command(
    name = "amapi-ops",
    mixinStandardHelpOptions = true,
    versionProvider = AmapiOps.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Cancel, read and list the long-running operations of Android Management API devices.",
      "",
      "Try it without a Google account: amapi-ops --fake list enterprises/LC03k6enk8/devices/"
          + "36c339908766f292"
    },
    exitCodeListHeading = "%nExit codes:%n")
final class AmapiOps implements Callable<Integer> {

  /** The HTTP stacks the tool can use. */
  enum Transport {
    JDK,
    APACHE
  }

  @Option(
      names = "--transport",
      scope = ScopeType.INHERIT,
      paramLabel = "jdk|apache",
      description =
          "HTTP client to use: jdk (java.net.http, the default) or apache (HttpClient 5).")
  Transport transport = Transport.JDK;

  @Option(
      names = "--endpoint",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "API endpoint; default https://androidmanagement.googleapis.com/. Must be https,"
              + " except on loopback.")
  @Nullable String endpoint;

  @Option(
      names = "--credentials",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "Service-account key file (JSON). Default: Application Default Credentials"
              + " (GOOGLE_APPLICATION_CREDENTIALS, or gcloud auth application-default login).")
  @Nullable String credentials;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print one JSON document instead of a table.")
  boolean json;

  @Option(
      names = "--fake",
      scope = ScopeType.INHERIT,
      description =
          "Run against a built-in fake server with sample operations on two devices and 40 kiosks"
              + " of enterprise LC03k6enk8; needs no credentials and sends nothing to Google.")
  boolean fake;

  @Option(
      names = "--fake-script",
      scope = ScopeType.INHERIT,
      hidden = true,
      paramLabel = "KIND",
      converter = FakeScript.Converter.class,
      description =
          "With --fake: what the fake does on cancel: default (cancels at once), unimplemented,"
              + " complete-anyway, fail, slow-cancel, never, reject-done.")
  FakeScript fakeScript = FakeScript.CANCEL;

  @Option(
      names = "--max-attempts",
      scope = ScopeType.INHERIT,
      paramLabel = "N",
      description =
          "Attempts per call when the server is unavailable, the first included; default 5.")
  int maxAttempts = 5;

  @Option(
      names = "--request-timeout",
      scope = ScopeType.INHERIT,
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long one attempt of a call may take, from sending to the whole answer, such as"
              + " 10s (the default), 500ms, 1m; at most 1h.")
  @Nullable Duration requestTimeout;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description =
          "Print each HTTP attempt on stderr (method, path, status, code, latency, retry delay),"
              + " and stack traces of errors.")
  boolean verbose;

  private final PrintWriter out;
  private final PrintWriter err;

  AmapiOps(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  @Override
  public Integer call() {
    throw new Failure(
        ExitCode.USAGE,
        "name a command: cancel, cancel-pending, get, list or help (see 'amapi-ops --help')");
  }

  /** Returns the tool's version, from its jar's manifest. */
  static String version() {
    return Optional.ofNullable(AmapiOps.class.getPackage().getImplementationVersion())
        .orElse("development");
  }

  /** Reads the version from the jar's manifest ({@code Implementation-Version}). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "amapi-ops " + version(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
