package dev.amapi.ops.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchConditions.have;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toList;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.ThrowsDeclaration;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;

/**
 * The rules ARCHITECTURE.md and CONTRIBUTING.md ask the architecture tests to enforce, as reusable
 * constants.
 *
 * <p>{@link ArchitectureTest} checks them against the production classes; {@link
 * RulesCatchViolationsTest} checks the same objects against fixtures that break them, so no rule
 * can pass by matching nothing.
 */
final class Rules {

  static final String ROOT_PACKAGE = "dev.amapi.ops";

  /** The testkit and its JUnit 5 module: what consumers test with, never what they ship. */
  private static final String TESTKIT_AND_BELOW = ROOT_PACKAGE + ".testkit..";

  static final ArchRule EVERY_CLASS_BELONGS_TO_A_MODULE =
      classes()
          .should()
          .resideInAnyPackage(
              Arrays.stream(Module.values()).map(Module::packages).toArray(String[]::new))
          .as("every production class belongs to a module of the architecture table")
          .because("a module missing from Module would escape every module rule");

  static final ArchRule DOMAIN_DEPENDS_ONLY_ON_JAVA =
      classes()
          .that()
          .resideInAPackage(Module.DOMAIN.packages())
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(Module.DOMAIN.packages(), "java..", "org.jspecify.annotations..")
          .as("domain depends only on java")
          .because(
              "the domain is plain Java values and ports; JSpecify's annotations are a"
                  + " compile-time marker only");

  static final ArchRule MODULES_DEPEND_ONLY_ON_MODULES_THE_DESIGN_ALLOWS =
      CompositeArchRule.of(
              Arrays.stream(Module.values())
                  .map(Rules::dependsOnlyOnAllowedModules)
                  .collect(toList()))
          .because("ARCHITECTURE.md's module table says which module may depend on which");

  static final ArchRule ONLY_OWNING_MODULES_TOUCH_THEIR_LIBRARIES =
      CompositeArchRule.of(
              ownersByLibrary().entrySet().stream()
                  .map(owned -> onlyOwnersTouch(owned.getKey(), owned.getValue()))
                  .collect(toList()))
          .because(
              "each third-party stack stays behind the one module that adapts it, so a consumer"
                  + " carries only the stack it picks");

  static final ArchRule TRANSPORTS_DO_NOT_DEPEND_ON_EACH_OTHER =
      slices()
          .matching(ROOT_PACKAGE + ".transport.(*)..")
          .namingSlices("transport-$1")
          .should()
          .notDependOnEachOther()
          .as("transports do not depend on each other")
          .because("swapping transports is a one-line change at wiring time");

  /**
   * The Spring Boot starter's test support: {@code @AutoConfigureAmapiFake} and what it imports.
   */
  static final String SPRING_TEST_SUPPORT = Module.SPRING_BOOT_STARTER.rootPackage() + ".test..";

