package dev.amapi.ops.transport.apache;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.rest.RestRequest;
import dev.amapi.ops.rest.RestResponse;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.testkit.FakeResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void probe() throws Exception {
    try (FakeAmapiServer server = FakeAmapiServer.start()) {
      byte[] huge = new byte[64 * 1024 * 1024];
      server.enqueue(FakeResponse.raw(200, "text/plain", huge));
      server.enqueue(FakeResponse.stall());
      server.enqueue(FakeResponse.disconnect());
      ApacheHttpOperations.Builder b = ApacheHttpOperations.builder().endpoint(server.endpoint())
          .tokenSource(AccessTokenSource.fixed(AccessToken.of("t"))).retryPolicy(RetryPolicy.none());
      try (ApacheHttpExchange ex = ApacheHttpExchange.create(
          settingsOf(b), 4)) {
        RestRequest req = new RestRequest("GET", server.endpoint().resolve("x"), Map.of(), Duration.ofMillis(2000), 1024);
        long t = System.nanoTime();
        RestResponse r = ex.send(req);
        System.err.println("PROBE truncated=" + r.truncated() + " len=" + r.body().length + " ms=" + (System.nanoTime() - t) / 1e6 + " headers=" + r.headers());
        try { ex.send(req); } catch (Exception e) { System.err.println("PROBE stall: " + e + " cause=" + e.getCause()); }
        try { ex.send(req); } catch (Exception e) { System.err.println("PROBE disc: " + e + " cause=" + e.getCause()); }
        var f = ex.sendAsync(req);
        System.err.println("PROBE next: " + (f.join().statusCode()));
      }
    }
  }

  private static dev.amapi.ops.rest.RestSettings settingsOf(Object b) throws Exception {
    var m = dev.amapi.ops.rest.DeviceOperationsBuilder.class.getDeclaredMethod("settings");
    m.setAccessible(true);
    return (dev.amapi.ops.rest.RestSettings) m.invoke(b);
  }
}
