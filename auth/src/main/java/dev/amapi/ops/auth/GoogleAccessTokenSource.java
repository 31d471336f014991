package dev.amapi.ops.auth;

import static java.util.Objects.requireNonNull;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.domain.port.AccessTokenSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AccessTokenSource} over google-auth-library's {@link GoogleCredentials}: Application
 * Default Credentials, a service-account key file, or credentials the caller built.
 *
 * <pre>{@code
 * AccessTokenSource tokens = GoogleAccessTokenSource.fromServiceAccountKey(Path.of("key.json"));
 * }</pre>
 *
 * <p>Credentials that need scopes (service accounts) are scoped to {@value
 * AccessTokenSource#SCOPE}. End-user credentials from {@code gcloud auth application-default login}
 * carry the scopes they were logged in with: log in with {@code --scopes=} that include it.
 *
 * <p>{@link #token()} hands out the cached token and fetches a new one from the token endpoint only
 * when it is missing or about to expire (google-auth-library refreshes when less than 3 min 45 s
 * remain). However many threads ask at once, one request goes to the token endpoint. {@link
 * #refresh(AccessToken)} forces a new token after the API rejected one, once for all the threads
 * that saw the same token rejected.
 *
 * <p>Thread-safe and immutable; copies made by {@link #withQuotaProject(String)} share the token
 * cache. The token value never appears in {@link #toString()} or in an exception message.
 */
public final class GoogleAccessTokenSource implements AccessTokenSource {
  // Large enough for any key file; stops a mistaken path to a huge file from being read whole.
  private static final int MAX_KEY_FILE_BYTES = 1 << 20;
  private static final int MAX_ERROR_EXCERPT = 200;
  private static final List<String> REQUIRED_KEY_FIELDS =
      List.of("client_email", "private_key", "private_key_id", "client_id");

  private final GoogleCredentials credentials;
  private final Shared shared;
  private final @Nullable String quotaProject;

  /** What copies of one source share: the credentials' cache is theirs too. */
  private static final class Shared {
    // Makes a forced refresh happen once however many callers saw the same token rejected. A
    // lock, not a monitor, so that a virtual thread waiting on the token endpoint is not pinned.
    final ReentrantLock refreshLock = new ReentrantLock();
    volatile @Nullable String universeDomain;
  }

  private GoogleAccessTokenSource(
      GoogleCredentials credentials, Shared shared, @Nullable String quotaProject) {
    this.credentials = credentials;
    this.shared = shared;
    this.quotaProject = quotaProject;
  }

  /**
   * Returns a source over the Application Default Credentials: the key file named by {@code
   * GOOGLE_APPLICATION_CREDENTIALS}, else {@code gcloud auth application-default login}'s, else the
   * attached service account on Google Cloud. No token is fetched yet.
   *
   * @return a source scoped to {@value AccessTokenSource#SCOPE} if the credentials need scopes
   * @throws IllegalStateException if none are found, or the file they point to is unusable; the
   *     message says how to provide them and google-auth-library's exception is the cause
   */
  public static GoogleAccessTokenSource applicationDefault() {
    GoogleCredentials credentials;
    try {
      credentials = GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new IllegalStateException(
          "No usable Google Application Default Credentials: set GOOGLE_APPLICATION_CREDENTIALS to"
              + " a service-account key file, or run `gcloud auth application-default login"
              + " --scopes="
              + SCOPE
              + ",https://www.googleapis.com/auth/cloud-platform`, or pass a key file to"
              + " GoogleAccessTokenSource.fromServiceAccountKey(Path). ("
              + e.getMessage()
              + ")",
          e);
    }
    return of(credentials);
  }

  /**
   * Returns a source over the service-account key file at {@code keyFile} (the JSON the Cloud
   * console hands out). No token is fetched yet.
   *
   * @param keyFile the path of the key file
   * @return a source scoped to {@value AccessTokenSource#SCOPE}
   * @throws IllegalArgumentException if the file cannot be read (the message names the path and the
   *     problem), or is not a service-account key (the message names the path and what is wrong)
   */
  public static GoogleAccessTokenSource fromServiceAccountKey(Path keyFile) {
    requireNonNull(keyFile, "keyFile");
    byte[] json;
    try (InputStream in = Files.newInputStream(keyFile)) {
      json = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read the service-account key file " + keyFile + ": " + ioProblem(e), e);
    }
    return fromKeyJson(json, "The service-account key file " + keyFile);
  }

  /**
   * Returns a source over the service-account key JSON read from {@code key}, which is read to its
   * end and not closed. No token is fetched yet.
   *
   * @param key a stream of the key file's JSON; the caller closes it
   * @return a source scoped to {@value AccessTokenSource#SCOPE}
   * @throws IllegalArgumentException if the stream cannot be read, or does not hold a
   *     service-account key (the message says what is wrong)
   */
  public static GoogleAccessTokenSource fromServiceAccountKey(InputStream key) {
    requireNonNull(key, "key");
    byte[] json;
    try {
      json = key.readNBytes(MAX_KEY_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read the service-account key stream: " + ioProblem(e), e);
    }
    return fromKeyJson(json, "The service-account key stream");
  }

  /**
   * Returns a source over {@code credentials}, scoped to {@value AccessTokenSource#SCOPE} if they
   * need scopes. The source shares their token cache.
   *
   * @param credentials the credentials to fetch tokens with
   * @return a source with no quota project of its own, so the credentials' one applies
   */
  public static GoogleAccessTokenSource of(GoogleCredentials credentials) {
    requireNonNull(credentials, "credentials");
    GoogleCredentials scoped =
        credentials.createScopedRequired() ? credentials.createScoped(SCOPE) : credentials;
    return new GoogleAccessTokenSource(scoped, new Shared(), null);
  }

  /**
   * Returns a copy whose token requests google-auth-library does not retry. By default the library
   * retries a token request that gets no answer or a server error, with a growing backoff, for
   * several seconds before failing; a tool that should say at once that the token endpoint cannot
   * be reached uses this copy. The copy fetches and caches its own token.
   *
   * @return a new source over the same credentials and quota project; this one is unchanged
   */
  public GoogleAccessTokenSource withoutTokenRequestRetries() {
    return new GoogleAccessTokenSource(
        credentials.createWithCustomRetryStrategy(false), new Shared(), quotaProject);
  }

  /**
   * Returns a copy that bills quota to {@code project} ({@code x-goog-user-project}) instead of the
   * credentials' own quota project. The copy shares this source's tokens.
   *
   * @param project the ID of the project to bill
   * @return a new source; this one is unchanged
   * @throws IllegalArgumentException if {@code project} is empty or holds whitespace, control or
   *     non-ASCII characters
   */
  public GoogleAccessTokenSource withQuotaProject(String project) {
    requireNonNull(project, "project");
    if (project.isEmpty() || !project.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      throw new IllegalArgumentException(
          "quota project must be a project ID, without whitespace or control characters: \""
              + project
              + '"');
    }
    return new GoogleAccessTokenSource(credentials, shared, project);
  }

  /**
   * Returns the cached token, first fetching one from the token endpoint if there is none or it
   * expires within minutes. Concurrent callers share one fetch.
   *
   * @throws AmapiException {@code UNAUTHENTICATED} when the token endpoint refuses the credentials
   *     (its {@code error} and {@code error_description} in the message); {@code UNAVAILABLE} when
   *     it cannot be reached or fails (cause kept); {@code RESOURCE_EXHAUSTED} when it answers 429
   */
  @Override
  public AccessToken token() {
    try {
      credentials.refreshIfExpired();
    } catch (IOException e) {
      throw failure(e);
    }
    return current();
  }

  /**
   * Returns a new token after the API rejected {@code rejected}: if the cached token is still
   * {@code rejected}, fetches a new one from the token endpoint; if another caller already did,
   * returns that one without a request.
   *
   * @throws AmapiException as {@link #token()}
   */
  @Override
  public AccessToken refresh(AccessToken rejected) {
    requireNonNull(rejected, "rejected");
    shared.refreshLock.lock();
    try {
      com.google.auth.oauth2.AccessToken cached = credentials.getAccessToken();
      if (cached == null || !cached.getTokenValue().equals(rejected.value())) {
        return token();
      }
      credentials.refresh();
      return current();
    } catch (IOException e) {
      throw failure(e);
    } finally {
      shared.refreshLock.unlock();
    }
  }

  /**
   * Returns the project set by {@link #withQuotaProject(String)}, else the credentials' quota
   * project ({@code quota_project_id} in the key file, or {@code GOOGLE_CLOUD_QUOTA_PROJECT} for
   * Application Default Credentials), if any.
   */
  @Override
  public Optional<String> quotaProject() {
    return quotaProject != null
        ? Optional.of(quotaProject)
        : Optional.ofNullable(credentials.getQuotaProjectId());
  }

  /**
   * Returns the universe domain of the credentials: {@code universe_domain} in the key file, {@code
   * googleapis.com} when it says none. On Google Cloud the first call asks the metadata server; the
   * answer is kept.
   *
   * @throws AmapiException {@code UNAVAILABLE} if the metadata server cannot be asked
   */
  @Override
  public Optional<String> universeDomain() {
    String known = shared.universeDomain;
    if (known == null) {
      try {
        known = credentials.getUniverseDomain();
      } catch (IOException e) {
        throw new AmapiException(
            Status.of(
                Code.UNAVAILABLE,
                "Cannot learn the universe domain of " + describe() + ": " + e.getMessage()),
            e);
      }
      shared.universeDomain = known;
    }
    return Optional.of(known);
  }

  /** Returns the kind of credentials and, for a service account, its e-mail; never a token. */
  @Override
  public String toString() {
    return "GoogleAccessTokenSource{"
        + describe()
        + (quotaProject == null ? "" : ", quotaProject=" + quotaProject)
        + '}';
  }

  private String describe() {
    String type = credentials.getClass().getSimpleName();
    if (credentials instanceof ServiceAccountCredentials serviceAccount) {
      return type + " " + serviceAccount.getClientEmail();
    }
    if (credentials instanceof ImpersonatedCredentials impersonated) {
      return type + " " + impersonated.getAccount();
    }
    return type;
  }

  private AccessToken current() {
    com.google.auth.oauth2.AccessToken token = credentials.getAccessToken();
    if (token == null) {
      throw new AmapiException(
          Status.of(Code.UNAUTHENTICATED, describe() + " gave no access token"), (Throwable) null);
    }
    Date expiry = token.getExpirationTime();
    try {
      return expiry == null
          ? AccessToken.of(token.getTokenValue())
          : AccessToken.of(token.getTokenValue(), expiry.toInstant());
    } catch (IllegalArgumentException e) {
      // Empty, or holding what no header may carry: unusable, and the value stays unprinted.
      throw new AmapiException(
          Status.of(
              Code.UNAUTHENTICATED,
              describe() + " gave an access token that cannot be sent: " + e.getMessage()),
          e);
    }
  }

  private AmapiException failure(IOException e) {
    HttpResponseException answer = answerIn(e);
    if (answer == null) {
      return new AmapiException(
          Status.of(
              Code.UNAVAILABLE,
              "Cannot get an access token for " + describe() + ": " + e.getMessage()),
          e);
    }
    int status = answer.getStatusCode();
    Code code;
    if (status == 429) {
      code = Code.RESOURCE_EXHAUSTED;
    } else if (status == 408 || status >= 500) {
      code = Code.UNAVAILABLE;
    } else {
      code = Code.UNAUTHENTICATED;
    }
    String endpoint =
        credentials instanceof ServiceAccountCredentials serviceAccount
            ? " " + serviceAccount.getTokenServerUri()
            : "";
    return new AmapiException(
        Status.of(
            code,
            "The token endpoint"
                + endpoint
                + " refused "
                + describe()
                + " with HTTP "
                + status
                + ": "
                + oauthError(answer.getContent())),
        e);
  }

  private static @Nullable HttpResponseException answerIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException answer) {
        return answer;
      }
    }
    return null;
  }

  /** Returns {@code error: error_description} from an OAuth error answer, else an excerpt. */
  private static String oauthError(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    try {
      JsonElement json = JsonParser.parseString(body);
      if (json.isJsonObject()) {
        JsonObject object = json.getAsJsonObject();
        String error = string(object, "error");
        if (error != null) {
          String description = string(object, "error_description");
          return description == null ? error : error + ": " + description;
        }
      }
    } catch (JsonParseException e) {
      // Not JSON: fall through to the excerpt.
    }
    String excerpt = body.strip();
    return excerpt.length() <= MAX_ERROR_EXCERPT
        ? excerpt
        : excerpt.substring(0, MAX_ERROR_EXCERPT) + "...";
  }

  private static @Nullable String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  private static GoogleAccessTokenSource fromKeyJson(byte[] json, String name) {
    if (json.length > MAX_KEY_FILE_BYTES) {
      throw new IllegalArgumentException(
          name
              + " is not a service-account key: it is larger than "
              + MAX_KEY_FILE_BYTES
              + " bytes");
    }
    JsonObject key;
    try {
      JsonElement parsed = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
      if (!parsed.isJsonObject()) {
        throw new IllegalArgumentException(
            name + " is not a service-account key: it is not a JSON object");
      }
      key = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(name + " is not valid JSON: " + rootMessage(e), e);
    }
    String type = string(key, "type");
    if (!"service_account".equals(type)) {
      throw new IllegalArgumentException(
          name
              + " is not a service-account key: its \"type\" is "
              + (type == null ? "missing" : '"' + type + '"')
              + ", not \"service_account\""
              + (type == null
                  ? ""
                  : " (for other credentials use applicationDefault() or of(GoogleCredentials))"));
    }
    List<String> missing = new ArrayList<>();
    for (String field : REQUIRED_KEY_FIELDS) {
      String value = string(key, field);
      if (value == null || value.isEmpty()) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          name + " is not a usable service-account key: it lacks " + String.join(", ", missing));
    }
    ServiceAccountCredentials credentials;
    try {
      credentials = ServiceAccountCredentials.fromStream(new ByteArrayInputStream(json));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          name + " is not a usable service-account key: " + e.getMessage(), e);
    }
    return of(credentials);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private static String ioProblem(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
