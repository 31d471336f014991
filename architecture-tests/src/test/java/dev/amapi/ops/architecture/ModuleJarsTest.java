package dev.amapi.ops.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the jars the reactor built: each declares its root package as {@code
 * Automatic-Module-Name}, so module-path consumers get a stable name.
 */
class ModuleJarsTest {

  private static final JavaClasses PRODUCTION_CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages(Rules.ROOT_PACKAGE);

  @ParameterizedTest
  @EnumSource(Module.class)
  void moduleJar_declaresRootPackageAsAutomaticModuleName(Module module) throws IOException {
    URI location = locationOf(module);
    // `mvn test` puts target/classes on the class path; from `package` on, it is the jar.
    assumeThat(location.getScheme()).as("%s is not a jar", location).isEqualTo("jar");

    try (JarFile jar = new JarFile(jarPath(location).toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .as("Automatic-Module-Name of %s", jar.getName())
          .isEqualTo(module.rootPackage());
    }
  }

  private static URI locationOf(Module module) {
    return PRODUCTION_CLASSES.stream()
        .filter(javaClass -> javaClass.getPackageName().equals(module.rootPackage()))
        .map(JavaClass::getSource)
        .flatMap(Optional::stream)
        .map(Source::getUri)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no class of " + module.moduleName()));
  }

  /** {@code jar:file:/x/y.jar!/dev/amapi/...class} to {@code /x/y.jar}. */
  private static Path jarPath(URI location) {
    String spec = location.getSchemeSpecificPart();
    return Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
  }
}
