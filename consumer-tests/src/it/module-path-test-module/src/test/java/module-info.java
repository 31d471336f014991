/** The tests as a module of their own, open to JUnit, reading what they test with. */
open module com.example.modular.test {
  requires com.example.modular;
  requires dev.amapi.ops.transport.jdk;
  requires dev.amapi.ops.testkit.junit5;
  requires org.junit.jupiter.api;
}
