package dev.amapi.ops.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference data ({@code /work/shared/reference}): real-shaped API bodies to test
 * against. Found at {@code ../../shared/reference} from the module directory, or wherever the
 * system property {@code amapi.reference.dir} points.
 */
final class Reference {
  private Reference() {}

  /** Returns the directory holding the reference data. */
  static Path dir() {
    String override = System.getProperty("amapi.reference.dir");
    return override != null && !override.isEmpty()
        ? Path.of(override)
        : Path.of("../../shared/reference");
  }

  /** Returns the bytes of a reference file, such as {@code "operations/pending-reboot.json"}. */
  static byte[] bytes(String relativePath) {
    Path file = dir().resolve(relativePath);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference file " + file.toAbsolutePath(), e);
    }
  }
}
