package dev.amapi.ops.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Real-shaped API bodies to test against, kept in this module's test resources: operations as the
 * API returns them and error bodies as Google's front end sends them (public facts, copied from the
 * API's documentation and observed answers; see {@code reference/README.md} beside them).
 */
final class Reference {
  private static final String ROOT = "/dev/amapi/ops/rest/reference/";

  private Reference() {}

  /** Returns the bytes of a reference file, such as {@code "operations/pending-reboot.json"}. */
  static byte[] bytes(String relativePath) {
    try (InputStream in = Reference.class.getResourceAsStream(ROOT + relativePath)) {
      if (in == null) {
        throw new IllegalArgumentException("No reference file " + ROOT + relativePath);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference file " + relativePath, e);
    }
  }
}
