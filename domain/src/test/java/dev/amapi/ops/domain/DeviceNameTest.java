package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceNameTest {

  @Test
  void parse_realName_givesItsIds() {
    DeviceName name = DeviceName.parse("enterprises/LC03k6enk8/devices/36c339908766f292");

    assertThat(name.enterpriseId()).isEqualTo("LC03k6enk8");
    assertThat(name.deviceId()).isEqualTo("36c339908766f292");
  }

  @Test
  void toString_isTheCanonicalName() {
    assertThat(DeviceName.of("LC03k6enk8", "36c339908766f292"))
        .hasToString("enterprises/LC03k6enk8/devices/36c339908766f292");
  }

  @Test
  void operation_givesTheOperationNameUnderThisDevice() {
    assertThat(DeviceName.of("LC03k6enk8", "36c339908766f292").operation("1786048723669"))
        .hasToString("enterprises/LC03k6enk8/devices/36c339908766f292/operations/1786048723669");
  }

  @Test
  void operation_invalidId_isRejectedNamingTheRule() {
    assertThatThrownBy(() -> DeviceName.of("e", "d").operation("1/../2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation ID \"1/../2\"");
  }

  @Test
  void parse_emptyDeviceId_isRejectedNamingTheRule() {
    assertThatThrownBy(() -> DeviceName.parse("enterprises/e/devices/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"enterprises/e/devices/\"")
        .hasMessageContaining("the device ID \"\" is empty");
  }

  @Test
  void of_emptyEnterpriseId_isRejectedNamingTheRule() {
    assertThatThrownBy(() -> DeviceName.of("", "d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enterprise ID")
        .hasMessageContaining("is empty");
  }

  @Test
  void of_dotAloneAsDeviceId_isRejectedNamingTheRule() {
    assertThatThrownBy(() -> DeviceName.of("e", "."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device ID \".\"")
        .hasMessageContaining("must not be '.' or contain '..'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "enterprise/e/devices/d | 1 | enterprises | enterprise",
        "enterprises/e/Devices/d | 3 | devices | Devices",
        "enterprises/e/operations/d | 3 | devices | operations",
      })
  void parse_wrongCollectionName_isRejectedNamingTheExpectedSegment(
      String name, int segment, String expected, String actual) {
    assertThatThrownBy(() -> DeviceName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid device name \"" + name + "\"")
        .hasMessageContaining(
            "segment " + segment + " must be \"" + expected + "\", not \"" + actual + "\"")
        .hasMessageContaining("expected enterprises/{enterprise}/devices/{device}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "enterprises/e/devices | 3", // missing ID
        "enterprises/e/devices/d/operations/o | 6", // an operation, not a device
        "enterprises/e/devices/d/ | 5", // trailing slash
        "/enterprises/e/devices/d | 5", // leading slash
      })
  void parse_wrongSegmentCount_isRejectedSayingWhatWasExpected(String name, int segments) {
    assertThatThrownBy(() -> DeviceName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + name + "\"")
        .hasMessageContaining(
            "expected enterprises/{enterprise}/devices/{device} (4 segments), got "
                + segments
                + " segments");
  }

  @Test
  void of_idsOf256Characters_areAccepted() {
    DeviceName name = DeviceName.of("e".repeat(256), "d".repeat(256));

    assertThat(DeviceName.parse(name.toString())).isEqualTo(name);
  }

  @Test
  void of_deviceIdOf257Characters_isRejectedNamingTheLimit() {
    assertThatThrownBy(() -> DeviceName.of("e", "d".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device ID")
        .hasMessageContaining("is 257 characters long, more than 256");
  }

  @Test
  void parse_enterpriseIdOf257Characters_isRejectedNamingTheLimit() {
    assertThatThrownBy(() -> DeviceName.parse("enterprises/" + "e".repeat(257) + "/devices/d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the enterprise ID")
        .hasMessageContaining("is 257 characters long, more than 256");
  }

  @Test
  void parse_hashInDeviceId_isRejectedNamingTheCharacter() {
    assertThatThrownBy(() -> DeviceName.parse("enterprises/e/devices/d#frag"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the device ID \"d#frag\" contains the forbidden character '#'");
  }

  @Test
  void publicStaticMethodsConstructorsAndInstanceMethods_rejectNulls() {
    NullPointerTester tester = new NullPointerTester().setDefault(String.class, "x");

    tester.testAllPublicStaticMethods(DeviceName.class);
    tester.testAllPublicConstructors(DeviceName.class);
    tester.testAllPublicInstanceMethods(DeviceName.of("e", "d"));
  }

  @Test
  void equals_sameIds_areEqualAndAnyDifferentIdIsNot() {
    new EqualsTester()
        .addEqualityGroup(
            DeviceName.of("e", "d"),
            new DeviceName("e", "d"),
            DeviceName.parse("enterprises/e/devices/d"),
            OperationName.of("e", "d", "1").device())
        .addEqualityGroup(DeviceName.of("E", "d"))
        .addEqualityGroup(DeviceName.of("e", "D"))
        .addEqualityGroup(DeviceName.of("d", "e"))
        .testEquals();
  }
}
