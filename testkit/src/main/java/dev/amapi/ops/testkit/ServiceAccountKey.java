package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A service-account key made by {@link ServiceAccountKeys}: its RSA key pair and what its JSON key
 * file says. Immutable; the {@code with...} methods return a copy with the same key pair.
 *
 * <p>{@link #toString()} never shows the private key.
 */
public final class ServiceAccountKey {
  private static final JsonFactory JSON = new JsonFactory();

  private final KeyPair keyPair;
  private final String keyId;
  private final String projectId;
  private final String clientEmail;
  private final String clientId;
  private final String tokenUri;
  private final @Nullable String quotaProjectId;

  ServiceAccountKey(
      KeyPair keyPair,
      String keyId,
      String projectId,
      String clientEmail,
      String clientId,
      String tokenUri,
      @Nullable String quotaProjectId) {
    this.keyPair = keyPair;
    this.keyId = keyId;
    this.projectId = projectId;
    this.clientEmail = clientEmail;
    this.clientId = clientId;
    this.tokenUri = tokenUri;
    this.quotaProjectId = quotaProjectId;
  }

  /**
   * Returns the key's ID.
   *
   * @return the file's {@code private_key_id}, also the {@code kid} of the JWTs signed with it
   */
  public String keyId() {
    return keyId;
  }

  /**
   * Returns the project the service account belongs to.
   *
   * @return the file's {@code project_id}
   */
  public String projectId() {
    return projectId;
  }

  /**
   * Returns the service account's e-mail address.
   *
   * @return the file's {@code client_email}, the JWTs' issuer
   */
  public String clientEmail() {
    return clientEmail;
  }

  /**
   * Returns the service account's client ID.
   *
   * @return the file's {@code client_id}, 21 digits
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Returns where credentials from the file get their tokens.
   *
   * @return the file's {@code token_uri}: Google's, or a {@link FakeTokenServer}'s
   */
  public URI tokenUri() {
    return URI.create(tokenUri);
  }

  /**
   * Returns the project the file bills quota to.
   *
   * @return the file's {@code quota_project_id}, or empty if it has none
   */
  public Optional<String> quotaProjectId() {
    return Optional.ofNullable(quotaProjectId);
  }

  /**
   * Returns the public half of the key.
   *
   * @return the key a token endpoint checks the JWTs' signatures with
   */
  public RSAPublicKey publicKey() {
    return (RSAPublicKey) keyPair.getPublic();
  }

  /**
   * Returns the private half of the key.
   *
   * @return the key the file's {@code private_key} holds, which signs the JWTs
   */
  public RSAPrivateKey privateKey() {
    return (RSAPrivateKey) keyPair.getPrivate();
  }

  /**
   * Returns a copy whose file has this {@code token_uri}.
   *
   * @param tokenUri the token endpoint
   * @return a new key with the same key pair; this one is unchanged
   */
  public ServiceAccountKey withTokenUri(URI tokenUri) {
    requireNonNull(tokenUri, "tokenUri");
    return new ServiceAccountKey(
        keyPair, keyId, projectId, clientEmail, clientId, tokenUri.toString(), quotaProjectId);
  }

  /**
   * Returns a copy whose file has this {@code quota_project_id}.
   *
   * @param quotaProjectId the project to bill quota to
   * @return a new key with the same key pair; this one is unchanged
   */
  public ServiceAccountKey withQuotaProjectId(String quotaProjectId) {
    requireNonNull(quotaProjectId, "quotaProjectId");
    return new ServiceAccountKey(
        keyPair, keyId, projectId, clientEmail, clientId, tokenUri, quotaProjectId);
  }

  /**
   * Registers this key's public half with {@code tokens} and returns a copy whose {@code token_uri}
   * is that server's: credentials from its file then get tokens there.
   *
   * @param tokens the token server to trust this key
   * @return a new key whose {@code token_uri} is {@link FakeTokenServer#tokenUri()}
   */
  public ServiceAccountKey registeredWith(FakeTokenServer tokens) {
    requireNonNull(tokens, "tokens");
    tokens.registerKey(keyId, publicKey());
    return withTokenUri(tokens.tokenUri());
  }

  /**
   * Returns the JSON key file, as Google's console would hand it out: {@code type}, {@code
   * project_id}, {@code private_key_id}, {@code private_key} (PKCS#8 PEM), {@code client_email},
   * {@code client_id}, {@code token_uri}, {@code universe_domain} ({@code googleapis.com}) and,
   * when set, {@code quota_project_id}.
   *
   * @return the file's content, pretty-printed JSON
   */
  public String json() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("type", "service_account");
      json.writeStringField("project_id", projectId);
      json.writeStringField("private_key_id", keyId);
      json.writeStringField("private_key", pem());
      json.writeStringField("client_email", clientEmail);
      json.writeStringField("client_id", clientId);
      json.writeStringField("auth_uri", "https://accounts.google.com/o/oauth2/auth");
      json.writeStringField("token_uri", tokenUri);
      if (quotaProjectId != null) {
        json.writeStringField("quota_project_id", quotaProjectId);
      }
      json.writeStringField("universe_domain", "googleapis.com");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes {@link #json()} to {@code file}, replacing it, and returns {@code file}.
   *
   * @param file where to write the key file
   * @return {@code file}, to hand to the code under test
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path writeTo(Path file) {
    requireNonNull(file, "file");
    try {
      Files.writeString(file, json(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the service-account key to " + file, e);
    }
    return file;
  }

  /**
   * Returns the account, key ID and token URI; never the private key.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    return "ServiceAccountKey{"
        + clientEmail
        + ", keyId="
        + keyId
        + ", tokenUri="
        + tokenUri
        + (quotaProjectId == null ? "" : ", quotaProjectId=" + quotaProjectId)
        + '}';
  }

  private String pem() {
    String base64 =
        Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(keyPair.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }
}
