package dev.amapi.ops.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.ErrorDetail;
import org.junit.jupiter.api.Test;

class RestJsonQuoteTest {

  @Test
  void quote_escapesQuotesBackslashesAndControlCharacters() {
    assertThat(RestJson.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
  }

  @Test
  void quote_keepsNonAsciiAndEscapesPairedSurrogatesAsOnePair() {
    assertThat(RestJson.quote("é中😀")).isEqualTo("\"é中\\uD83D\\uDE00\"");
  }

  @Test
  void quote_loneSurrogate_becomesReplacementCharacter() {
    assertThat(RestJson.quote("x\uD800y")).isEqualTo("\"x\uFFFDy\"");
  }

  @Test
  void detailJson_ofADetailBuiltInCode_isWhatAServerWouldSend() {
    ErrorDetail.ErrorInfo info =
        new ErrorDetail.ErrorInfo("R", "d", java.util.Map.of("b", "2", "a", "1"), "");

    assertThat(RestJson.detailJson(info))
        .isEqualTo(
            "{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"R\","
                + "\"domain\":\"d\",\"metadata\":{\"a\":\"1\",\"b\":\"2\"}}");
  }

  @Test
  void detailJson_ofADetailThatCarriesJson_isThatJson() {
    assertThat(RestJson.detailJson(new ErrorDetail.Unknown("t", "{\"x\":1}")))
        .isEqualTo("{\"x\":1}");
  }
}
