package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.rest.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeResponseTest {

  @Test
  void error_bodyIsGoogleEnvelopeOfTheStatus() {
    Status status = Status.of(Code.UNIMPLEMENTED, "Operation cancellation is not supported.");

    FakeResponse response = FakeResponse.error(status);

    assertThat(response.status()).isEqualTo(501);
    assertThat(response.contentType()).isEqualTo("application/json; charset=UTF-8");
    assertThat(WireFormat.readError(501, response.body(), false)).isEqualTo(status);
  }

  @Test
  void json_statusOutOfRange_throwsIllegalArgument() {
    assertThatThrownBy(() -> FakeResponse.json(99, "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99");
  }

  @Test
  void withHeader_lineBreakInValue_throwsIllegalArgument() {
    assertThatThrownBy(() -> FakeResponse.json(200, "{}").withHeader("X-Test", "a\r\nEvil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Test");
  }

  @Test
  void withHeader_onStall_throwsIllegalState() {
    assertThatThrownBy(() -> FakeResponse.stall().withHeader("X-Test", "1"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withDelay_negative_throwsIllegalArgument() {
    assertThatThrownBy(() -> FakeResponse.disconnect().withDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void raw_copiesTheBody() {
    byte[] body = "<html/>".getBytes(StandardCharsets.UTF_8);

    FakeResponse response = FakeResponse.raw(502, "text/html", body);
    body[0] = 'X';

    assertThat(response.body()).startsWith('<');
  }

  @Test
  void equals_sameParts_isEqual() {
    assertThat(FakeResponse.json(200, "{}").withHeader("A", "1"))
        .isEqualTo(FakeResponse.json(200, "{}").withHeader("A", "1"))
        .hasSameHashCodeAs(FakeResponse.json(200, "{}").withHeader("A", "1"))
        .isNotEqualTo(FakeResponse.json(200, "{}"));
  }
}
