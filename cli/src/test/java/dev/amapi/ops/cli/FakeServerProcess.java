package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar amapi-ops.jar fake-server ...} running in a process of its own, as a test in
 * another language starts it: the endpoint is read from the first line of its stdout.
 */
final class FakeServerProcess implements AutoCloseable {
  static final Path JAR = Path.of(System.getProperty("amapi-ops.jar", "target/amapi-ops.jar"));

  private final Process process;
  private final Path err;
  private final URI endpoint;

  private FakeServerProcess(Process process, Path err, URI endpoint) {
    this.process = process;
    this.err = err;
    this.endpoint = endpoint;
  }

  static FakeServerProcess start(String... args) throws Exception {
    assertThat(JAR).as("the shaded jar; run with mvn verify").exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString(), "fake-server"));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("amapi-ops-fake-server", ".err");
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), Charset.defaultCharset()));
    String first;
    try {
      // A hang guard only: the line comes as soon as the server listens.
      first =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return out.readLine();
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("no endpoint on stdout; stderr: " + Files.readString(err), e);
    }
    assertThat(first).as("first line of stdout; stderr: %s", Files.readString(err)).isNotNull();
    return new FakeServerProcess(process, err, URI.create(first));
  }

  URI endpoint() {
    return endpoint;
  }

  String err() throws Exception {
    return Files.readString(err, Charset.defaultCharset());
  }

  /** Stops the server as Ctrl-C or a service manager would (SIGTERM), and waits for the exit. */
  boolean stop() throws InterruptedException {
    process.destroy();
    return process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(err);
  }
}
