package dev.amapi.ops.domain;

import static dev.amapi.ops.domain.Ids.ID_NAMES;
import static dev.amapi.ops.domain.Ids.printable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.Ids.BadId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DeviceNamePropertiesTest {

  @Property
  void parse_toStringOfAnyValidName_givesAnEqualName(
      @ForAll("validIds") String enterpriseId, @ForAll("validIds") String deviceId) {
    DeviceName name = DeviceName.of(enterpriseId, deviceId);

    assertThat(DeviceName.parse(name.toString())).isEqualTo(name);
  }

  @Property
  void toString_anyValidName_isTheCanonicalName(
      @ForAll("validIds") String enterpriseId, @ForAll("validIds") String deviceId) {
    assertThat(DeviceName.of(enterpriseId, deviceId))
        .hasToString("enterprises/" + enterpriseId + "/devices/" + deviceId);
  }

  @Property
  void operation_anyValidId_isAnOperationOfThisDevice(
      @ForAll("validIds") String enterpriseId,
      @ForAll("validIds") String deviceId,
      @ForAll("validIds") String operationId) {
    DeviceName device = DeviceName.of(enterpriseId, deviceId);

    assertThat(device.operation(operationId))
        .isEqualTo(OperationName.of(enterpriseId, deviceId, operationId));
  }

  @Property
  void of_forbiddenCharacterInEitherId_isRejectedQuotingTheIdAndNamingTheRule(
      @ForAll("badIds") BadId bad,
      @ForAll("validIds") String valid,
      @ForAll @IntRange(max = 1) int which) {
    String[] ids = {valid, valid};
    ids[which] = bad.id();

    assertThatThrownBy(() -> DeviceName.of(ids[0], ids[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ID_NAMES.get(which) + " ID \"" + printable(bad.id()) + "\"")
        .hasMessageContaining(bad.rule())
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(bad.ruleNames()))
        .satisfies(e -> assertThat(Ids.isSafeToLog(e.getMessage())).isTrue());
  }

  @Property
  void parse_forbiddenCharacterInEitherId_isRejectedQuotingTheNameAndNamingTheRule(
      @ForAll("badIds") BadId bad,
      @ForAll("validIds") String valid,
      @ForAll @IntRange(max = 1) int which) {
    String[] ids = {valid, valid};
    ids[which] = bad.id();
    String name = "enterprises/" + ids[0] + "/devices/" + ids[1];

    assertThatThrownBy(() -> DeviceName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device name \"" + printable(name) + "\"")
        .satisfies(
            e -> {
              if (bad.isSlash()) {
                assertThat(e.getMessage()).contains("(4 segments), got 5 segments");
              } else {
                assertThat(e.getMessage())
                    .contains("the " + ID_NAMES.get(which) + " ID \"" + printable(bad.id()) + "\"")
                    .contains(bad.rule())
                    .containsAnyOf(bad.ruleNames());
              }
            })
        .satisfies(e -> assertThat(Ids.isSafeToLog(e.getMessage())).isTrue());
  }

  @Property
  void parse_dotDotAnywhereInEitherId_isRejectedNamingTheRule(
      @ForAll("dotDotIds") String bad,
      @ForAll("validIds") String valid,
      @ForAll @IntRange(max = 1) int which) {
    String[] ids = {valid, valid};
    ids[which] = bad;

    assertThatThrownBy(() -> DeviceName.parse("enterprises/" + ids[0] + "/devices/" + ids[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the " + ID_NAMES.get(which) + " ID \"" + printable(bad) + "\"")
        .hasMessageContaining("must not be '.' or contain '..'");
  }

  @Property
  void of_dotDotAnywhereInEitherId_isRejectedNamingTheRule(
      @ForAll("dotDotIds") String bad,
      @ForAll("validIds") String valid,
      @ForAll @IntRange(max = 1) int which) {
    String[] ids = {valid, valid};
    ids[which] = bad;

    assertThatThrownBy(() -> DeviceName.of(ids[0], ids[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ID_NAMES.get(which) + " ID \"" + printable(bad) + "\"")
        .hasMessageContaining("must not be '.' or contain '..'");
  }

  @Provide
  Arbitrary<String> validIds() {
    return Ids.valid();
  }

  @Provide
  Arbitrary<BadId> badIds() {
    return Ids.withForbiddenCharacter();
  }

  @Provide
  Arbitrary<String> dotDotIds() {
    return Ids.withDotDot();
  }
}
