/**
 * The {@code amapi-ops} command-line tool. It exports nothing: it is an application, run by its
 * main class {@code dev.amapi.ops.cli.Main}; its package is open to picocli, which reads the
 * command classes' annotated fields and methods.
 */
module dev.amapi.ops.cli {
  requires dev.amapi.ops.domain;
  requires dev.amapi.ops.rest;
  requires dev.amapi.ops.transport.jdk;
  requires dev.amapi.ops.transport.apache;
  requires dev.amapi.ops.auth;
  requires dev.amapi.ops.testkit;
  requires info.picocli;
  requires static org.jspecify;

  opens dev.amapi.ops.cli to
      info.picocli;
}
