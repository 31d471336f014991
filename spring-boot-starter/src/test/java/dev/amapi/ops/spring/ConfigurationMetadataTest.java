package dev.amapi.ops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.core.io.ClassPathResource;

/** The jar describes every property to IDEs: META-INF/spring-configuration-metadata.json. */
class ConfigurationMetadataTest {

  @Test
  void everyProperty_isDescribed() throws IOException {
    String json;
    try (InputStream in =
        new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> properties =
        (List<Map<String, Object>>)
            JsonParserFactory.getJsonParser().parseMap(json).get("properties");
    assertThat(properties)
        .extracting(p -> p.get("name"))
        .containsExactlyInAnyOrder(
            "amapi.ops.transport",
            "amapi.ops.endpoint",
            "amapi.ops.credentials",
            "amapi.ops.quota-project",
            "amapi.ops.connect-timeout",
            "amapi.ops.request-timeout",
            "amapi.ops.call-timeout",
            "amapi.ops.executor",
            "amapi.ops.application-name",
            "amapi.ops.max-response-bytes",
            "amapi.ops.ssl-bundle",
            "amapi.ops.retry.max-attempts",
            "amapi.ops.retry.initial-backoff",
            "amapi.ops.retry.max-backoff",
            "amapi.ops.retry.retryable-codes");
    assertThat(properties).allSatisfy(p -> assertThat(p.get("description")).isNotNull());
  }
}
