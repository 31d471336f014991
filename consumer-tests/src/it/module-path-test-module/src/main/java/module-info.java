/** A fleet service's own module: it needs the JDK transport only, which brings rest and domain. */
module com.example.modular {
  requires dev.amapi.ops.transport.jdk;

  exports com.example.modular;
}
