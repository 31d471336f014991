package dev.amapi.ops.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

  /** Tests that the README shows the example exactly as it is compiled here. */
  @Test
  void readme_showsTheCompiledExample() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/amapi/ops/transport/okhttp/ReadmeExample.java"));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(normalize(readme)).contains(normalize(snippet(source, "okhttp")));
  }

  /** Tests that the example runs and cancels the operation. */
  @Test
  void example_cancelsThePendingReboot() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      ReadmeExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }

    assertThat(out.toString(StandardCharsets.UTF_8))
        .matches(
            "enterprises/LC03k6enk8/devices/36c339908766f292/operations/\\d+ cancelled: true\\R");
  }

  static String snippet(String source, String name) {
    String start = "// README:" + name + ":start";
    String end = "// README:" + name + ":end";
    int from = source.indexOf(start);
    int to = source.indexOf(end);
    assertThat(from).as("marker %s", start).isNotNegative();
    assertThat(to).as("marker %s", end).isGreaterThan(from);
    return source.substring(from + start.length(), to);
  }

  /** Ignores indentation, which differs between a method body and a README. */
  static String normalize(String text) {
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .reduce("", (a, b) -> a + b + "\n");
  }
}