  static final ArchRule NO_PRODUCTION_CLASS_DEPENDS_ON_TESTKIT =
      noClasses()
          .that()
          .resideOutsideOfPackages(TESTKIT_AND_BELOW, Module.CLI.packages(), SPRING_TEST_SUPPORT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(TESTKIT_AND_BELOW)
          .as("no SDK class depends on testkit")
          .because("testkit is what consumers test with, never what they ship");

  static final ArchRule ONLY_THE_CLIS_FAKE_MODE_USES_TESTKIT =
      noClasses()
          .that()
          .resideInAPackage(Module.CLI.packages())
          .and()
          .doNotHaveSimpleName("Connection")
          .and()
          .doNotHaveSimpleName("FakeFleet")
          .and()
          .doNotHaveSimpleName("FakeScript")
          .and()
          .doNotHaveSimpleName("FakeServerCommand")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(TESTKIT_AND_BELOW)
          .as("only the command line's --fake mode and fake-server command use testkit")
          .because(
              "the tool embeds the fake server so it can be tried with no Google account, and"
                  + " serves it standalone (fake-server) for tests written in other languages");

  static final ArchRule ONLY_THE_SPRING_STARTERS_TEST_SUPPORT_USES_TESTKIT =
      noClasses()
          .that()
          .resideInAPackage(Module.SPRING_BOOT_STARTER.packages())
          .and()
          .resideOutsideOfPackage(SPRING_TEST_SUPPORT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(TESTKIT_AND_BELOW)
          .as("only the Spring Boot starter's test support uses testkit")
          .because(
              "@AutoConfigureAmapiFake points an application's tests at the fake server; the"
                  + " auto-configuration an application runs with never loads the testkit");

  static final ArchRule NO_PRODUCTION_CLASS_DEPENDS_ON_THE_SPRING_STARTER =
      noClasses()
          .that()
          .resideOutsideOfPackage(Module.SPRING_BOOT_STARTER.packages())
          .should()
          .dependOnClassesThat()
          .resideInAPackage(Module.SPRING_BOOT_STARTER.packages())
          .as("no production class depends on the Spring Boot starter")
          .because("the starter wires the SDK for Spring applications; the SDK never needs Spring");

  static final ArchRule NO_PRODUCTION_CLASS_DEPENDS_ON_CLI =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT_PACKAGE + ".cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT_PACKAGE + ".cli..")
          .as("no production class depends on cli")
          .because("the command-line tool sits on top of the SDK, never under it");

  static final ArchRule NOTHING_OUTSIDE_A_MODULE_USES_ITS_INTERNAL_PACKAGE =
      classes()
          .should(useInternalPackagesOnlyFromTheirOwner())
          .as("nothing outside a module uses its internal package")
          .because("classes in ..x.internal.. are implementation detail of ..x.., free to change");

  static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching(ROOT_PACKAGE + ".(**)")
          .should()
          .beFreeOfCycles()
          .as("no package cycles")
          .because("packages form a layering that can be read from the bottom up");

  static final ArchRule PUBLIC_CLASSES_THAT_ARE_NOT_INTERFACES_ARE_FINAL =
      classes()
          .that(arePublicApi())
          .and()
          .areNotInterfaces()
          .and()
          .areNotEnums()
          .and(not(records()))
          .and()
          .doNotHaveModifier(JavaModifier.ABSTRACT)
          .should()
          .haveModifier(JavaModifier.FINAL)
          .as("public API classes that are not interfaces are final")
          .because("the SDK is not designed for inheritance; extension goes through the ports");

  static final ArchRule NO_PUBLIC_METHOD_DECLARES_A_CHECKED_EXCEPTION =
      codeUnits()
          .that()
          .arePublic()
          .and()
          .areDeclaredInClassesThat(arePublicApi())
          .should(notDeclareCheckedExceptions())
          .as("no public API method declares a checked exception")
          .because("failures surface as the SDK's unchecked AmapiException");

  static final ArchRule DOMAIN_HAS_NO_OPTIONAL_FIELDS =
      noFields()
          .that()
          .areDeclaredInClassesThat()
          .resideInAPackage(Module.DOMAIN.packages())
          .should()
          .haveRawType(optionalType())
          .as("domain has no fields of type Optional")
          .because("Optional is for return values; a field holds the value or null");

  static final ArchRule NO_PUBLIC_METHOD_TAKES_AN_OPTIONAL_PARAMETER =
      noCodeUnits()
          .that()
          .arePublic()
          .and()
          .areDeclaredInClassesThat(arePublicApi())
          .should(have(anOptionalParameter()))
          .as("no public API method takes an Optional parameter")
          .because("callers pass a value or use an overload, never Optional.empty()");

  static final ArchRule NO_CLASS_IS_NAMED_UTIL_HELPER_OR_MANAGER =
      noClasses()
          .should()
          .haveSimpleNameEndingWith("Util")
          .orShould()
          .haveSimpleNameEndingWith("Utils")
          .orShould()
          .haveSimpleNameEndingWith("Helper")
          .orShould()
          .haveSimpleNameEndingWith("Manager")
          .as("no class is named *Util, *Utils, *Helper or *Manager")
          .because("a class is named for what it is, not for being a grab bag");

  static final ArchRule EVERY_PACKAGE_IS_NULL_MARKED =
      classes()
          .should(resideInAPackageAnnotatedNullMarked())
          .as("every package is @NullMarked")
          .because("NullAway checks only @NullMarked code, and consumers read nullness from it");

  private static final Pattern INTERNAL_PACKAGE = Pattern.compile("^(.+)\\.internal(\\..+)?$");

  private Rules() {}

  private static ArchRule dependsOnlyOnAllowedModules(Module module) {
    String[] allowed =
        Stream.concat(Stream.of(module), module.mayDependOn().stream())
            .map(Module::packages)
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(module.packages())
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage(ROOT_PACKAGE + "..")
                .and(not(JavaClass.Predicates.resideInAnyPackage(allowed))))
        .as(
            module.mayDependOn().isEmpty()
                ? module.moduleName() + " depends on no other module"
                : module.moduleName()
                    + " depends only on "
                    + module.mayDependOn().stream()
                        .map(Module::moduleName)
                        .collect(joining(" and ")));
  }

  private static Map<String, List<Module>> ownersByLibrary() {
    Map<String, List<Module>> owners = new LinkedHashMap<>();
    for (Module module : Module.values()) {
      for (String library : module.ownedLibraries()) {
        owners.computeIfAbsent(library, unused -> new ArrayList<>()).add(module);
      }
    }
    return owners;
  }

  private static ArchRule onlyOwnersTouch(String library, List<Module> owners) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(owners.stream().map(Module::packages).toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library + "..")
        .as(
            "only "
                + owners.stream().map(Module::moduleName).collect(joining(" and "))
                + (owners.size() == 1 ? " touches " : " touch ")
                + library);
  }

