package dev.amapi.ops.transport.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class NoTlsContextTest {
  @Test
  void httpClient_canBeBuiltWithIt() {
    NoTlsContext context = new NoTlsContext();

    HttpClient client = HttpClient.newBuilder().sslContext(context).build();

    assertEquals(context, client.sslContext());
    assertNotNull(client.sslParameters());
  }

  @Test
  void askedForTls_throwsSayingTheEndpointIsPlainHttp() {
    NoTlsContext context = new NoTlsContext();

    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, context::createSSLEngine);

    assertTrue(e.getMessage().contains("plain http"), e.getMessage());
    assertThrows(UnsupportedOperationException.class, context::getSocketFactory);
  }
}
