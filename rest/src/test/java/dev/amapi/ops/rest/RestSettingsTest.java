package dev.amapi.ops.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.rest.spi.HttpTransport;
import dev.amapi.ops.rest.spi.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestSettingsTest {

  /** A builder that records the settings it is built with, and builds no real transport. */
  private static final class RecordingBuilder extends DeviceOperationsBuilder<RecordingBuilder> {
    final AtomicReference<RestSettings> built = new AtomicReference<>();

    @Override
    protected HttpTransport newTransport(RestSettings settings) {
      built.set(settings);
      return new HttpTransport() {
        @Override
        public Exchange prepare(TransportRequest request) {
          throw new AssertionError("no request expected");
        }

        @Override
        public void close() {}
      };
    }

    @Override
    protected RecordingBuilder self() {
      return this;
    }
  }

  private static RecordingBuilder builder() {
    return new RecordingBuilder().tokenSource(AccessTokenSource.fixed(AccessToken.of("t")));
  }

  @Test
  void build_withDefaults_usesGooglesEndpointAndTimeouts() {
    RecordingBuilder builder = builder();
    builder.build().close();

    RestSettings settings = builder.built.get();
    assertThat(settings.endpoint())
        .isEqualTo(URI.create("https://androidmanagement.googleapis.com/"));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.retryPolicy().maxAttempts()).isEqualTo(5);
  }

  @Test
  void build_withoutTokenSource_throwsNamingIt() {
    assertThatThrownBy(() -> new RecordingBuilder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tokenSource is required");
  }

  @Test
  void build_zeroRequestTimeout_throwsNamingIt() {
    assertThatThrownBy(() -> builder().requestTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("requestTimeout must be positive, was PT0S");
  }

  @Test
  void build_negativeConnectTimeout_throwsNamingIt() {
    assertThatThrownBy(() -> builder().connectTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connectTimeout must be positive");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/",
        "http://127.1.2.3/",
        "http://localhost:1/",
        "http://[::1]:9000/",
        "https://androidmanagement.googleapis.com/",
        "https://proxy.example.com/amapi/"
      })
  void endpoint_httpsOrLoopback_isAccepted(String endpoint) {
    RecordingBuilder builder = builder().endpoint(URI.create(endpoint));
    builder.build().close();

    assertThat(builder.built.get().endpoint()).hasToString(endpoint);
  }

  @Test
  void endpoint_withoutTrailingSlash_getsOne() {
    RecordingBuilder builder = builder().endpoint(URI.create("https://proxy.example.com/amapi"));
    builder.build().close();

    assertThat(builder.built.get().endpoint()).hasToString("https://proxy.example.com/amapi/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://androidmanagement.googleapis.com/",
        "http://10.0.0.1/",
        "http://127.0.0.1.example.com/",
        "http://bad.cafe/",
        "http://face/",
        "http://[2001:db8::1]/",
        "ftp://127.0.0.1/"
      })
  void endpoint_plainHttpToAnotherHost_isRejected(String endpoint) {
    assertThatThrownBy(() -> builder().endpoint(URI.create(endpoint)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(endpoint)
        .hasMessageContaining("must use https");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://user:pw@androidmanagement.googleapis.com/",
        "https://androidmanagement.googleapis.com/?alt=json",
        "https://androidmanagement.googleapis.com/#x",
        "/relative/",
        "https://proxy.example.com/a/../b/"
      })
  void endpoint_thatCouldRedirectRequests_isRejected(String endpoint) {
    assertThatThrownBy(() -> builder().endpoint(URI.create(endpoint)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid endpoint \"" + endpoint + "\"");
  }

  @Test
  void applicationName_withNewline_isRejected() {
    assertThatThrownBy(() -> builder().applicationName("app\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("applicationName must be printable ASCII");
  }

  @Test
  void build_credentialsOfAnotherUniverse_throwsNamingBoth() {
    AccessTokenSource otherUniverse =
        new AccessTokenSource() {
          @Override
          public AccessToken token() {
            return AccessToken.of("t");
          }

          @Override
          public java.util.Optional<String> universeDomain() {
            return java.util.Optional.of("example-universe.net");
          }
        };

    assertThatThrownBy(() -> new RecordingBuilder().tokenSource(otherUniverse).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("universe domain \"example-universe.net\"")
        .hasMessageContaining("https://androidmanagement.googleapis.com/");
  }
}
