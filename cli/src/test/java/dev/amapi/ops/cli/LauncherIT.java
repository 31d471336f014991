package dev.amapi.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code mvn package} writes, {@code target/amapi-ops}, run by {@code sh} in its own
 * process with {@code JAVA_HOME} set to the JDK running the tests (the one that made the archive):
 * with the class-data archive, and without a usable one, where it must still work and print nothing
 * of the JVM's on stdout or stderr.
 */
class LauncherIT {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("amapi-ops.launcher", "target/amapi-ops"));
  private static final Path JAR =
      Path.of(System.getProperty("amapi-ops.jar", "target/amapi-ops.jar"));
  private static final Path ARCHIVE = LAUNCHER.resolveSibling("amapi-ops.jsa");
  private static final Path ARCHIVE_JDK = LAUNCHER.resolveSibling("amapi-ops.jsa.jdk");
  private static final String FAKE_NOTICE = "amapi-ops: using the built-in fake server";

  /** Tests that the launcher built next to the jar reads an operation of the fake and exits 0. */
  @Test
  void launcher_fakeGet_printsTheOperation() throws Exception {
    Result result = run(LAUNCHER, Map.of(), "--fake", "get", FakeFleet.PENDING_LOCK.toString());

    assertGetPrinted(result);
  }

  /**
   * Tests that the build left an archive for the launcher, and that the JVM it starts loads the
   * tool's classes from it (the class-loading log, asked for through {@code JDK_JAVA_OPTIONS}).
   */
  @Test
  void launcher_loadsTheToolsClassesFromTheArchive() throws Exception {
    assertThat(ARCHIVE).as("the class-data archive mvn package makes").isNotEmptyFile();
    assertThat(ARCHIVE_JDK).hasSameBinaryContentAs(javaHome().resolve("release"));

    Result result =
        run(
            LAUNCHER,
            Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:stdout"),
            "--fake",
            "get",
            FakeFleet.PENDING_LOCK.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .containsPattern("dev\\.amapi\\.ops\\.cli\\.Main source: shared objects file")
        .containsPattern("dev\\.amapi\\.ops\\.cli\\.GetCommand source: shared objects file");
  }

  /** Tests that the launcher, moved to a directory without the archive, runs the jar as it is. */
  @Test
  void launcher_withoutArchive_worksAndPrintsNothingMore(@TempDir Path dir) throws Exception {
    Path launcher = copyLauncherAndJar(dir);

    Result result = run(launcher, Map.of(), "--fake", "get", FakeFleet.PENDING_LOCK.toString());

    assertGetPrinted(result);
  }

  /**
   * Tests that an archive the JVM refuses (not an archive at all, stamped as this JDK's so that the
   * launcher hands it over) changes nothing the user sees: same output, same exit code, no warning.
   */
  @Test
  void launcher_corruptArchive_worksAndPrintsNothingMore(@TempDir Path dir) throws Exception {
    Path launcher = copyLauncherAndJar(dir);
    byte[] junk = new byte[64 * 1024];
    new java.util.Random(15).nextBytes(junk);
    Files.write(dir.resolve("amapi-ops.jsa"), junk);
    Files.copy(javaHome().resolve("release"), dir.resolve("amapi-ops.jsa.jdk"));

    Result result = run(launcher, Map.of(), "--fake", "get", FakeFleet.PENDING_LOCK.toString());

    assertGetPrinted(result);
  }

  /**
   * Tests that the archive of another JDK (its stamp names another release) is left aside, and the
   * tool works as without one.
   */
  @Test
  void launcher_archiveOfAnotherJdk_isLeftAside(@TempDir Path dir) throws Exception {
    Path launcher = copyLauncherAndJar(dir);
    Files.copy(ARCHIVE, dir.resolve("amapi-ops.jsa"));
    Files.writeString(
        dir.resolve("amapi-ops.jsa.jdk"),
        "IMPLEMENTOR=\"Elsewhere\"\nJAVA_VERSION=\"99\"\n",
        StandardCharsets.UTF_8);

    Result result =
        run(
            launcher,
            Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:stdout"),
            "--fake",
            "get",
            FakeFleet.PENDING_LOCK.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .containsPattern("dev\\.amapi\\.ops\\.cli\\.Main source: (jar|file):")
        .doesNotContain("[cds")
        .doesNotContain("[warning")
        .doesNotContain("VM warning");
  }

  /**
   * Tests that the launcher's directory with the archive copied elsewhere (the archive names the
   * jar where it was built, so the JVM may refuse it) still works and prints nothing more.
   */
  @Test
  void launcher_movedWithItsArchive_worksAndPrintsNothingMore(@TempDir Path dir) throws Exception {
    Path launcher = copyLauncherAndJar(dir);
    Files.copy(ARCHIVE, dir.resolve("amapi-ops.jsa"));
    Files.copy(ARCHIVE_JDK, dir.resolve("amapi-ops.jsa.jdk"));

    Result result = run(launcher, Map.of(), "--fake", "get", FakeFleet.PENDING_LOCK.toString());

    assertGetPrinted(result);
  }

  /** Tests that the launcher reached through a symbolic link (~/bin, say) finds its jar. */
  @Test
  void launcher_throughASymbolicLink_findsItsJar(@TempDir Path dir) throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("amapi-ops"), LAUNCHER.toAbsolutePath());

    Result result = run(link, Map.of(), "--fake", "get", FakeFleet.PENDING_LOCK.toString());

    assertGetPrinted(result);
  }

  /** Tests that the launcher's exit code and stdout are those of {@code java -jar}. */
  @Test
  void launcher_sameOutcomeAsJavaJar() throws Exception {
    String[] args = {"--fake", "get", FakeFleet.LOBBY_TABLET.operation("1").toString()};
    Path java = javaHome().resolve("bin").resolve("java");
    List<String> javaJar = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    javaJar.addAll(List.of(args));

    Result launched = run(LAUNCHER, Map.of(), args);
    Result plain = run(javaJar, Map.of());

    assertThat(launched.exitCode()).as(launched.err()).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(plain.exitCode()).as(plain.err()).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(launched.out()).isEqualTo(plain.out());
    assertThat(launched.err().lines().skip(1)).isEqualTo(plain.err().lines().skip(1).toList());
  }

  private static void assertGetPrinted(Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith("FIELD ")
        .containsPattern("NAME +" + FakeFleet.PENDING_LOCK + "\\R")
        .containsPattern("STATE +PENDING\\R")
        .doesNotContain("[cds")
        .doesNotContain("[warning")
        .doesNotContain("VM warning");
    assertThat(result.err().lines()).singleElement().asString().startsWith(FAKE_NOTICE);
  }

  private static Path copyLauncherAndJar(Path dir) throws IOException {
    Path launcher = dir.resolve("amapi-ops");
    Files.copy(LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(JAR, dir.resolve("amapi-ops.jar"));
    return launcher;
  }

  private static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result run(Path launcher, Map<String, String> env, String... args)
      throws Exception {
    assertThat(launcher).as("the launcher; run with mvn verify").isExecutable();
    List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
    command.addAll(List.of(args));
    return run(command, env);
  }

  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    Path out = Files.createTempFile("amapi-ops", ".out");
    Path err = Files.createTempFile("amapi-ops", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("JAVA_HOME", javaHome().toString());
      builder.environment().remove("JDK_JAVA_OPTIONS");
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      builder.environment().putAll(env);
      Process process = builder.start();
      boolean exited = process.waitFor(60, TimeUnit.SECONDS);
      if (!exited) {
        process.destroyForcibly();
      }
      assertThat(exited).as("the launcher exits within 60 s").isTrue();
      String stderr = Files.readString(err, Charset.defaultCharset());
      if (env.containsKey("JDK_JAVA_OPTIONS")) {
        // The java launcher says so on stderr, whatever the options.
        stderr =
            stderr
                .lines()
                .filter(line -> !line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS"))
                .reduce("", (a, b) -> a + b + "\n");
      }
      return new Result(
          process.exitValue(), Files.readString(out, Charset.defaultCharset()), stderr);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
