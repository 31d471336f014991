package com.example.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.googleapis.util.Utils;
import com.google.api.client.json.GenericJson;
import com.google.common.collect.Iterables;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeTokenServer;
import dev.amapi.ops.testkit.ServiceAccountKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancels through the Apache transport with a service-account key whose token_uri is the
 * testkit's fake OAuth endpoint, while Guava and google-api-client share the class path.
 */
class FleetClientTest {
  static final DeviceName DEVICE = DeviceName.of("LC03k6enk8", "36c339908766f292");

  @TempDir Path dir;

  @Test
  void cancel_withAServiceAccountKey_sendsTheTokenTheEndpointIssued() throws IOException {
    try (FakeTokenServer tokens = FakeTokenServer.start();
        FakeAmapiServer api = FakeAmapiServer.start()) {
      api.acceptOnly(tokens::isValid);
      Path keyFile =
          ServiceAccountKeys.generate().registeredWith(tokens).writeTo(dir.resolve("key.json"));
      Operation reboot =
          api.operations().issueCommand(DEVICE, Command.builder(CommandType.REBOOT).build());

      try (DeviceOperations ops = FleetClient.connect(api.endpoint(), keyFile)) {
        ops.cancel(reboot.name());

        assertTrue(ops.get(reboot.name()).isCancelled());
      }
      String token = Iterables.getOnlyElement(tokens.issuedTokens()); // Guava
      assertEquals(
          "Bearer " + token,
          api.takeRequest(Duration.ofSeconds(5)).header("authorization").orElseThrow());
    }
  }

  @Test
  void theKeyFile_readsAsAServiceAccountKey_withGoogleApiClient() throws IOException {
    try (FakeTokenServer tokens = FakeTokenServer.start()) {
      Path keyFile =
          ServiceAccountKeys.generate().registeredWith(tokens).writeTo(dir.resolve("key.json"));

      GenericJson key;
      try (InputStream in = Files.newInputStream(keyFile)) {
        key = Utils.getDefaultJsonFactory().fromInputStream(in, GenericJson.class);
      }

      assertEquals("service_account", key.get("type"));
    }
  }
}
