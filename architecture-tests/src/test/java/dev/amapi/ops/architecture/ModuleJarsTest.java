package dev.amapi.ops.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the jars the reactor built: each is a named module (a {@code module-info.class}, no {@code
 * Automatic-Module-Name}) called by its root package, the name its jar's {@code
 * Automatic-Module-Name} carried before, and exports no {@code internal} package to everyone.
 */
class ModuleJarsTest {

  private static final JavaClasses PRODUCTION_CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages(Rules.ROOT_PACKAGE);

  @ParameterizedTest
  @EnumSource(Module.class)
  void moduleJar_isNamedModuleCalledByItsRootPackage(Module module) throws IOException {
    Path jarPath = jarOf(module);

    ModuleDescriptor descriptor = descriptorOf(jarPath);
    assertThat(descriptor.isAutomatic()).as("%s has a module-info.class", jarPath).isFalse();
    assertThat(descriptor.name()).as("module name in %s", jarPath).isEqualTo(module.rootPackage());
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .as("Automatic-Module-Name of %s, a named module", jarPath)
          .isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Module.class)
  void moduleJar_exportsNoInternalPackageToEveryone(Module module) throws IOException {
    ModuleDescriptor descriptor = descriptorOf(jarOf(module));

    assertThat(descriptor.exports())
        .filteredOn(exported -> !exported.isQualified())
        .extracting(ModuleDescriptor.Exports::source)
        .as("packages %s exports to everyone", descriptor.name())
        .allMatch(pkg -> pkg.startsWith(module.rootPackage()))
        .noneMatch(pkg -> pkg.endsWith(".internal") || pkg.contains(".internal."));
  }

  private static Path jarOf(Module module) {
    URI location = locationOf(module);
    // `mvn test` puts target/classes on the class path; from `package` on, it is the jar.
    assumeThat(location.getScheme()).as("%s is not a jar", location).isEqualTo("jar");
    return jarPath(location);
  }

  private static ModuleDescriptor descriptorOf(Path jar) {
    return ModuleFinder.of(jar).findAll().stream()
        .map(ModuleReference::descriptor)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module in " + jar));
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
