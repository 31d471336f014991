package dev.amapi.ops.rest.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportRequestTest {
  private static final URI URI_ = URI.create("http://127.0.0.1:1/v1/enterprises/e");

  private static TransportRequest get(Map<String, String> headers) {
    return new TransportRequest(HttpMethod.GET, URI_, headers, Duration.ofSeconds(1), 1024);
  }

  @Test
  void headers_areCopied_evenFromAnUnmodifiableViewOfAMapTheCallerStillChanges() {
    Map<String, String> mutable = new LinkedHashMap<>();
    mutable.put("accept", "application/json");

    TransportRequest request = get(Collections.unmodifiableMap(mutable));
    mutable.put("authorization", "Bearer changed-after");

    assertThat(request.headers()).containsExactly(Map.entry("accept", "application/json"));
  }

  @Test
  void headers_keepTheirOrder_andCannotBeChanged() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("user-agent", "a");
    headers.put("accept", "b");
    headers.put("authorization", "c");

    TransportRequest request = get(headers);

    assertThat(request.headers().keySet()).containsExactly("user-agent", "accept", "authorization");
    assertThatThrownBy(() -> request.headers().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> request.headers().entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void frozenHeaders_areSharedByEveryRequest_withoutACopy() {
    Map<String, String> frozen = TransportRequest.frozenHeaders(Map.of("accept", "b"));

    assertThat(get(frozen).headers()).isSameAs(frozen);
    assertThat(TransportRequest.frozenHeaders(frozen)).isSameAs(frozen);
    assertThat(frozen).isEqualTo(Map.of("accept", "b"));
  }
}
