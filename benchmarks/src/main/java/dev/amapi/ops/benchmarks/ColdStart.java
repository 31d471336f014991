package dev.amapi.ops.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.testkit.FakeAmapiServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Times "first cancel in a fresh JVM": launches {@link FirstCancel} as a new process, N times per
 * client, interleaved, and prints the median (and range) of the time from launch to the answered
 * cancel, and to the process's exit. The fake server runs here, in the launching JVM, started
 * before any timing.
 *
 * <p>Each child's class path is this module's classes plus that client's runtime jars only (see
 * {@link DependencyGraph}); {@code JVM_ONLY} is a child that prints and exits, the floor under
 * every figure. One untimed round first warms the OS file cache, so all rounds read jars from
 * memory.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.amapi.ops.benchmarks.ColdStart [runs]}
 * (default 5). The classes are looked up in {@code target/classes} next to the jar, or where the
 * system property {@code benchmarks.classes} says.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be positive, was " + runs);
    }
    Path classes = classesDirectory();
    DependencyGraph graph = DependencyGraph.load();
    Map<String, String> classpaths = new LinkedHashMap<>();
    classpaths.put(FirstCancel.JVM_ONLY, classes.toString());
    for (Client client : Client.values()) {
      List<String> entries = new ArrayList<>(List.of(classes.toString()));
      graph.runtimeJarsOf(client.artifactId()).forEach(jar -> entries.add(jar.toString()));
      classpaths.put(client.name(), String.join(File.pathSeparator, entries));
    }
    // Google's client against https would set TLS up before its first request; see FirstCancel.
    classpaths.put(
        Client.GOOGLE.name() + FirstCancel.WITH_TLS,
        requireNonNull(classpaths.get(Client.GOOGLE.name())));

    Map<String, List<Double>> answered = new LinkedHashMap<>();
    Map<String, List<Double>> exited = new LinkedHashMap<>();
    try (FakeAmapiServer server = OnFakeServer.startServer()) {
      String name =
          server
              .operations()
              .issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT)
              .name()
              .toString();
      for (int run = 0; run <= runs; run++) {
        for (Map.Entry<String, String> variant : classpaths.entrySet()) {
          double[] times = launch(variant.getKey(), variant.getValue(), server, name);
          if (run > 0) {
            answered.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(times[0]);
            exited.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(times[1]);
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d cancels answered by the fake server (%d timed runs per client + 1 untimed)%n%n",
          server.requestsTo(":cancel").size(),
          runs);
    }
    System.out.println(
        "| process | launch → cancel answered, median (min–max) ms"
            + " | launch → exit, median (min–max) ms |");
    System.out.println("|---|---:|---:|");
    for (String variant : classpaths.keySet()) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s |%n",
          variant,
          summary(requireNonNull(answered.get(variant))),
          summary(requireNonNull(exited.get(variant))));
    }
  }

  /** Runs one child; returns milliseconds from launch to its "answered" line, and to its exit. */
  private static double[] launch(
      String variant, String classpath, FakeAmapiServer server, String name)
      throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("first-cancel", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  javaExecutable(),
                  "-cp",
                  classpath,
                  FirstCancel.class.getName(),
                  variant,
                  server.endpoint().toString(),
                  name)
              .redirectError(stderr.toFile());
      long start = System.nanoTime();
      Process process = builder.start();
      long answeredAt = -1;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (answeredAt < 0 && line.equals(FirstCancel.ANSWERED)) {
            answeredAt = System.nanoTime();
          }
        }
      }
      int exit = process.waitFor();
      long exitedAt = System.nanoTime();
      if (exit != 0 || answeredAt < 0) {
        throw new IllegalStateException(
            variant + " failed (exit " + exit + "): " + Files.readString(stderr));
      }
      return new double[] {(answeredAt - start) / 1e6, (exitedAt - start) / 1e6};
    } finally {
      Files.deleteIfExists(stderr);
    }
  }

  private static String summary(List<Double> millis) {
    List<Double> sorted = millis.stream().sorted().collect(Collectors.toList());
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", median, sorted.get(0), sorted.get(n - 1));
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path classesDirectory() {
    String configured = System.getProperty("benchmarks.classes");
    if (configured != null) {
      return Path.of(configured);
    }
    Path location;
    try {
      location =
          Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path classes = Files.isDirectory(location) ? location : location.resolveSibling("classes");
    if (!Files.isRegularFile(
        classes.resolve(FirstCancel.class.getName().replace('.', '/') + ".class"))) {
      throw new UncheckedIOException(
          new IOException(
              "No "
                  + FirstCancel.class.getName()
                  + " under "
                  + classes
                  + ": build with Maven, or set -Dbenchmarks.classes"));
    }
    return classes;
  }
}
