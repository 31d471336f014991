package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.testing.NullPointerTester;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmapiExceptionTest {
  private static final Status NOT_FOUND =
      Status.of(Code.NOT_FOUND, "Requested entity was not found.");

  @Test
  void message_ofAnAnswer_namesTheCodeTheMessageAndTheHttpStatus() {
    AmapiException e = new AmapiException(NOT_FOUND, 404);

    assertThat(e)
        .hasMessageContaining("NOT_FOUND")
        .hasMessageContaining("Requested entity was not found.")
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void message_withEmptyServerMessage_stillNamesTheCodeAndHttpStatus() {
    AmapiException e = new AmapiException(Status.of(Code.PERMISSION_DENIED, ""), 403);

    assertThat(e).hasMessage("PERMISSION_DENIED (HTTP 403)");
  }

  @Test
  void message_withUnknownStatusName_showsTheNameTheServerSent() {
    Status status =
        Status.of(Code.UNAVAILABLE, "Try later.").withUnknownStatusName("SOME_NEW_STATUS");

    AmapiException e = new AmapiException(status, 503);

    assertThat(e)
        .hasMessage("UNAVAILABLE (the server said SOME_NEW_STATUS): Try later. (HTTP 503)");
    assertThat(e.status().unknownStatus()).contains("SOME_NEW_STATUS");
  }

  @Test
  void status_ofAnAnswer_isEverythingTheServerSaid() {
    Status status =
        Status.of(
            Code.UNAVAILABLE,
            "The service is currently unavailable.",
            List.of(new ErrorDetail.Unknown("type.googleapis.com/x.Y", "{}")));

    AmapiException e = new AmapiException(status, 503);

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(e.httpStatus()).hasValue(503);
  }

  @Test
  void httpStatus_withACause_isEmpty() {
    AmapiException e =
        new AmapiException(Status.of(Code.UNAVAILABLE, "Connection refused"), new IOException());

    assertThat(e.httpStatus()).isEmpty();
  }

  @Test
  void cause_ofACallWithNoAnswer_isKept() {
    SocketTimeoutException timeout = new SocketTimeoutException("request timed out");

    AmapiException e = new AmapiException(Status.of(Code.DEADLINE_EXCEEDED, "timed out"), timeout);

    assertThat(e).hasCause(timeout);
    assertThat(e.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
  }

  @Test
  void message_ofACallWithNoAnswer_namesTheCodeAndMessageButNoHttpStatus() {
    AmapiException e =
        new AmapiException(Status.of(Code.UNAVAILABLE, "Connection refused"), new IOException());

    assertThat(e).hasMessage("UNAVAILABLE: Connection refused");
  }

  @Test
  void isUnchecked() {
    assertThat(new AmapiException(NOT_FOUND, 404)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void constructors_rejectNullStatus() {
    new NullPointerTester()
        .setDefault(Status.class, NOT_FOUND)
        .testAllPublicConstructors(AmapiException.class);
  }

  @Test
  void serialized_keepsTheStatusWithItsDetails() {
    AmapiException original =
        new AmapiException(
            Status.of(
                    Code.RESOURCE_EXHAUSTED,
                    "Quota exceeded.",
                    List.of(new ErrorDetail.RetryInfo(java.time.Duration.ofMillis(2500), "{}")))
                .withUnknownStatusName("QUOTA_SOMETHING_NEW")
                .withOtherField("future", "{\"a\":1}"),
            429);

    AmapiException copy = com.google.common.testing.SerializableTester.reserialize(original);

    assertThat(copy.status()).isEqualTo(original.status());
    assertThat(copy.httpStatus()).hasValue(429);
  }

  @Test
  void retryAfter_isKept_andNeverNegative() {
    Status status = Status.of(Code.RESOURCE_EXHAUSTED, "slow down");

    assertThat(new AmapiException(status, 429, java.time.Duration.ofSeconds(2)).retryAfter())
        .contains(java.time.Duration.ofSeconds(2));
    assertThat(new AmapiException(status, 429).retryAfter()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new AmapiException(status, 429, java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryAfter");
  }
}