  private static ArchCondition<JavaClass> useInternalPackagesOnlyFromTheirOwner() {
    return new ArchCondition<>("use an internal package only from within its owning package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
          Matcher internal = INTERNAL_PACKAGE.matcher(target);
          if (internal.matches() && !isWithin(origin.getPackageName(), internal.group(1))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static boolean isWithin(String packageName, String owner) {
    return packageName.equals(owner) || packageName.startsWith(owner + ".");
  }

  private static DescribedPredicate<JavaClass> arePublicApi() {
    return DescribedPredicate.describe(
        "are public API",
        javaClass -> {
          for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
              return false;
            }
          }
          return true;
        });
  }

  private static DescribedPredicate<JavaClass> records() {
    return DescribedPredicate.describe("records", JavaClass::isRecord);
  }

  private static ArchCondition<JavaCodeUnit> notDeclareCheckedExceptions() {
    return new ArchCondition<>("not declare checked exceptions") {
      @Override
      public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
        for (ThrowsDeclaration<?> declared : codeUnit.getThrowsClause()) {
          JavaClass type = declared.getRawType();
          if (!type.isAssignableTo(RuntimeException.class) && !type.isAssignableTo(Error.class)) {
            events.add(
                SimpleConditionEvent.violated(
                    codeUnit,
                    codeUnit.getDescription()
                        + " declares checked "
                        + type.getName()
                        + " in "
                        + codeUnit.getSourceCodeLocation()));
          }
        }
      }
    };
  }

  private static DescribedPredicate<JavaClass> optionalType() {
    return DescribedPredicate.describe(
        "Optional",
        type ->
            Stream.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class)
                .anyMatch(type::isEquivalentTo));
  }

  private static DescribedPredicate<JavaCodeUnit> anOptionalParameter() {
    DescribedPredicate<JavaClass> optional = optionalType();
    return DescribedPredicate.describe(
        "an Optional parameter",
        codeUnit -> codeUnit.getRawParameterTypes().stream().anyMatch(optional::test));
  }

  private static ArchCondition<JavaClass> resideInAPackageAnnotatedNullMarked() {
    return new ArchCondition<>("reside in a package annotated @NullMarked") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        if (!javaClass.getPackage().isAnnotatedWith(NullMarked.class)) {
          events.add(
              SimpleConditionEvent.violated(
                  javaClass,
                  javaClass.getName()
                      + " resides in "
                      + javaClass.getPackageName()
                      + ", which has no package-info annotated @NullMarked"));
        }
      }
    };
  }
}
