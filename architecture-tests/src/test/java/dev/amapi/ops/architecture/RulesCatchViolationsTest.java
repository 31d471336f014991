package dev.amapi.ops.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.amapi.ops.domain.fixture.LeakyDomainHelper;
import dev.amapi.ops.fixture.internal.InternalDetail;
import dev.amapi.ops.spring.fixture.FakeInProduction;
import dev.amapi.ops.transport.fixture.PiggybackTransport;
import dev.amapi.ops.transport.fixture.SpringAwareTransport;
import org.junit.jupiter.api.Test;

/**
 * Shows that each rule of {@link Rules} fails on a fixture class that breaks it, so a rule cannot
 * pass by matching nothing. The fixtures live in the test sources, which {@link ArchitectureTest}
 * does not import.
 */
class RulesCatchViolationsTest {

  private static final JavaClasses FIXTURES =
      new ClassFileImporter()
          .importClasses(LeakyDomainHelper.class, InternalDetail.class, PiggybackTransport.class);

  @Test
  void domainDependsOnlyOnJava_domainClassUsingAnotherPackage_fails() {
    assertViolation(Rules.DOMAIN_DEPENDS_ONLY_ON_JAVA, InternalDetail.class.getName());
  }

  @Test
  void onlyOwningModulesTouchTheirLibraries_domainClassUsingJavaNetHttp_fails() {
    assertViolation(Rules.ONLY_OWNING_MODULES_TOUCH_THEIR_LIBRARIES, "java.net.http.HttpClient");
  }

  @Test
  void transportsDoNotDependOnEachOther_transportUsingAnotherTransport_fails() {
    assertViolation(
        Rules.TRANSPORTS_DO_NOT_DEPEND_ON_EACH_OTHER,
        PiggybackTransport.class.getName() + ".wrap(");
  }

  @Test
  void nothingOutsideAModuleUsesItsInternalPackage_domainClassUsingForeignInternal_fails() {
    assertViolation(
        Rules.NOTHING_OUTSIDE_A_MODULE_USES_ITS_INTERNAL_PACKAGE,
        "<" + InternalDetail.class.getName() + ".<init>()>");
  }

  @Test
  void noPackageCycles_packagesUsingEachOther_fails() {
    assertViolation(Rules.NO_PACKAGE_CYCLES, "Cycle detected");
  }

  @Test
  void publicClassesThatAreNotInterfacesAreFinal_openPublicClass_fails() {
    assertViolation(
        Rules.PUBLIC_CLASSES_THAT_ARE_NOT_INTERFACES_ARE_FINAL,
        LeakyDomainHelper.class.getName() + "> does not have modifier FINAL");
  }

  @Test
  void noPublicMethodDeclaresACheckedException_methodThrowingIoException_fails() {
    assertViolation(
        Rules.NO_PUBLIC_METHOD_DECLARES_A_CHECKED_EXCEPTION,
        "declares checked java.io.IOException");
  }

  @Test
  void domainHasNoOptionalFields_optionalField_fails() {
    assertViolation(
        Rules.DOMAIN_HAS_NO_OPTIONAL_FIELDS, LeakyDomainHelper.class.getName() + ".label");
  }

  @Test
  void noPublicMethodTakesAnOptionalParameter_optionalParameter_fails() {
    assertViolation(
        Rules.NO_PUBLIC_METHOD_TAKES_AN_OPTIONAL_PARAMETER,
        LeakyDomainHelper.class.getName() + ".describe(java.util.Optional)");
  }

  @Test
  void noClassIsNamedUtilHelperOrManager_helperClass_fails() {
    assertViolation(
        Rules.NO_CLASS_IS_NAMED_UTIL_HELPER_OR_MANAGER, LeakyDomainHelper.class.getName());
  }

  @Test
  void everyPackageIsNullMarked_packageWithoutPackageInfo_fails() {
    assertViolation(
        Rules.EVERY_PACKAGE_IS_NULL_MARKED, "which has no package-info annotated @NullMarked");
  }

  @Test
  void everyClassBelongsToAModule_classOutsideEveryModule_fails() {
    assertViolation(Rules.EVERY_CLASS_BELONGS_TO_A_MODULE, InternalDetail.class.getName());
  }

  @Test
  void onlyTheSpringStartersTestSupportUsesTestkit_autoConfigurationUsingTheFake_fails() {
    assertThatThrownBy(
            () ->
                Rules.ONLY_THE_SPRING_STARTERS_TEST_SUPPORT_USES_TESTKIT.check(
                    new ClassFileImporter().importClasses(FakeInProduction.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(FakeInProduction.class.getName())
        .hasMessageContaining("FakeAmapiServer");
  }

  @Test
  void noProductionClassDependsOnTheSpringStarter_transportUsingTheStarter_fails() {
    assertThatThrownBy(
            () ->
                Rules.NO_PRODUCTION_CLASS_DEPENDS_ON_THE_SPRING_STARTER.check(
                    new ClassFileImporter().importClasses(SpringAwareTransport.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(SpringAwareTransport.class.getName())
        .hasMessageContaining("AmapiOpsProperties");
  }

  private static void assertViolation(ArchRule rule, String expectedDetail) {
    assertThatThrownBy(() -> rule.check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("was violated")
        .hasMessageContaining(expectedDetail);
  }
}
