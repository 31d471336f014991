package dev.amapi.ops.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * Prints what each client puts on a consumer's runtime class path: jars, bytes and class files,
 * from the dependency tree Maven resolved when this module was built (see {@link DependencyGraph}).
 * Google's client is counted with the versions Maven picks for a project that declares only it.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.amapi.ops.benchmarks.Footprint [--list]};
 * {@code --list} also prints every jar.
 */
public final class Footprint {
  private Footprint() {}

  public static void main(String[] args) {
    boolean list = List.of(args).contains("--list");
    DependencyGraph graph = DependencyGraph.load();
    List<Path> jdk = graph.runtimeJarsOf(Client.AMAPI_JDK.artifactId());
    List<Path> apache = graph.runtimeJarsOf(Client.AMAPI_APACHE.artifactId());
    List<Path> okhttp = graph.runtimeJarsOf(Client.AMAPI_OKHTTP.artifactId());
    Set<Path> both = new LinkedHashSet<>(jdk);
    both.addAll(apache);
    List<Path> google = graph.runtimeJarsOf(Client.GOOGLE.artifactId());

    System.out.println("| runtime class path | jars | bytes | KiB | class files |");
    System.out.println("|---|---:|---:|---:|---:|");
    row("amapi-ops: domain + rest + transport-jdk", jdk);
    row("amapi-ops: domain + rest + transport-apache", apache);
    row("amapi-ops: domain + rest + transport-okhttp", okhttp);
    row("amapi-ops: both transports", new ArrayList<>(both));
    row("Google: google-api-services-androidmanagement v1-rev20211122-1.32.1", google);
    if (list) {
      print("amapi-ops, both transports", both);
      print("Google's generated client", google);
    }
  }

  private static void row(String what, List<Path> jars) {
    long bytes = jars.stream().mapToLong(DependencyGraph::size).sum();
    long classes = jars.stream().mapToLong(Footprint::classFiles).sum();
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %,d | %,d | %,d |%n",
        what,
        jars.size(),
        bytes,
        Math.round(bytes / 1024.0),
        classes);
  }

  private static void print(String what, Iterable<Path> jars) {
    System.out.println();
    System.out.println(what + ":");
    for (Path jar : jars) {
      System.out.printf(Locale.ROOT, "  %,11d  %s%n", DependencyGraph.size(jar), jar.getFileName());
    }
  }

  private static long classFiles(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream()
          .filter(e -> e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/"))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + jar, e);
    }
  }
}
