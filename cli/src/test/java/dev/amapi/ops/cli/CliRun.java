package dev.amapi.ops.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** What one in-process run of the tool printed and returned. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    Charset charset = Charset.defaultCharset();
    try (PrintStream outStream = new PrintStream(out, true, charset);
        PrintStream errStream = new PrintStream(err, true, charset)) {
      code = Main.run(args, outStream, errStream);
    }
    return new CliRun(code, out.toString(charset), err.toString(charset));
  }

  static CliRun of(List<String> args) {
    return of(args.toArray(String[]::new));
  }

  /** Returns the stderr lines that are not the notice saying the fake is in use. */
  List<String> errorLines() {
    List<String> lines = new ArrayList<>();
    for (String line : err.split("\\R")) {
      if (!line.isEmpty() && !line.startsWith("amapi-ops: using the built-in fake server")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
