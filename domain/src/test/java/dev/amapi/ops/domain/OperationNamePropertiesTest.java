package dev.amapi.ops.domain;

import static dev.amapi.ops.domain.Ids.ID_NAMES;
import static dev.amapi.ops.domain.Ids.operationName;
import static dev.amapi.ops.domain.Ids.printable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.Ids.BadId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class OperationNamePropertiesTest {

  @Property
  void parse_toStringOfAnyValidName_givesAnEqualName(
      @ForAll("validIds") String enterpriseId,
      @ForAll("validIds") String deviceId,
      @ForAll("validIds") String operationId) {
    OperationName name = OperationName.of(enterpriseId, deviceId, operationId);

    assertThat(OperationName.parse(name.toString())).isEqualTo(name);
  }

  @Property
  void parse_anyValidName_keepsEachIdAsWritten(
      @ForAll("validIds") String enterpriseId,
      @ForAll("validIds") String deviceId,
      @ForAll("validIds") String operationId) {
    OperationName name = OperationName.parse(operationName(enterpriseId, deviceId, operationId));

    assertThat(name.enterpriseId()).isEqualTo(enterpriseId);
    assertThat(name.deviceId()).isEqualTo(deviceId);
    assertThat(name.operationId()).isEqualTo(operationId);
    assertThat(name.device()).isEqualTo(DeviceName.of(enterpriseId, deviceId));
  }

  @Property
  void toString_anyValidName_isTheCanonicalName(
      @ForAll("validIds") String enterpriseId,
      @ForAll("validIds") String deviceId,
      @ForAll("validIds") String operationId) {
    assertThat(OperationName.of(enterpriseId, deviceId, operationId))
        .hasToString(operationName(enterpriseId, deviceId, operationId));
  }

  @Property
  void of_forbiddenCharacterInAnyId_isRejectedQuotingTheIdAndNamingTheRule(
      @ForAll("badIds") BadId bad,
      @ForAll("validIds") String valid,
      @ForAll @IntRange(max = 2) int which) {
    String[] ids = {valid, valid, valid};
    ids[which] = bad.id();

    assertThatThrownBy(() -> OperationName.of(ids[0], ids[1], ids[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ID_NAMES.get(which) + " ID \"" + printable(bad.id()) + "\"")
        .hasMessageContaining(bad.rule())
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(bad.ruleNames()))
        .satisfies(e -> assertThat(Ids.isSafeToLog(e.getMessage())).isTrue());
  }

  @Property
  void parse_forbiddenCharacterInAnyId_isRejectedQuotingTheNameAndNamingTheRule(
      @ForAll("badIds") BadId bad,
      @ForAll("validIds") String valid,
      @ForAll @IntRange(max = 2) int which) {
    String[] ids = {valid, valid, valid};
    ids[which] = bad.id();
    String name = operationName(ids[0], ids[1], ids[2]);

    assertThatThrownBy(() -> OperationName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation name \"" + printable(name) + "\"")
        .satisfies(
            e -> {
              if (bad.isSlash()) {
                assertThat(e.getMessage()).contains("(6 segments), got 7 segments");
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
  void of_dotDotAnywhereInAnyId_isRejectedNamingTheRule(
      @ForAll("dotDotIds") String bad,
      @ForAll("validIds") String valid,
      @ForAll @IntRange(max = 2) int which) {
    String[] ids = {valid, valid, valid};
    ids[which] = bad;

    assertThatThrownBy(() -> OperationName.of(ids[0], ids[1], ids[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ID_NAMES.get(which) + " ID \"" + printable(bad) + "\"")
        .hasMessageContaining("must not be '.' or contain '..'");
  }

  @Property
  void parse_dotDotAnywhereInAnyId_isRejectedNamingTheRule(
      @ForAll("dotDotIds") String bad,
      @ForAll("validIds") String valid,
      @ForAll @IntRange(max = 2) int which) {
    String[] ids = {valid, valid, valid};
    ids[which] = bad;

    assertThatThrownBy(() -> OperationName.parse(operationName(ids[0], ids[1], ids[2])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the " + ID_NAMES.get(which) + " ID \"" + printable(bad) + "\"")
        .hasMessageContaining("must not be '.' or contain '..'");
  }

  @Property
  void parse_wrongCollectionSegment_isRejectedNamingTheExpectedSegment(
      @ForAll("validIds") String id,
      @ForAll("collectionTypos") String typo,
      @ForAll @IntRange(max = 2) int which) {
    String[] segments = {"enterprises", id, "devices", id, "operations", id};
    String expected = segments[2 * which];
    segments[2 * which] = typo;
    String name = String.join("/", segments);

    assertThatThrownBy(() -> OperationName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation name \"" + printable(name) + "\"")
        .hasMessageContaining(
            "segment " + (2 * which + 1) + " must be \"" + expected + "\", not \"" + typo + "\"")
        .hasMessageContaining(
            "expected enterprises/{enterprise}/devices/{device}/operations/{operation}");
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

  @Provide
  Arbitrary<String> collectionTypos() {
    // Near misses of every collection, each wrong wherever it is put.
    return Arbitraries.of(
        "enterprise",
        "Enterprises",
        "ENTERPRISES",
        "device",
        "Devices",
        "operation",
        "Operations",
        "operations:cancel",
        "enterprises.",
        "_",
        "");
  }
}
