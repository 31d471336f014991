package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeTest {

  /** {@code google.rpc.Code}: name, number and canonical HTTP status, from the reference. */
  @ParameterizedTest
  @CsvSource({
    "OK, 0, 200",
    "CANCELLED, 1, 499",
    "UNKNOWN, 2, 500",
    "INVALID_ARGUMENT, 3, 400",
    "DEADLINE_EXCEEDED, 4, 504",
    "NOT_FOUND, 5, 404",
    "ALREADY_EXISTS, 6, 409",
    "PERMISSION_DENIED, 7, 403",
    "RESOURCE_EXHAUSTED, 8, 429",
    "FAILED_PRECONDITION, 9, 400",
    "ABORTED, 10, 409",
    "OUT_OF_RANGE, 11, 400",
    "UNIMPLEMENTED, 12, 501",
    "INTERNAL, 13, 500",
    "UNAVAILABLE, 14, 503",
    "DATA_LOSS, 15, 500",
    "UNAUTHENTICATED, 16, 401",
  })
  void code_hasTheNumberAndHttpStatusOfGoogleRpcCode(String name, int number, int httpStatus) {
    Code code = Code.valueOf(name);

    assertThat(code.number()).isEqualTo(number);
    assertThat(code.httpStatus()).isEqualTo(httpStatus);
  }

  @Test
  void values_areTheSeventeenCodesInNumberOrder() {
    assertThat(Code.values()).hasSize(17);
    assertThat(Code.values())
        .extracting(Code::number)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
  }

  @ParameterizedTest
  @EnumSource(Code.class)
  void forNumber_numberOfEachCode_givesThatCode(Code code) {
    assertThat(Code.forNumber(code.number())).contains(code);
  }

  @ParameterizedTest
  @EnumSource(Code.class)
  void forName_nameOfEachCode_givesThatCode(Code code) {
    assertThat(Code.forName(code.name())).contains(code);
  }

  @ParameterizedTest
  @EnumSource(Code.class)
  void fromHttpStatus_statusOfEachCode_givesACodeWithThatStatus(Code code) {
    assertThat(Code.fromHttpStatus(code.httpStatus()).httpStatus()).isEqualTo(code.httpStatus());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 17, 99, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void forNumber_numberNoCodeHas_isEmpty(int number) {
    assertThat(Code.forNumber(number)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not_found", "NotFound", "NOT_FOUND ", "404", "5"})
  void forName_nameNoCodeHas_isEmpty(String name) {
    assertThat(Code.forName(name)).isEmpty();
  }

  @Test
  void forName_null_isRejectedNamingTheParameter() {
    assertThatThrownBy(() -> Code.forName(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @ParameterizedTest
  @CsvSource({
    "200, OK",
    "400, INVALID_ARGUMENT",
    "401, UNAUTHENTICATED",
    "403, PERMISSION_DENIED",
    "404, NOT_FOUND",
    "409, ABORTED",
    "412, FAILED_PRECONDITION",
    "416, OUT_OF_RANGE",
    "429, RESOURCE_EXHAUSTED",
    "499, CANCELLED",
    "500, INTERNAL",
    "501, UNIMPLEMENTED",
    "503, UNAVAILABLE",
    "504, DEADLINE_EXCEEDED",
  })
  void fromHttpStatus_statusInTheTable_givesItsMostGeneralCode(int httpStatus, Code expected) {
    assertThat(Code.fromHttpStatus(httpStatus)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "502, UNAVAILABLE", // a proxy could not reach the service
    "418, FAILED_PRECONDITION",
    "599, INTERNAL",
    "302, UNKNOWN",
    "204, OK",
    "100, UNKNOWN",
    "0, UNKNOWN",
    "-1, UNKNOWN",
    "600, UNKNOWN",
  })
  void fromHttpStatus_statusOutsideTheTable_mapsByClass(int httpStatus, Code expected) {
    assertThat(Code.fromHttpStatus(httpStatus)).isEqualTo(expected);
  }
}
