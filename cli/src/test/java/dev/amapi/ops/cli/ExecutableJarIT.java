package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** The shaded jar {@code mvn package} builds, run as {@code java -jar} in its own process. */
class ExecutableJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("amapi-ops.jar", "target/amapi-ops.jar"));

  /** Tests that the jar cancels an operation of the built-in fake and exits promptly with 0. */
  @Test
  void javaJar_fakeCancelWait_cancelsAndExits() throws Exception {
    Result result =
        run("--fake", "cancel", FakeFleet.PENDING_REBOOT.toString(), "--wait", "--timeout", "5s");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).containsPattern(FakeFleet.PENDING_REBOOT + " +CANCELLED");
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .startsWith("amapi-ops: using the built-in fake server");
  }

  /** Tests that the jar's exit code reaches the shell: a scripted outcome, over Apache. */
  @Test
  void javaJar_stillRunning_exits7() throws Exception {
    Result result =
        run(
            "--fake",
            "--fake-script",
            "never",
            "--transport",
            "apache",
            "cancel",
            FakeFleet.PENDING_REBOOT.toString(),
            "--wait",
            "--timeout",
            "500ms");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(7);
    // Apache's logging is silenced by the bundled binding: only the fake's notice is on stderr.
    assertThat(result.err().lines()).hasSize(1);
  }

  /**
   * Tests that the jar carries no JUnit: the tool embeds the testkit's fakes, which have none, and
   * never the JUnit 5 module.
   */
  @Test
  void jar_holdsNoJUnitClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.stream().map(entry -> entry.getName()))
          .as("entries of %s", JAR)
          .isNotEmpty()
          .noneMatch(name -> name.startsWith("org/junit/"))
          .noneMatch(name -> name.startsWith("dev/amapi/ops/testkit/junit5/"));
    }
  }

  /** Tests that the jar's manifest names its main class, module and version. */
  @Test
  void manifest_namesMainClassModuleAndVersion() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Manifest manifest = jar.getManifest();
      assertThat(manifest.getMainAttributes().getValue("Main-Class"))
          .isEqualTo("dev.amapi.ops.cli.Main");
      assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("dev.amapi.ops.cli");
      assertThat(manifest.getMainAttributes().getValue("Implementation-Version")).isNotBlank();
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
    }
  }

  /** Tests that --version reads the version from the jar. */
  @Test
  void javaJar_version_fromManifest() throws Exception {
    Result result = run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("amapi-ops ").doesNotContain("development");
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) throws Exception {
    assertThat(JAR).as("the shaded jar; run with mvn verify").exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("amapi-ops", ".out");
    Path err = Files.createTempFile("amapi-ops", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      boolean exited = process.waitFor(60, TimeUnit.SECONDS);
      if (!exited) {
        process.destroyForcibly();
      }
      assertThat(exited).as("the jar exits within 60 s").isTrue();
      return new Result(
          process.exitValue(),
          Files.readString(out, Charset.defaultCharset()),
          Files.readString(err, Charset.defaultCharset()));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
