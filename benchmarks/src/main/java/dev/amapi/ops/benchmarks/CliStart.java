package dev.amapi.ops.benchmarks;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Times the command line from process start to exit: {@code amapi-ops --fake get NAME}, the whole
 * tool (JVM start, picocli, the embedded fake server, the client, one GET, the table) as a user
 * runs it, N times per variant, interleaved, after untimed warm-up rounds that fill the OS file
 * cache; prints the median, min, quartiles, p90 and max in milliseconds. Variants:
 *
 * <ul>
 *   <li>{@code java -jar}: {@code java -jar cli/target/amapi-ops.jar}, no options;
 *   <li>{@code launcher, no archive}: {@code cli/target/amapi-ops} copied with the jar to a
 *       directory without the class-data archive (its JVM flags, the JDK's own archive);
 *   <li>{@code launcher}: {@code cli/target/amapi-ops} as built, with its archive.
 * </ul>
 *
 * <p>With {@code --flags}, also {@code java -jar} with one option at a time: the launcher's two
 * (the archive, {@code -XX:TieredStopAtLevel=1}) and one it leaves out ({@code -XX:+UseSerialGC}),
 * to see what each brings. Every process gets this JVM's {@code java} ({@code JAVA_HOME} for the
 * launcher), so the archive fits only when this runs on the JDK that built it; the header says
 * which JDK and the load average before and after.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.amapi.ops.benchmarks.CliStart [runs]
 * [--flags]} (default 20 runs, 3 warm-up rounds). The CLI is looked up in {@code cli/target} beside
 * this module's {@code target}, or where the system property {@code cli.target} says; build it
 * first ({@code mvn -B -q package -DskipTests}).
 */
public final class CliStart {
  private CliStart() {}

  private static final int WARM_UP_ROUNDS = 3;
  private static final String OPERATION =
      "enterprises/LC03k6enk8/devices/36c339908766f292/operations/1786048741205";

  /** One way of starting the tool: the command before the tool's own arguments. */
  private record Variant(String label, List<String> command) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = 20;
    boolean flags = false;
    for (String arg : args) {
      if (arg.equals("--flags")) {
        flags = true;
      } else {
        runs = Integer.parseInt(arg);
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be positive, was " + runs);
    }
    Path cli = cliTarget();
    Path jar = cli.resolve("amapi-ops.jar");
    Path launcher = cli.resolve("amapi-ops");
    Path archive = cli.resolve("amapi-ops.jsa");
    for (Path built : List.of(jar, launcher, archive)) {
      if (!Files.isRegularFile(built)) {
        throw new UncheckedIOException(
            new IOException(
                "No "
                    + built
                    + ": build the CLI first (mvn -B -q package -DskipTests), or set"
                    + " -Dcli.target"));
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path bare = Files.createTempDirectory("amapi-ops-no-archive");
    try {
      Files.copy(launcher, bare.resolve("amapi-ops"), StandardCopyOption.COPY_ATTRIBUTES);
      Files.copy(jar, bare.resolve("amapi-ops.jar"));
      List<Variant> variants = new ArrayList<>();
      variants.add(new Variant("java -jar", List.of(java, "-jar", jar.toString())));
      variants.add(
          new Variant("launcher, no archive", List.of("sh", bare.resolve("amapi-ops").toString())));
      variants.add(new Variant("launcher", List.of("sh", launcher.toString())));
      if (flags) {
        variants.add(
            new Variant(
                "java -jar + archive only",
                List.of(java, "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString())));
        variants.add(
            new Variant(
                "java -jar + TieredStopAtLevel=1 only",
                List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString())));
        variants.add(
            new Variant(
                "java -jar + UseSerialGC only",
                List.of(java, "-XX:+UseSerialGC", "-jar", jar.toString())));
      }

      String loadBefore = loadAverage();
      Map<String, List<Double>> millis = new LinkedHashMap<>();
      for (int round = -WARM_UP_ROUNDS; round < runs; round++) {
        // Reversed every other round, so that no variant always follows the same one.
        List<Variant> order = new ArrayList<>(variants);
        if ((round & 1) == 1) {
          Collections.reverse(order);
        }
        for (Variant variant : order) {
          double elapsed = launch(variant);
          if (round >= 0) {
            millis.computeIfAbsent(variant.label(), k -> new ArrayList<>()).add(elapsed);
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "amapi-ops --fake get, process start to exit; Java %s (%s), %d cores;"
              + " %d timed runs per variant after %d warm-up rounds; load average before: %s,"
              + " after: %s%n%n",
          System.getProperty("java.runtime.version"),
          System.getProperty("java.vendor"),
          Runtime.getRuntime().availableProcessors(),
          runs,
          WARM_UP_ROUNDS,
          loadBefore,
          loadAverage());
      System.out.println("| variant | median ms | min | p25–p75 | p90 | max |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      for (Variant variant : variants) {
        List<Double> sorted =
            requireNonNull(millis.get(variant.label())).stream()
                .sorted()
                .collect(Collectors.toList());
        System.out.printf(
            Locale.ROOT,
            "| %s | %.0f | %.0f | %.0f–%.0f | %.0f | %.0f |%n",
            variant.label(),
            percentile(sorted, 50),
            sorted.get(0),
            percentile(sorted, 25),
            percentile(sorted, 75),
            percentile(sorted, 90),
            sorted.get(sorted.size() - 1));
      }
    } finally {
      try (var files = Files.list(bare)) {
        for (Path file : files.collect(Collectors.toList())) {
          Files.delete(file);
        }
      }
      Files.delete(bare);
    }
  }

  /** Runs the tool once; returns milliseconds from start to exit. */
  private static double launch(Variant variant) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(variant.command());
    command.addAll(List.of("--fake", "get", OPERATION));
    Path out = Files.createTempFile("amapi-ops", ".out");
    Path err = Files.createTempFile("amapi-ops", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().remove("JDK_JAVA_OPTIONS");
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      long start = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(variant.label() + " did not exit within 60 s");
      }
      long exited = System.nanoTime();
      String stdout = Files.readString(out, Charset.defaultCharset());
      if (process.exitValue() != 0 || !stdout.contains(OPERATION)) {
        throw new IllegalStateException(
            variant.label()
                + " failed (exit "
                + process.exitValue()
                + "): "
                + stdout
                + Files.readString(err, Charset.defaultCharset()));
      }
      return (exited - start) / 1e6;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The nearest-rank percentile of sorted values. */
  private static double percentile(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** The 1, 5 and 15 minute load averages, where Linux says them. */
  static String loadAverage() {
    Path loadavg = Path.of("/proc/loadavg");
    try {
      String[] fields = Files.readString(loadavg, Charset.defaultCharset()).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Path cliTarget() {
    String configured = System.getProperty("cli.target");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    Path location;
    try {
      location =
          Path.of(CliStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    // benchmarks/target/benchmarks.jar or benchmarks/target/classes: the module's target.
    Path target = requireNonNull(location.getParent());
    return target.resolve("../../cli/target").normalize();
  }
}
