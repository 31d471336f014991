/**
 * JUnit 5 support for the testkit: {@code FakeAmapiExtension}, {@code @FakeAmapi} and the contract
 * suites every implementation of the ports passes. Both packages are API.
 *
 * <p>Both are open to JUnit: it makes the package-private parameter resolver behind
 * {@code @FakeAmapi}, and runs the contract suites' package-private {@code @Test} and lifecycle
 * methods, which a consumer's subclass inherits.
 */
module dev.amapi.ops.testkit.junit5 {
  requires transitive dev.amapi.ops.testkit;
  requires transitive org.junit.jupiter.api;
  requires static org.jspecify;

  exports dev.amapi.ops.testkit.junit5;
  exports dev.amapi.ops.testkit.junit5.contract;

  opens dev.amapi.ops.testkit.junit5 to
      org.junit.platform.commons;
  opens dev.amapi.ops.testkit.junit5.contract to
      org.junit.platform.commons;
}
