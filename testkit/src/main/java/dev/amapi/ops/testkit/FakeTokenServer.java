package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import dev.amapi.ops.domain.port.AccessTokenSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fake OAuth 2 token endpoint on loopback that speaks the service-account JWT-bearer grant (RFC
 * 7523) as Google's does: what a real credential library, such as google-auth-library, can get
 * access tokens from in a test.
 *
 * <pre>{@code
 * try (FakeTokenServer tokens = FakeTokenServer.start()) {
 *   Path keyFile = ServiceAccountKeys.generate().registeredWith(tokens).writeTo(dir.resolve("key.json"));
 *   // ... credentials from keyFile get tokens from tokens.tokenUri(); tokens.isValid(token) says
 *   // whether a token came from here and is still valid.
 * }
 * }</pre>
 *
 * <p>It answers {@code POST /token} with the form {@code
 * grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>}, and checks the JWT with
 * the JDK's own crypto: {@code alg} is {@code RS256}; its {@code kid}, when present, is a {@link
 * #registerKey registered} key, and its signature verifies against that key (or, without {@code
 * kid}, against any registered key); {@code aud} is {@link #tokenUri()} or Google's {@value
 * #GOOGLE_TOKEN_AUDIENCE} (google-auth-library always sends the latter, whatever the key file's
 * {@code token_uri}); {@code scope} holds {@value AccessTokenSource#SCOPE}; {@code exp} is in the
 * future and at most an hour after {@code iat}; {@code iat} is not more than a minute in the
 * future. A good grant gets {@code {"access_token": ..., "token_type": "Bearer", "expires_in": N}};
 * a bad one a 400 {@code {"error": "invalid_grant", "error_description": "<what failed>"}}; a
 * malformed request a 400 {@code invalid_request} or {@code unsupported_grant_type}.
 *
 * <p>Thread-safe. The server runs on daemon threads named {@code amapi-fake-token-N}; {@link
 * #close()} stops it and waits for those threads to end.
 */
public final class FakeTokenServer implements AutoCloseable {
  /** The JWT-bearer grant type, the only one this server accepts. */
  public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  /** The audience Google's token endpoint expects, and google-auth-library always sends. */
  public static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

  /** How long issued tokens are valid unless {@link #tokenLifetime(Duration)} says otherwise. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

  private static final JsonFactory JSON = new JsonFactory();
  private static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofHours(1);
  private static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(1);
  private static final String TOKEN_PATH = "/token";

  private final LoopbackHttpServer http;
  private final URI tokenUri;
  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();

  private final Object lock = new Object();
  // Guarded by lock.
  private final Map<String, RSAPublicKey> keys = new LinkedHashMap<>();
  private final Map<String, Instant> tokens = new LinkedHashMap<>();
  private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
  private int requestCount;
  private boolean closed;

  private FakeTokenServer(LoopbackHttpServer http) {
    this.http = http;
    this.tokenUri = http.uri(TOKEN_PATH);
  }

  /**
   * Starts a token endpoint on {@code 127.0.0.1}, on a free port, with no key registered.
   *
   * @return the running server; the caller closes it
   * @throws UncheckedIOException if the loopback port cannot be bound
   */
  public static FakeTokenServer start() {
    LoopbackHttpServer http = LoopbackHttpServer.bind("amapi-fake-token-");
    FakeTokenServer server = new FakeTokenServer(http);
    http.start(server::handle);
    return server;
  }

  /**
   * Returns the token endpoint: what a service-account key's {@code token_uri} is.
   *
   * @return {@code http://127.0.0.1:PORT/token}
   */
  public URI tokenUri() {
    return tokenUri;
  }

  /**
   * Trusts {@code key} for JWTs whose header names {@code keyId} as {@code kid} (the key file's
   * {@code private_key_id}). Registering a key ID again replaces its key.
   *
   * @param keyId the key's ID; not empty
   * @param key the public half of the key the JWTs are signed with
   * @throws IllegalArgumentException if {@code keyId} is empty
   */
  public void registerKey(String keyId, RSAPublicKey key) {
    requireNonNull(keyId, "keyId");
    requireNonNull(key, "key");
    if (keyId.isEmpty()) {
      throw new IllegalArgumentException("keyId is empty");
    }
    synchronized (lock) {
      keys.put(keyId, key);
    }
  }

  /**
   * Sets how long tokens issued from now on are valid (the {@code expires_in} answered); {@link
   * Duration#ZERO} issues tokens that are already expired. The default is {@link
   * #DEFAULT_TOKEN_LIFETIME}. Whole seconds count, as on the wire.
   *
   * @param lifetime how long each new token is valid; a fraction of a second is dropped
   * @throws IllegalArgumentException if {@code lifetime} is negative
   */
  public void tokenLifetime(Duration lifetime) {
    requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative()) {
      throw new IllegalArgumentException("tokenLifetime must not be negative: " + lifetime);
    }
    synchronized (lock) {
      tokenLifetime = Duration.ofSeconds(lifetime.toSeconds());
    }
  }

  /**
   * Returns how many requests reached the token endpoint, granted or not.
   *
   * @return the count since the server started
   */
  public int tokenRequestCount() {
    synchronized (lock) {
      return requestCount;
    }
  }

  /**
   * Returns whether this server issued {@code accessToken} and it has not expired; what a {@link
   * FakeAmapiServer#acceptOnly} check calls.
   *
   * @param accessToken the token, without the {@code Bearer} prefix
   * @return true if it was issued here and is still valid
   */
  public boolean isValid(String accessToken) {
    requireNonNull(accessToken, "accessToken");
    synchronized (lock) {
      Instant expiry = tokens.get(accessToken);
      return expiry != null && clock.instant().isBefore(expiry);
    }
  }

  /**
   * Returns every token issued so far, oldest first, expired or not.
   *
   * @return an immutable snapshot of the issued tokens' values
   */
  public List<String> issuedTokens() {
    synchronized (lock) {
      return List.copyOf(tokens.keySet());
    }
  }

  /**
   * Stops the server: closes its port and every connection, and waits (up to 5 s) for its threads
   * to end. What it issued stays readable. Closing twice is harmless.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    http.stop();
  }

  /** Returns a description without any token. */
  @Override
  public String toString() {
    synchronized (lock) {
      return "FakeTokenServer{"
          + tokenUri
          + ", keys="
          + keys.keySet()
          + ", issued="
          + tokens.size()
          + (closed ? ", closed" : "")
          + '}';
    }
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (!TOKEN_PATH.equals(path)) {
        answer(exchange, 404, error("invalid_request", "no such path: " + path));
        return;
      }
      synchronized (lock) {
        requestCount++;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, error("invalid_request", "the token endpoint takes POST only"));
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body.length > MAX_BODY_BYTES) {
        answer(exchange, 413, error("invalid_request", "request body is too large"));
        return;
      }
      answerGrant(exchange, form(new String(body, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      // The client went away or sent something unreadable; nothing more to answer.
    }
  }

  private void answerGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
    String grantType = form.get("grant_type");
    String assertion = form.get("assertion");
    if (grantType == null || grantType.isEmpty()) {
      answer(exchange, 400, error("invalid_request", "grant_type is missing"));
      return;
    }
    if (!GRANT_TYPE.equals(grantType)) {
      answer(
          exchange,
          400,
          error("unsupported_grant_type", "only " + GRANT_TYPE + " is supported: " + grantType));
      return;
    }
    if (assertion == null || assertion.isEmpty()) {
      answer(exchange, 400, error("invalid_request", "assertion is missing"));
      return;
    }
    String failure = checkAssertion(assertion);
    if (failure != null) {
      answer(exchange, 400, error("invalid_grant", failure));
      return;
    }
    String token = newToken();
    long lifetimeSeconds;
    synchronized (lock) {
      lifetimeSeconds = tokenLifetime.toSeconds();
      tokens.put(token, clock.instant().plusSeconds(lifetimeSeconds));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("access_token", token);
      json.writeStringField("token_type", "Bearer");
      json.writeNumberField("expires_in", lifetimeSeconds);
      json.writeEndObject();
    }
    answer(exchange, 200, out.toByteArray());
  }

  /** Returns what is wrong with the JWT, or null when it earns a token. */
  private @Nullable String checkAssertion(String assertion) {
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      return "assertion is not a JWT: it has " + parts.length + " parts, not 3";
    }
    Map<String, Object> header;
    Map<String, Object> claims;
    byte[] signature;
    try {
      header = jsonObject(Base64.getUrlDecoder().decode(parts[0]));
      claims = jsonObject(Base64.getUrlDecoder().decode(parts[1]));
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException | IOException e) {
      return "assertion is not a JWT: " + e.getMessage();
    }
    if (!"RS256".equals(header.get("alg"))) {
      return "JWT alg must be RS256, not " + header.get("alg");
    }
    Object kid = header.get("kid");
    List<RSAPublicKey> candidates;
    synchronized (lock) {
      RSAPublicKey named = kid == null ? null : keys.get(kid.toString());
      if (kid == null) {
        candidates = new ArrayList<>(keys.values());
      } else if (named != null) {
        candidates = List.of(named);
      } else {
        return "JWT kid " + kid + " is not a registered key";
      }
    }
    byte[] signed = (parts[0] + '.' + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (candidates.stream().noneMatch(key -> verifies(key, signed, signature))) {
      return "Invalid JWT Signature.";
    }
    Object audience = claims.get("aud");
    if (!tokenUri.toString().equals(audience) && !GOOGLE_TOKEN_AUDIENCE.equals(audience)) {
      return "Invalid JWT: aud must be "
          + tokenUri
          + " or "
          + GOOGLE_TOKEN_AUDIENCE
          + ", not "
          + audience;
    }
    Object scope = claims.get("scope");
    if (!(scope instanceof String scopes)
        || !Arrays.asList(scopes.split(" ", -1)).contains(AccessTokenSource.SCOPE)) {
      return "Invalid JWT: scope must include " + AccessTokenSource.SCOPE + ", not " + scope;
    }
    if (!(claims.get("exp") instanceof Long exp) || !(claims.get("iat") instanceof Long iat)) {
      return "Invalid JWT: exp and iat must be numbers of seconds";
    }
    long now = clock.instant().getEpochSecond();
    if (exp <= now) {
      return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable"
          + " timeframe. Check your iat and exp values in the JWT claim. (exp is in the past)";
    }
    if (iat > now + ALLOWED_CLOCK_SKEW.toSeconds()) {
      return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable"
          + " timeframe. Check your iat and exp values in the JWT claim. (iat is in the future)";
    }
    if (exp - iat > MAX_ASSERTION_LIFETIME.toSeconds()) {
      return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable"
          + " timeframe. Check your iat and exp values in the JWT claim. (exp is more than an hour"
          + " after iat)";
    }
    return null;
  }

  private static boolean verifies(RSAPublicKey key, byte[] signed, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(signed);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Reads a flat JSON object: strings, whole numbers (as Long) and booleans; the rest as text. */
  private static Map<String, Object> jsonObject(byte[] bytes) throws IOException {
    Map<String, Object> fields = new HashMap<>();
    try (JsonParser parser = JSON.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a JWT part is not a JSON object");
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (value) {
          case VALUE_STRING -> fields.put(name, parser.getText());
          case VALUE_NUMBER_INT -> fields.put(name, parser.getLongValue());
          case VALUE_TRUE, VALUE_FALSE -> fields.put(name, parser.getBooleanValue());
          case START_OBJECT, START_ARRAY -> {
            parser.skipChildren();
            fields.put(name, "<" + value.asString() + "...>");
          }
          default -> fields.put(name, parser.getText());
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw new IOException("a JWT part is not a JSON object");
      }
    }
    return fields;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    return in.readNBytes(MAX_BODY_BYTES + 1);
  }

  /** Returns the first value of each field of a form body; a malformed escape throws. */
  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    Query.split(body, raw -> URLDecoder.decode(raw, StandardCharsets.UTF_8))
        .forEach((name, values) -> form.put(name, values.get(0)));
    return form;
  }

  private String newToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return "fake-token." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] error(String error, String description) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("error", error);
      json.writeStringField("error_description", description);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
