package dev.amapi.ops.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Checks every production class of every module against the rules of ARCHITECTURE.md and
 * CONTRIBUTING.md.
 */
@AnalyzeClasses(packages = Rules.ROOT_PACKAGE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule every_class_belongs_to_a_module = Rules.EVERY_CLASS_BELONGS_TO_A_MODULE;

  @ArchTest static final ArchRule domain_depends_only_on_java = Rules.DOMAIN_DEPENDS_ONLY_ON_JAVA;

  @ArchTest
  static final ArchRule modules_depend_only_on_modules_the_design_allows =
      Rules.MODULES_DEPEND_ONLY_ON_MODULES_THE_DESIGN_ALLOWS;

  @ArchTest
  static final ArchRule only_owning_modules_touch_their_libraries =
      Rules.ONLY_OWNING_MODULES_TOUCH_THEIR_LIBRARIES;

  @ArchTest
  static final ArchRule transports_do_not_depend_on_each_other =
      Rules.TRANSPORTS_DO_NOT_DEPEND_ON_EACH_OTHER;

  @ArchTest
  static final ArchRule no_production_class_depends_on_testkit =
      Rules.NO_PRODUCTION_CLASS_DEPENDS_ON_TESTKIT;

  @ArchTest
  static final ArchRule only_the_clis_fake_mode_uses_testkit =
      Rules.ONLY_THE_CLIS_FAKE_MODE_USES_TESTKIT;

  @ArchTest
  static final ArchRule only_the_spring_starters_test_support_uses_testkit =
      Rules.ONLY_THE_SPRING_STARTERS_TEST_SUPPORT_USES_TESTKIT;

  @ArchTest
  static final ArchRule no_production_class_depends_on_the_spring_starter =
      Rules.NO_PRODUCTION_CLASS_DEPENDS_ON_THE_SPRING_STARTER;

  @ArchTest
  static final ArchRule no_production_class_depends_on_cli =
      Rules.NO_PRODUCTION_CLASS_DEPENDS_ON_CLI;

  @ArchTest
  static final ArchRule nothing_outside_a_module_uses_its_internal_package =
      Rules.NOTHING_OUTSIDE_A_MODULE_USES_ITS_INTERNAL_PACKAGE;

  @ArchTest static final ArchRule no_package_cycles = Rules.NO_PACKAGE_CYCLES;

  @ArchTest
  static final ArchRule public_classes_that_are_not_interfaces_are_final =
      Rules.PUBLIC_CLASSES_THAT_ARE_NOT_INTERFACES_ARE_FINAL;

  @ArchTest
  static final ArchRule no_public_method_declares_a_checked_exception =
      Rules.NO_PUBLIC_METHOD_DECLARES_A_CHECKED_EXCEPTION;

  @ArchTest
  static final ArchRule domain_has_no_optional_fields = Rules.DOMAIN_HAS_NO_OPTIONAL_FIELDS;

  @ArchTest
  static final ArchRule no_public_method_takes_an_optional_parameter =
      Rules.NO_PUBLIC_METHOD_TAKES_AN_OPTIONAL_PARAMETER;

  @ArchTest
  static final ArchRule no_class_is_named_util_helper_or_manager =
      Rules.NO_CLASS_IS_NAMED_UTIL_HELPER_OR_MANAGER;

  @ArchTest static final ArchRule every_package_is_null_marked = Rules.EVERY_PACKAGE_IS_NULL_MARKED;
}
