package dev.amapi.ops.testkit.junit5.contract;

import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.rest.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The API's real-shaped payloads the testkit ships (copied at build time from the project's
 * reference data): operations as the API returns them, and error bodies as Google's servers send
 * them.
 */
public final class ReferencePayloads {
  private static final String ROOT = "/dev/amapi/ops/testkit/junit5/reference/";

  /** The error bodies, named {@code <http status>-<what>.json}, and one HTML page from a proxy. */
  public static final List<String> ERROR_FILES =
      List.of(
          "400-invalid-argument-legacy-errors.json",
          "401-unauthenticated.json",
          "403-permission-denied.json",
          "404-not-found.json",
          "429-resource-exhausted.json",
          "500-empty-message.json",
          "501-unimplemented.json",
          "502-proxy-html.txt",
          "503-unavailable.json");

  private ReferencePayloads() {}

  /**
   * Returns the bytes of {@code errors/<file>}.
   *
   * @param file one of {@link #ERROR_FILES}
   * @return the body exactly as the server sent it
   * @throws IllegalArgumentException if there is no such file
   */
  public static byte[] error(String file) {
    return bytes("errors/" + file);
  }

  /**
   * Returns the HTTP status an error file is named after.
   *
   * @param errorFile one of {@link #ERROR_FILES}
   * @return the status its name starts with, such as 404 for {@code 404-not-found.json}
   */
  public static int httpStatusOf(String errorFile) {
    return Integer.parseInt(errorFile.substring(0, 3));
  }

  /**
   * Returns {@code operations/<file>} decoded, such as {@code cancelled-wipe.json}.
   *
   * @param file the file's name below {@code operations/}
   * @return the operation as the SDK's REST binding reads it
   * @throws IllegalArgumentException if there is no such file
   */
  public static Operation operation(String file) {
    return WireFormat.readOperation(bytes("operations/" + file));
  }

  /**
   * Returns the bytes of a reference file, by its path below the reference folder.
   *
   * @param path such as {@code errors/404-not-found.json}
   * @return the file's bytes, unchanged
   * @throws IllegalArgumentException if there is no such file
   * @throws UncheckedIOException if the file cannot be read
   */
  public static byte[] bytes(String path) {
    try (InputStream in = ReferencePayloads.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalArgumentException("No reference payload " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
