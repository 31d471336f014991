package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedRequestTest {
  private final RecordedRequest request =
      new RecordedRequest(
          "GET",
          "/v1/enterprises/e/devices/d/operations",
          "pageSize=2&filter=done+%3D+true&access_token=secret&oauth_token=secret2&flag",
          Map.of(
              "Authorization", List.of("Bearer ya29.secret"),
              "Accept", List.of("application/json")),
          "hi".getBytes(StandardCharsets.UTF_8),
          Instant.parse("2026-11-29T12:00:00Z"));

  @Test
  void header_anyCase_isFound() {
    assertThat(request.header("AUTHORIZATION")).contains("Bearer ya29.secret");
    assertThat(request.headers()).containsKey("accept");
  }

  @Test
  void queryParameter_isDecoded() {
    assertThat(request.queryParameter("filter")).contains("done = true");
    assertThat(request.queryParameter("flag")).contains("");
    assertThat(request.queryParameter("pageToken")).isEmpty();
  }

  @Test
  void toString_redactsCredentials() {
    assertThat(request.toString())
        .doesNotContain("ya29.secret")
        .doesNotContain("access_token=secret")
        .doesNotContain("secret2")
        .contains("Bearer <redacted>");
  }

  @Test
  void redactedHeaderAndQuery_hideCredentialsKeepTheScheme() {
    assertThat(request.redactedHeader("authorization")).containsExactly("Bearer ***");
    assertThat(request.redactedHeader("Accept")).containsExactly("application/json");
    assertThat(request.redactedQuery())
        .isEqualTo("pageSize=2&filter=done+%3D+true&access_token=***&oauth_token=***&flag");
    assertThat(request.time()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
  }

  @Test
  void body_isACopy() {
    request.body()[0] = 'X';

    assertThat(request.bodyAsString()).isEqualTo("hi");
  }
}
