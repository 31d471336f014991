package dev.amapi.ops.cli;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.rest.WireFormat;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The {@code amapi-ops} entry point. */
public final class Main {
  private Main() {}

  /**
   * Runs the tool and exits the JVM with its exit code: 0 on success, the others as {@code --help}
   * lists them.
   *
   * @param args the command line, such as {@code cancel --wait
   *     enterprises/e/devices/d/operations/o}
   */
  public static void main(String[] args) {
    int exitCode = run(args, System.out, System.err);
    endIdleSelectorThreads();
    System.exit(exitCode);
  }

  /**
   * Ends the selector threads of the JDK's HTTP clients, all closed by now. On Java 17 {@code
   * HttpClient} has no {@code close()}: its selector thread waits in native code until the client
   * is collected, and {@code System.exit} waits 300 ms for a thread in native code to settle before
   * the JVM goes, half of a {@code --fake get}. An interrupt ends that thread's loop (on Java 21
   * and later the transport's {@code close()} has already ended it).
   */
  private static void endIdleSelectorThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 8];
    int count = root.enumerate(threads, true);
    for (int i = 0; i < count; i++) {
      Thread thread = threads[i];
      if (thread.getName().startsWith("HttpClient-")
          && thread.getName().endsWith("-SelectorManager")) {
        thread.interrupt();
      }
    }
  }

  /**
   * Runs the tool with these arguments, writing to these streams, and returns the exit code; the
   * testable form of {@link #main}. Every client and fake server it starts is closed on return.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    // The platform's charset is what System.out itself encodes with on Java 17.
    PrintWriter outWriter =
        new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset()), true);
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, Charset.defaultCharset()), true);
    try {
      return commandLine(outWriter, errWriter).execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    AmapiOps global = new AmapiOps(out, err);
    CommandLine commandLine =
        new CommandLine(global)
            .addSubcommand(new FakeServerCommand(global))
            .addSubcommand(new CancelCommand(global))
            .addSubcommand(new CancelPendingCommand(global))
            .addSubcommand(new IssueCommand(global))
            .addSubcommand(new GetCommand(global))
            .addSubcommand(new ListCommand(global))
            .addSubcommand(new CommandLine.HelpCommand());
    listExitCodes(commandLine);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (ParameterException e, String[] args) -> {
          String command = e.getCommandLine().getCommandSpec().qualifiedName();
          String line =
              Failure.sentence(String.valueOf(e.getMessage())) + " See '" + command + " --help'.";
          // The options may not have been parsed: --json anywhere asks for JSON.
          if (global.json || Arrays.asList(args).contains("--json")) {
            printJsonError(out, new Failure(ExitCode.USAGE, line));
          }
          err.println("amapi-ops: " + WireFormat.oneLine(line));
          err.flush();
          return ExitCode.USAGE.code();
        });
    commandLine.setExecutionExceptionHandler(
        (Exception e, CommandLine failed, CommandLine.ParseResult parseResult) -> {
          Failure failure;
          if (e instanceof Failure known) {
            failure = known;
          } else if (e instanceof AmapiException amapi) {
            failure = new Failure(ExitCode.of(amapi.code()), String.valueOf(e.getMessage()), e);
          } else {
            failure =
                new Failure(
                    ExitCode.ERROR,
                    "unexpected error: "
                        + e
                        + (global.verbose ? "" : " (run with --verbose for the stack trace)"),
                    e);
          }
          if (global.json) {
            printJsonError(global.out(), failure);
          }
          printFailure(global, failure);
          return failure.exitCode().code();
        });
    return commandLine;
  }

  /**
   * Gives every command the list of its exit codes from {@link ExitCode}, so that no two lists can
   * disagree (each command's annotation keeps only the heading): every code for the tool itself and
   * for the commands that wait for operations (cancel, cancel-pending); only the codes a read can
   * end with for get and list; success and bad usage for help.
   */
  private static void listExitCodes(CommandLine commandLine) {
    Set<ExitCode> all = EnumSet.allOf(ExitCode.class);
    commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList(all));
    for (CommandLine command : commandLine.getSubcommands().values()) {
      Object user = command.getCommand();
      Set<ExitCode> codes;
      if (user instanceof CancelCommand
          || user instanceof CancelPendingCommand
          || user instanceof IssueCommand) {
        codes = all;
      } else if (user instanceof CommandLine.HelpCommand) {
        codes = EnumSet.of(ExitCode.OK, ExitCode.USAGE);
      } else {
        codes = ExitCode.ofReads();
      }
      command.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList(codes));
    }
  }

  /** With {@code --json}, a failure is a JSON line on stdout too, for a script reading it. */
  static void printJsonError(PrintWriter out, Failure failure) {
    out.println(
        JsonText.object()
            .raw(
                "error",
                JsonText.object()
                    .string("message", WireFormat.oneLine(String.valueOf(failure.getMessage())))
                    .endObject())
            .number("exitCode", failure.exitCode().code())
            .endObject());
    out.flush();
  }

  /** Prints the failure's line, and with {@code --verbose} the stack trace of its cause. */
  static void printFailure(AmapiOps global, Failure failure) {
    PrintWriter err = global.err();
    // Whatever built the line, a message from outside must not reach the terminal raw.
    err.println("amapi-ops: " + WireFormat.oneLine(String.valueOf(failure.getMessage())));
    if (global.verbose) {
      Throwable cause = failure.getCause();
      StringWriter trace = new StringWriter();
      (cause == null ? failure : cause).printStackTrace(new PrintWriter(trace));
      // Messages in the trace can hold what a server said: each line goes out cleaned too.
      trace
          .toString()
          .lines()
          .map(line -> (line.startsWith("\t") ? "\t" : "") + WireFormat.oneLine(line))
          .forEach(err::println);
    }
    err.flush();
  }
}
