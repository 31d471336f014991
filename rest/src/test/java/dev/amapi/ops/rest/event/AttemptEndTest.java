package dev.amapi.ops.rest.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.Code;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptEndTest {
  private static final CallStart CALL =
      new CallStart(
          1,
          OperationKind.CANCEL,
          "enterprises/e/devices/d/operations/o",
          "POST",
          URI.create(
              "https://androidmanagement.googleapis.com/v1/enterprises/e/devices/d/operations/o:cancel"),
          "test",
          false);

  private static AttemptEnd end(int httpStatus, Code code, RetryReason reason) {
    return new AttemptEnd(
        CALL, 1, httpStatus, code, Duration.ofMillis(5), 0, Duration.ZERO, reason);
  }

  @Test
  void errorType_ofASuccess_isEmpty() {
    assertThat(end(200, Code.OK, RetryReason.NONE).errorType()).isEmpty();
  }

  @Test
  void errorType_ofAnErrorAnswer_isItsStatus() {
    assertThat(end(503, Code.UNAVAILABLE, RetryReason.POLICY_BACKOFF).errorType()).isEqualTo("503");
    assertThat(end(404, Code.NOT_FOUND, RetryReason.NONE).errorType()).isEqualTo("404");
  }

  @Test
  void errorType_withoutAnAnswer_isTheCode() {
    assertThat(end(0, Code.DEADLINE_EXCEEDED, RetryReason.NONE).errorType())
        .isEqualTo("DEADLINE_EXCEEDED");
    assertThat(end(0, Code.UNAVAILABLE, RetryReason.POLICY_BACKOFF).errorType())
        .isEqualTo("UNAVAILABLE");
  }

  @Test
  void errorType_ofA200TheClientCouldNotRead_isTheCode() {
    // An answer that came but failed the client (too long, not JSON) is no HTTP error.
    assertThat(end(200, Code.OUT_OF_RANGE, RetryReason.NONE).errorType()).isEqualTo("OUT_OF_RANGE");
  }

  @Test
  void retried_isWhetherAnotherAttemptFollows() {
    assertThat(end(503, Code.UNAVAILABLE, RetryReason.POLICY_BACKOFF).retried()).isTrue();
    assertThat(end(503, Code.UNAVAILABLE, RetryReason.NONE).retried()).isFalse();
  }
}
