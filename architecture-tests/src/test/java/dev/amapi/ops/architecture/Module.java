package dev.amapi.ops.architecture;

import java.util.List;
import java.util.Locale;

/**
 * The Maven modules with production code, as ARCHITECTURE.md's module table describes them: each
 * row names its root package, the modules it may depend on, and the libraries it owns.
 *
 * <p>A library a row owns may be touched only by the rows that own it. Adding a module is one row
 * here; every rule in {@link Rules} picks it up, and {@link Rules#EVERY_CLASS_BELONGS_TO_A_MODULE}
 * fails until the row exists.
 */
enum Module {
  DOMAIN("dev.amapi.ops.domain", List.of(), List.of()),
  REST("dev.amapi.ops.rest", List.of(DOMAIN), List.of("com.fasterxml.jackson")),
  TRANSPORT_JDK("dev.amapi.ops.transport.jdk", List.of(DOMAIN, REST), List.of("java.net.http")),
  TRANSPORT_APACHE(
      "dev.amapi.ops.transport.apache", List.of(DOMAIN, REST), List.of("org.apache.hc")),
  TRANSPORT_OKHTTP(
      "dev.amapi.ops.transport.okhttp",
      List.of(DOMAIN, REST),
      List.of("okhttp3", "okio", "kotlin")),
  AUTH(
      "dev.amapi.ops.auth",
      List.of(DOMAIN),
      List.of("com.google.auth", "com.google.api.client", "com.google.gson")),
  OPENTELEMETRY("dev.amapi.ops.opentelemetry", List.of(DOMAIN, REST), List.of("io.opentelemetry")),
  // The testkit is one package: testkit-junit5 lives below it, and a subpackage added to the
  // testkit would belong to no row, which EVERY_CLASS_BELONGS_TO_A_MODULE reports.
  TESTKIT(
      "dev.amapi.ops.testkit",
      "dev.amapi.ops.testkit",
      List.of(DOMAIN, REST),
      List.of("com.fasterxml.jackson")),
  TESTKIT_JUNIT5(
      "dev.amapi.ops.testkit.junit5", List.of(DOMAIN, REST, TESTKIT), List.of("org.junit")),
  CLI(
      "dev.amapi.ops.cli",
      List.of(DOMAIN, REST, TRANSPORT_JDK, TRANSPORT_APACHE, AUTH, TESTKIT),
      List.of("picocli")),
  // The testkit only from its test support (dev.amapi.ops.spring.test), which Rules checks.
  SPRING_BOOT_STARTER(
      "dev.amapi.ops.spring",
      List.of(DOMAIN, REST, TRANSPORT_JDK, TRANSPORT_APACHE, TRANSPORT_OKHTTP, AUTH, TESTKIT),
      List.of("org.springframework", "io.micrometer"));

  private final String rootPackage;
  private final String packages;
  private final List<Module> mayDependOn;
  private final List<String> ownedLibraries;

  Module(String rootPackage, List<Module> mayDependOn, List<String> ownedLibraries) {
    this(rootPackage, rootPackage + "..", mayDependOn, ownedLibraries);
  }

  Module(
      String rootPackage, String packages, List<Module> mayDependOn, List<String> ownedLibraries) {
    this.rootPackage = rootPackage;
    this.packages = packages;
    this.mayDependOn = mayDependOn;
    this.ownedLibraries = ownedLibraries;
  }

  /** The module's artifact-style name, {@code transport-jdk} for {@link #TRANSPORT_JDK}. */
  String moduleName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The root package, which is also the jar's module name (its {@code module-info}). */
  String rootPackage() {
    return rootPackage;
  }

  /** ArchUnit's identifier for the module's packages: the root and, for most, everything below. */
  String packages() {
    return packages;
  }

  List<Module> mayDependOn() {
    return mayDependOn;
  }

  /** Root packages of the libraries only this module (and other rows owning them) may touch. */
  List<String> ownedLibraries() {
    return ownedLibraries;
  }
}
