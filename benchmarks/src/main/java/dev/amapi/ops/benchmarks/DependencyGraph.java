package dev.amapi.ops.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This module's runtime dependencies as Maven resolved them at build time: the verbose dependency
 * tree ({@code dependency:tree -Dverbose}) for who brings what, and the runtime class path ({@code
 * dependency:build-classpath}) for where each jar is. Both are written into the jar's resources
 * under {@code footprint/}.
 *
 * <p>{@link #runtimeJarsOf} follows every edge, including those the tree marks "omitted for
 * duplicate" or "omitted for conflict", so an artifact shared by two clients counts for both.
 */
final class DependencyGraph {
  private static final String TREE = "footprint/dependency-tree.txt";
  private static final String CLASSPATH = "footprint/runtime-classpath.txt";
  // "+- (g:a:type[:classifier]:version:scope - omitted for ...)" or "\- g:a:type:version:scope
  // (..)"
  private static final Pattern NODE =
      Pattern.compile("^(?<indent>[| +\\\\-]*)(?<omitted>\\()?(?<coords>[^ ()]+)");

  /** One resolved artifact: its coordinates and the keys of what it depends on. */
  private record Artifact(String key, String fileName, String scope, List<String> children) {}

  private final Map<String, Artifact> artifacts;
  private final Map<String, Path> jarsByFileName;

  private DependencyGraph(Map<String, Artifact> artifacts, Map<String, Path> jarsByFileName) {
    this.artifacts = artifacts;
    this.jarsByFileName = jarsByFileName;
  }

  /** Reads the graph Maven wrote next to these classes. */
  static DependencyGraph load() {
    return parse(resource(TREE), resource(CLASSPATH));
  }

  static DependencyGraph parse(String tree, String classpath) {
    Map<String, Artifact> artifacts = new LinkedHashMap<>();
    // The expanded (not omitted) artifact at each depth on the current path.
    List<Artifact> path = new ArrayList<>();
    for (String line : tree.split("\\R")) {
      Matcher node = NODE.matcher(line);
      if (line.isBlank() || !node.find()) {
        continue;
      }
      int depth = node.group("indent").length() / 3;
      String[] parts = node.group("coords").split(":");
      if (parts.length < 4) {
        throw new IllegalStateException("Not a dependency in " + TREE + ": " + line);
      }
      String groupId = parts[0];
      String artifactId = parts[1];
      boolean root = depth == 0;
      // g:a:type:version (root), g:a:type:version:scope, or g:a:type:classifier:version:scope
      String classifier = parts.length == 6 ? parts[3] : "";
      String version = root ? parts[3] : parts[parts.length - 2];
      String scope = root ? "compile" : parts[parts.length - 1];
      String key = groupId + ":" + artifactId + (classifier.isEmpty() ? "" : ":" + classifier);
      String fileName =
          artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar";
      while (path.size() > depth) {
        path.remove(path.size() - 1);
      }
      if (depth > 0) {
        path.get(depth - 1).children().add(key);
      }
      if (node.group("omitted") == null) {
        Artifact artifact = new Artifact(key, fileName, scope, new ArrayList<>());
        artifacts.put(key, artifact);
        path.add(artifact);
      } else {
        // Expanded elsewhere; nothing hangs below an omitted node.
        path.add(new Artifact(key, fileName, scope, new ArrayList<>()));
      }
    }
    Map<String, Path> jars = new HashMap<>();
    for (String entry : classpath.strip().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        Path jar = Path.of(entry.strip());
        jars.put(jar.getFileName().toString(), jar);
      }
    }
    return new DependencyGraph(artifacts, jars);
  }

  /**
   * Returns the jars a consumer who declares only {@code artifactId} carries at run time: it and
   * everything it brings (compile and runtime scope), in tree order.
   *
   * @throws IllegalArgumentException if no resolved artifact has this ID
   * @throws IllegalStateException if a jar of the closure is not on the runtime class path
   */
  List<Path> runtimeJarsOf(String artifactId) {
    Artifact start =
        artifacts.values().stream()
            .filter(a -> a.key().split(":")[1].equals(artifactId))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("No " + artifactId + " in the dependency tree"));
    Set<String> seen = new HashSet<>();
    List<Artifact> closure = new ArrayList<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start.key()));
    while (!todo.isEmpty()) {
      String key = todo.pop();
      Artifact artifact = artifacts.get(key);
      if (artifact == null || !isRuntime(artifact.scope()) || !seen.add(key)) {
        continue;
      }
      closure.add(artifact);
      List<String> children = new ArrayList<>(artifact.children());
      Collections.reverse(children);
      children.forEach(todo::push);
    }
    List<Path> jars = new ArrayList<>();
    for (Artifact artifact : closure) {
      Path jar = jarsByFileName.get(artifact.fileName());
      if (jar == null) {
        throw new IllegalStateException(
            artifact.fileName() + " is in the dependency tree but not on the runtime class path");
      }
      jars.add(jar);
    }
    return jars;
  }

  private static boolean isRuntime(String scope) {
    return scope.equals("compile") || scope.equals("runtime");
  }

  private static String resource(String name) {
    try (InputStream in = DependencyGraph.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            name + " is missing: build the module with Maven (mvn -pl benchmarks -am package)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long size(Path jar) {
    try {
      return Files.size(jar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
