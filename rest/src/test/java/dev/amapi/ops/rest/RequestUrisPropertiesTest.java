package dev.amapi.ops.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.ListOperationsRequest;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.rest.internal.RequestUris;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RequestUrisPropertiesTest {
  private static final URI ENDPOINT = URI.create("https://androidmanagement.googleapis.com/");
  private static final Pattern CANCEL_PATH =
      Pattern.compile("/v1/enterprises/([^/?#]+)/devices/([^/?#]+)/operations/([^/?#:]+):cancel");

  /** Tests that no accepted name makes cancel reach another path, host, query or fragment. */
  @Property(tries = 2000)
  void cancel_anyAcceptedName_staysOnTheCancelPath(@ForAll("names") OperationName name) {
    URI uri = RequestUris.cancel(ENDPOINT, name);

    assertThat(uri.getScheme()).isEqualTo("https");
    assertThat(uri.getHost()).isEqualTo("androidmanagement.googleapis.com");
    assertThat(uri.getRawQuery()).isNull();
    assertThat(uri.getRawFragment()).isNull();
    Matcher path = CANCEL_PATH.matcher(uri.getRawPath());
    assertThat(path.matches()).as("path %s", uri.getRawPath()).isTrue();
    assertThat(decode(path.group(1))).isEqualTo(name.enterpriseId());
    assertThat(decode(path.group(2))).isEqualTo(name.deviceId());
    assertThat(decode(path.group(3))).isEqualTo(name.operationId());
  }

  /** Tests that get addresses exactly the operation, with every ID escaped. */
  @Property(tries = 500)
  void get_anyAcceptedName_isTheOperationPath(@ForAll("names") OperationName name) {
    URI uri = RequestUris.get(ENDPOINT, name);

    assertThat(uri.getRawPath()).isEqualTo("/v1/" + RequestUris.path(name));
    assertThat(uri.getPath()).isEqualTo("/v1/" + name);
    assertThat(uri.getRawQuery()).isNull();
  }

  /** Tests that list's query values cannot add parameters or a fragment. */
  @Property(tries = 500)
  void list_anyTokenAndFilter_staysInTheirParameters(
      @ForAll("names") OperationName name,
      @ForAll("anyText") String filter,
      @ForAll("anyText") String token) {
    DeviceName device = name.device();
    URI uri =
        RequestUris.list(
            ENDPOINT,
            device,
            ListOperationsRequest.firstPage().withFilter(filter).withPageToken(token));

    assertThat(uri.getRawFragment()).isNull();
    assertThat(uri.getPath()).isEqualTo("/v1/" + device + "/operations");
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    long parameters = query.isEmpty() ? 0 : query.split("&", -1).length;
    assertThat(parameters).isEqualTo((filter.isEmpty() ? 0 : 1) + (token.isEmpty() ? 0 : 1));
  }

  @Provide
  Arbitrary<OperationName> names() {
    Arbitrary<String> id =
        Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings()
                    .withChars("aZ09-._~:@!$&'()*+,;=é中")
                    .ofMinLength(1)
                    .ofMaxLength(30))
            .filter(RequestUrisPropertiesTest::isAccepted);
    return Combinators.combine(id, id, id).as(OperationName::of);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().all().ofMaxLength(30).filter(s -> !s.isEmpty() && isWellFormed(s)));
  }

  /** Whether every surrogate is half of a pair: a request refuses any other text. */
  private static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAccepted(String id) {
    try {
      OperationName.of(id, "d", "1");
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String decode(String segment) {
    // URLDecoder reads '+' as a space; the escaper never leaves a raw '+' behind.
    assertThat(segment).doesNotContain("+");
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }
}
