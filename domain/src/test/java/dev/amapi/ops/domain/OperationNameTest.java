package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OperationNameTest {
  private static final String REAL_NAME =
      "enterprises/LC03k6enk8/devices/36c339908766f292/operations/1786048723669";

  @Test
  void parse_realName_givesItsIds() {
    OperationName name = OperationName.parse(REAL_NAME);

    assertThat(name.enterpriseId()).isEqualTo("LC03k6enk8");
    assertThat(name.deviceId()).isEqualTo("36c339908766f292");
    assertThat(name.operationId()).isEqualTo("1786048723669");
  }

  @Test
  void parse_realName_equalsTheNameMadeOfItsIds() {
    assertThat(OperationName.parse(REAL_NAME))
        .isEqualTo(OperationName.of("LC03k6enk8", "36c339908766f292", "1786048723669"));
  }

  @Test
  void toString_isTheCanonicalName() {
    assertThat(OperationName.of("LC03k6enk8", "36c339908766f292", "1786048723669"))
        .hasToString(REAL_NAME);
  }

  @Test
  void device_isTheParentUsedByList() {
    assertThat(OperationName.parse(REAL_NAME).device())
        .isEqualTo(DeviceName.of("LC03k6enk8", "36c339908766f292"));
  }

  @Test
  void of_idWithSingleDots_isAccepted() {
    assertThat(OperationName.of(".e", "d.", "v1.2.3").operationId()).isEqualTo("v1.2.3");
  }

  @ParameterizedTest
  @CsvSource({
    "enterprises//devices/d/operations/o, enterprise",
    "enterprises/e/devices//operations/o, device",
    "enterprises/e/devices/d/operations/, operation",
  })
  void parse_emptyId_isRejectedNamingTheRule(String name, String which) {
    assertThatThrownBy(() -> OperationName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + name + "\"")
        .hasMessageContaining("the " + which + " ID \"\" is empty");
  }

  @ParameterizedTest
  @CsvSource({"'', d, o, enterprise", "e, '', o, device", "e, d, '', operation"})
  void of_emptyId_isRejectedNamingTheRule(
      String enterpriseId, String deviceId, String operationId, String which) {
    assertThatThrownBy(() -> OperationName.of(enterpriseId, deviceId, operationId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(which + " ID \"\"")
        .hasMessageContaining("is empty");
  }

  @ParameterizedTest
  @CsvSource({
    "enterprises/./devices/d/operations/o, enterprise",
    "enterprises/e/devices/./operations/o, device",
    "enterprises/e/devices/d/operations/., operation",
    "enterprises/../devices/d/operations/o, enterprise",
    "enterprises/e/devices/d/operations/.., operation",
  })
  void parse_dotSegmentAsId_isRejectedNamingTheRule(String name, String which) {
    assertThatThrownBy(() -> OperationName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the " + which + " ID")
        .hasMessageContaining("must not be '.' or contain '..'");
  }

  @Test
  void of_dotAloneAsOperationId_isRejectedNamingTheRule() {
    assertThatThrownBy(() -> OperationName.of("e", "d", "."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation ID \".\"")
        .hasMessageContaining("must not be '.' or contain '..'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "enterprise/e/devices/d/operations/o | 1 | enterprises | enterprise",
        "enterprises/e/Devices/d/operations/o | 3 | devices | Devices",
        "enterprises/e/devices/d/operation/o | 5 | operations | operation",
        "enterprises/e/operations/d/devices/o | 3 | devices | operations",
      })
  void parse_wrongCollectionName_isRejectedNamingTheExpectedSegment(
      String name, int segment, String expected, String actual) {
    assertThatThrownBy(() -> OperationName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + name + "\"")
        .hasMessageContaining(
            "segment " + segment + " must be \"" + expected + "\", not \"" + actual + "\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "enterprises/e/devices/d/operations | 5", // missing ID
        "enterprises/e/devices/d | 4", // a device, not an operation
        "enterprises/e/devices/d/operations/o/x | 7", // extra segment
        "enterprises/e/devices/d/operations/o/ | 7", // trailing slash
        "/enterprises/e/devices/d/operations/o | 7", // leading slash
        "v1/enterprises/e/devices/d/operations/o | 7", // URL path, not a name
        "1786048723669 | 1", // a bare ID
      })
  void parse_wrongSegmentCount_isRejectedSayingWhatWasExpected(String name, int segments) {
    assertThatThrownBy(() -> OperationName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + name + "\"")
        .hasMessageContaining(
            "expected enterprises/{enterprise}/devices/{device}/operations/{operation}"
                + " (6 segments), got "
                + segments
                + " segment");
  }

  @Test
  void parse_emptyString_isRejectedSayingWhatWasExpected() {
    assertThatThrownBy(() -> OperationName.parse(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid operation name \"\"")
        .hasMessageContaining("got 1 segment");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void of_idOf256Characters_isAccepted(int which) {
    String[] ids = {"e", "d", "o"};
    ids[which] = "a".repeat(256);

    assertThat(OperationName.of(ids[0], ids[1], ids[2]).toString()).contains("a".repeat(256));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void parse_idOf256Characters_isAccepted(int which) {
    String[] ids = {"e", "d", "o"};
    ids[which] = "7".repeat(256);
    String name = Ids.operationName(ids[0], ids[1], ids[2]);

    assertThat(OperationName.parse(name)).hasToString(name);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void of_idOf257Characters_isRejectedNamingTheLimit(int which) {
    String[] ids = {"e", "d", "o"};
    ids[which] = "a".repeat(257);

    assertThatThrownBy(() -> OperationName.of(ids[0], ids[1], ids[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Ids.ID_NAMES.get(which) + " ID")
        .hasMessageContaining("is 257 characters long, more than 256");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void parse_idOf257Characters_isRejectedNamingTheLimit(int which) {
    String[] ids = {"e", "d", "o"};
    ids[which] = "a".repeat(257);

    assertThatThrownBy(() -> OperationName.parse(Ids.operationName(ids[0], ids[1], ids[2])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the " + Ids.ID_NAMES.get(which) + " ID")
        .hasMessageContaining("is 257 characters long, more than 256");
  }

  @Test
  void parse_hugeInput_quotesOnlyItsStart() {
    String name = Ids.operationName("e", "d", "9".repeat(100_000));

    assertThatThrownBy(() -> OperationName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"enterprises/e/devices/d/operations/999")
        .hasMessageContaining("...\"")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000));
  }

  @Test
  void parse_tabInDeviceId_isRejectedShowingItEscaped() {
    assertThatThrownBy(() -> OperationName.parse("enterprises/e/devices/d\tx/operations/o"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"enterprises/e/devices/d\\u0009x/operations/o\"")
        .hasMessageContaining("the device ID \"d\\u0009x\" contains whitespace (U+0009)");
  }

  @Test
  void parse_newlineInOperationId_isRejectedWithoutBreakingTheMessage() {
    assertThatThrownBy(() -> OperationName.parse("enterprises/e/devices/d/operations/1\nFAKE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("\n")
        .hasMessageContaining("the operation ID \"1\\u000AFAKE\" contains whitespace (U+000A)");
  }

  @Test
  void of_noBreakSpaceInEnterpriseId_isRejectedAsWhitespace() {
    assertThatThrownBy(() -> OperationName.of("LC03\u00A0k6enk8", "d", "o"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enterprise ID")
        .hasMessageContaining("contains whitespace (U+00A0)");
  }

  @Test
  void of_lineSeparatorInOperationId_isRejectedShowingItEscaped() {
    assertThatThrownBy(() -> OperationName.of("e", "d", "1\u20282"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation ID \"1\\u20282\"")
        .hasMessageContaining("contains whitespace (U+2028)")
        .hasMessageNotContaining("\u2028");
  }

  @Test
  void of_zeroWidthSpaceInDeviceId_isRejectedAsInvisible() {
    assertThatThrownBy(() -> OperationName.of("e", "36c3\u200B39", "o"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device ID \"36c3\\u200B39\"")
        .hasMessageContaining("contains a control or invisible character (U+200B)");
  }

  @Test
  void of_byteOrderMarkBeforeOperationId_isRejectedAsInvisible() {
    assertThatThrownBy(() -> OperationName.of("e", "d", "\uFEFF1786048723669"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation ID \"\\uFEFF1786048723669\"")
        .hasMessageContaining("contains a control or invisible character (U+FEFF)");
  }

  @Test
  void of_loneSurrogateInOperationId_isRejectedShowingItEscaped() {
    assertThatThrownBy(() -> OperationName.of("e", "d", "1\uD83D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation ID \"1\\uD83D\"")
        .hasMessageContaining("contains a control or invisible character (U+D83D)");
  }

  @Test
  void of_percentEncodedSlashInDeviceId_isRejectedNamingTheCharacter() {
    assertThatThrownBy(() -> OperationName.of("e", "d%2Fsecrets", "o"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device ID \"d%2Fsecrets\": it contains the forbidden character '%'");
  }

  @Test
  void parse_queryInOperationId_isRejectedNamingTheCharacter() {
    assertThatThrownBy(() -> OperationName.parse("enterprises/e/devices/d/operations/o?alt=media"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "the operation ID \"o?alt=media\" contains the forbidden character '?'");
  }

  @Test
  void parse_backslashInEnterpriseId_isRejectedShowingItEscaped() {
    assertThatThrownBy(() -> OperationName.parse("enterprises/e\\x/devices/d/operations/o"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the enterprise ID \"e\\\\x\" contains the forbidden character '\\'");
  }

  @Test
  void parse_null_isRejectedNamingTheParameter() {
    assertThatThrownBy(() -> OperationName.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @Test
  void publicStaticMethodsAndConstructors_rejectNulls() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(String.class, "x")
            .setDefault(DeviceName.class, DeviceName.of("e", "d"));

    tester.testAllPublicStaticMethods(OperationName.class);
    tester.testAllPublicConstructors(OperationName.class);
  }

  @Test
  void equals_sameIds_areEqualAndAnyDifferentIdIsNot() {
    new EqualsTester()
        .addEqualityGroup(
            OperationName.of("e", "d", "1"),
            OperationName.parse("enterprises/e/devices/d/operations/1"),
            DeviceName.of("e", "d").operation("1"),
            new OperationName(DeviceName.of("e", "d"), "1"))
        .addEqualityGroup(OperationName.of("E", "d", "1"))
        .addEqualityGroup(OperationName.of("e", "D", "1"))
        .addEqualityGroup(OperationName.of("e", "d", "2"))
        .addEqualityGroup(OperationName.of("e", "d", "10"))
        .testEquals();
  }
}
