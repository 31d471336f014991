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
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Times "first cancel in a fresh JVM": launches {@link FirstCancel} as a new process, N times per
 * client and scheme, interleaved, and prints the median (and range) of the time from launch to the
 * answered cancel, and to the process's exit. The fake servers (one plain {@code http}, one {@code
 * https} with the testkit's certificate) run here, in the launching JVM, started before any timing.
 *
 * <p>Each child's class path is this module's classes plus that client's runtime jars only (see
 * {@link DependencyGraph}; the raw JDK client has none); {@code JVM_ONLY} is a child that prints
 * and exits, the floor under every figure. Over {@code https} each child builds an {@code
 * SSLContext} trusting the fake's certificate (written to a file for it) and does a full TLS
 * handshake: that is "first call over HTTPS in a new JVM". One untimed round first warms the OS
 * file cache, so all rounds read jars from memory.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.amapi.ops.benchmarks.ColdStart [runs]
 * [http|https|both]} (defaults 5, both). The classes are looked up in {@code target/classes} next
 * to the jar, or where the system property {@code benchmarks.classes} says.
 */
public final class ColdStart {
  private ColdStart() {}

  /** One kind of child process: what it runs, over which scheme, on which class path. */
  private record Variant(String label, String client, String scheme, String classpath) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be positive, was " + runs);
    }
    String schemeArgument = args.length > 1 ? args[1] : "both";
    List<String> schemes =
        switch (schemeArgument) {
          case "both" -> List.of("http", "https");
          case "http", "https" -> List.of(schemeArgument);
          default ->
              throw new IllegalArgumentException(
                  "scheme must be http, https or both, was " + schemeArgument);
        };
    Path classes = classesDirectory();
    DependencyGraph graph = DependencyGraph.load();
    List<Variant> variants = new ArrayList<>();
    variants.add(
        new Variant(FirstCancel.JVM_ONLY, FirstCancel.JVM_ONLY, "http", classes.toString()));
    for (String scheme : schemes) {
      for (Client client :
          List.of(
              Client.RAW_JDK,
              Client.AMAPI_JDK,
              Client.RAW_APACHE,
              Client.AMAPI_APACHE,
              Client.RAW_OKHTTP,
              Client.AMAPI_OKHTTP,
              Client.GOOGLE)) {
        List<String> entries = new ArrayList<>(List.of(classes.toString()));
        if (!client.artifactId().isEmpty()) {
          graph.runtimeJarsOf(client.artifactId()).forEach(jar -> entries.add(jar.toString()));
        }
        String classpath = String.join(File.pathSeparator, entries);
        variants.add(new Variant(client.name() + " " + scheme, client.name(), scheme, classpath));
        if (client == Client.GOOGLE && scheme.equals("http")) {
          // Google's client against https would set TLS up before its first request; see
          // FirstCancel.
          variants.add(
              new Variant(
                  client.name() + FirstCancel.WITH_TLS + " http",
                  client.name() + FirstCancel.WITH_TLS,
                  scheme,
                  classpath));
        }
      }
    }

    Map<String, List<Double>> answered = new LinkedHashMap<>();
    Map<String, List<Double>> exited = new LinkedHashMap<>();
    Path certificate = Files.createTempFile("fake-amapi-server", ".der");
    try (FakeAmapiServer http = OnFakeServer.startServer("http");
        FakeAmapiServer https = OnFakeServer.startServer("https")) {
      Files.write(certificate, FakeAmapiServer.certificate().getEncoded());
      Map<String, FakeAmapiServer> servers = Map.of("http", http, "https", https);
      Map<String, String> names = new LinkedHashMap<>();
      servers.forEach(
          (scheme, server) ->
              names.put(
                  scheme,
                  server
                      .operations()
                      .issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT)
                      .name()
                      .toString()));
      for (int run = 0; run <= runs; run++) {
        for (Variant variant : variants) {
          FakeAmapiServer server = requireNonNull(servers.get(variant.scheme()));
          double[] times =
              launch(
                  variant,
                  server,
                  requireNonNull(names.get(variant.scheme())),
                  variant.scheme().equals("https") ? certificate : null);
          if (run > 0) {
            answered.computeIfAbsent(variant.label(), k -> new ArrayList<>()).add(times[0]);
            exited.computeIfAbsent(variant.label(), k -> new ArrayList<>()).add(times[1]);
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d cancels answered over http, %d over https (%d timed runs per client + 1 untimed)%n%n",
          http.requestsTo(":cancel").size(),
          https.requestsTo(":cancel").size(),
          runs);
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    } finally {
      Files.deleteIfExists(certificate);
    }
    System.out.println(
        "| process | launch → cancel answered, median (min–max) ms"
            + " | launch → exit, median (min–max) ms |");
    System.out.println("|---|---:|---:|");
    for (Variant variant : variants) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s |%n",
          variant.label(),
          summary(requireNonNull(answered.get(variant.label()))),
          summary(requireNonNull(exited.get(variant.label()))));
    }
  }

  /** Runs one child; returns milliseconds from launch to its "answered" line, and to its exit. */
  private static double[] launch(
      Variant variant, FakeAmapiServer server, String name, @Nullable Path certificate)
      throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("first-cancel", ".err");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  javaExecutable(),
                  "-cp",
                  variant.classpath(),
                  FirstCancel.class.getName(),
                  variant.client(),
                  server.endpoint().toString(),
                  name));
      if (certificate != null) {
        command.add(certificate.toString());
      }
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
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
            variant.label() + " failed (exit " + exit + "): " + Files.readString(stderr));
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
