package dev.amapi.ops.testkit;

import static java.util.Objects.requireNonNull;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes service-account keys for tests: a fresh RSA 2048 key pair and the JSON key file Google
 * would hand out for it, pointed at a {@link FakeTokenServer}.
 *
 * <pre>{@code
 * Path keyFile = ServiceAccountKeys.generate().registeredWith(tokens).writeTo(dir.resolve("key.json"));
 * }</pre>
 */
public final class ServiceAccountKeys {
  /** The project a generated key belongs to unless another is named. */
  public static final String DEFAULT_PROJECT_ID = "amapi-ops-test";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ServiceAccountKeys() {}

  /**
   * Returns a new key of the service account {@code
   * amapi-ops@amapi-ops-test.iam.gserviceaccount.com} in project {@value #DEFAULT_PROJECT_ID}, with
   * a random key ID and client ID, whose {@code token_uri} is Google's until {@link
   * ServiceAccountKey#registeredWith} or {@link ServiceAccountKey#withTokenUri} says otherwise.
   *
   * @return a new key with a fresh 2048-bit RSA key pair
   */
  public static ServiceAccountKey generate() {
    return generate(DEFAULT_PROJECT_ID, "amapi-ops");
  }

  /**
   * Returns a new key of the service account {@code
   * <accountId>@<projectId>.iam.gserviceaccount.com}.
   *
   * @param projectId the project the service account belongs to
   * @param accountId the account's name, before the {@code @}
   * @return a new key with a fresh 2048-bit RSA key pair and Google's {@code token_uri}
   * @throws IllegalArgumentException if either name is empty or holds characters other than
   *     lower-case letters, digits and {@code -}
   */
  public static ServiceAccountKey generate(String projectId, String accountId) {
    requireNonNull(projectId, "projectId");
    requireNonNull(accountId, "accountId");
    checkName("projectId", projectId);
    checkName("accountId", accountId);
    KeyPair keyPair = rsaKeyPair();
    byte[] keyId = new byte[20];
    RANDOM.nextBytes(keyId);
    // Google's client IDs are 21 decimal digits.
    StringBuilder clientId = new StringBuilder("1");
    for (int i = 0; i < 20; i++) {
      clientId.append(RANDOM.nextInt(10));
    }
    return new ServiceAccountKey(
        keyPair,
        HexFormat.of().formatHex(keyId),
        projectId,
        accountId + "@" + projectId + ".iam.gserviceaccount.com",
        clientId.toString(),
        FakeTokenServer.GOOGLE_TOKEN_AUDIENCE,
        null);
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM cannot make RSA keys", e);
    }
  }

  private static void checkName(String what, String name) {
    if (name.isEmpty()
        || !name.chars()
            .allMatch(c -> c == '-' || Character.isDigit(c) || (c >= 'a' && c <= 'z'))) {
      throw new IllegalArgumentException(
          what + " must be lower-case letters, digits and '-': \"" + name + '"');
    }
  }
}
