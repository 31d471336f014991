/** A module that reaches into amapi-ops's internals, which the module system refuses. */
module com.example.sneaky {
  requires dev.amapi.ops.transport.jdk;
}
