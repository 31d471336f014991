package dev.amapi.ops.rest;

import static org.assertj.core.api.Assertions.assertThat;

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
}
