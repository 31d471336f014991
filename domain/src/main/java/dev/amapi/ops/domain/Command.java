package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of a device command's operation: what was asked of the device, when, by whom, and
 * why it failed if it did.
 *
 * <p>The same value is the body of {@code issueCommand}: its type, its typed {@link #params()} (a
 * new password, package names, a lost-mode message...) and its {@link #duration()}. The builder
 * refuses what the API would: parameters of another type's command (a {@code newPassword} on a
 * {@code REBOOT}), or a {@code CLEAR_APP_DATA} with no package.
 *
 * <p>Fields this SDK does not model (a command's status, or a field from a newer API revision) are
 * kept in {@link #otherFields()} as raw JSON, never dropped. A new password never appears in {@link
 * #toString()}. Immutable; build one with {@link #builder(CommandType)}.
 */
public final class Command {
  /** The {@code @type} URL of command metadata. */
  public static final String TYPE_URL =
      "type.googleapis.com/google.android.devicemanagement.v1.Command";

  private final String typeUrl;
  private final CommandType type;
  private final @Nullable Instant createTime;
  private final @Nullable Duration duration;
  private final String userName;
  private final @Nullable CommandErrorCode errorCode;
  private final @Nullable CommandParams params;
  private final Map<String, String> otherFields;

  private Command(Builder builder) {
    this.typeUrl = builder.typeUrl;
    this.type = builder.type;
    this.createTime = builder.createTime;
    this.duration = builder.duration;
    this.userName = builder.userName;
    this.errorCode = builder.errorCode;
    this.params = builder.params;
    this.otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.otherFields));
  }

  /**
   * Returns a builder for a command of this type.
   *
   * @param type the command's type
   * @return a builder with {@link #TYPE_URL}, no user name and no other field set
   */
  public static Builder builder(CommandType type) {
    return new Builder(type);
  }

  /**
   * Returns a builder holding this command's values.
   *
   * @return a new builder; changing it leaves this command as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder(type).typeUrl(typeUrl).userName(userName);
    builder.createTime = createTime;
    builder.duration = duration;
    builder.errorCode = errorCode;
    builder.params = params;
    builder.otherFields.putAll(otherFields);
    return builder;
  }

  /**
   * Returns the metadata's {@code @type}.
   *
   * @return the type URL as received, normally {@link #TYPE_URL}
   */
  public String typeUrl() {
    return typeUrl;
  }

  /**
   * Returns the command's type.
   *
   * @return the type, possibly one this SDK does not know (see {@link CommandType#isKnown()})
   */
  public CommandType type() {
    return type;
  }

  /**
   * Returns when the server created the command.
   *
   * @return the creation time, or empty if the server did not say
   */
  public Optional<Instant> createTime() {
    return Optional.ofNullable(createTime);
  }

  /**
   * Returns how long the command stays valid if the device does not run it.
   *
   * @return the validity period, or empty if the server did not say
   */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /**
   * Returns the resource name of the user who issued the command.
   *
   * @return the user's resource name; empty when absent
   */
  public String userName() {
    return userName;
  }

  /**
   * Returns why the command failed.
   *
   * @return the error code, or empty if the command did not fail or the server did not say
   */
  public Optional<CommandErrorCode> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * Returns the command's typed parameters.
   *
   * @return the parameters, of this command's type; empty for a command that takes none, or whose
   *     parameters the SDK could not read (then they are in {@link #otherFields()})
   */
  public Optional<CommandParams> params() {
    return Optional.ofNullable(params);
  }

  /**
   * Returns the fields not modelled here, such as a command's status.
   *
   * @return an unmodifiable map from JSON name to raw JSON value, in the order received
   */
  public Map<String, String> otherFields() {
    return otherFields;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Command other
        && typeUrl.equals(other.typeUrl)
        && type.equals(other.type)
        && Objects.equals(createTime, other.createTime)
        && Objects.equals(duration, other.duration)
        && userName.equals(other.userName)
        && Objects.equals(errorCode, other.errorCode)
        && Objects.equals(params, other.params)
        && otherFields.equals(other.otherFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        typeUrl, type, createTime, duration, userName, errorCode, params, otherFields);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Command{type=").append(type);
    if (createTime != null) {
      out.append(", createTime=").append(createTime);
    }
    if (duration != null) {
      out.append(", duration=").append(duration);
    }
    if (!userName.isEmpty()) {
      out.append(", userName=").append(userName);
    }
    if (errorCode != null) {
      out.append(", errorCode=").append(errorCode);
    }
    if (params != null) {
      out.append(", params=").append(params); // a ResetPassword hides its password
    }
    if (!otherFields.isEmpty()) {
      // Values can hold a new password (RESET_PASSWORD); names say enough.
      out.append(", otherFields=").append(otherFields.keySet());
    }
    return out.append('}').toString();
  }

  /** Builds a {@link Command}; not thread-safe. */
  public static final class Builder {
    private String typeUrl = TYPE_URL;
    private CommandType type;
    private @Nullable Instant createTime;
    private @Nullable Duration duration;
    private String userName = "";
    private @Nullable CommandErrorCode errorCode;
    private @Nullable CommandParams params;
    private final Map<String, String> otherFields = new LinkedHashMap<>();

    private Builder(CommandType type) {
      this.type = requireNonNull(type, "type");
    }

    /**
     * Sets the metadata's {@code @type}; defaults to {@link #TYPE_URL}.
     *
     * @param typeUrl the type URL
     * @return this builder
     */
    public Builder typeUrl(String typeUrl) {
      this.typeUrl = requireNonNull(typeUrl, "typeUrl");
      return this;
    }

    /**
     * Sets the command's type.
     *
     * @param type the type
     * @return this builder
     */
    public Builder type(CommandType type) {
      this.type = requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets when the command was created.
     *
     * @param createTime the creation time
     * @return this builder
     */
    public Builder createTime(Instant createTime) {
      this.createTime = requireNonNull(createTime, "createTime");
      return this;
    }

    /**
     * Sets how long the command stays valid.
     *
     * @param duration the validity period
     * @return this builder
     */
    public Builder duration(Duration duration) {
      this.duration = requireNonNull(duration, "duration");
      return this;
    }

    /**
     * Sets the issuing user's resource name.
     *
     * @param userName the user's resource name; empty for none
     * @return this builder
     */
    public Builder userName(String userName) {
      this.userName = requireNonNull(userName, "userName");
      return this;
    }

    /**
     * Sets why the command failed.
     *
     * @param errorCode the error code
     * @return this builder
     */
    public Builder errorCode(CommandErrorCode errorCode) {
      this.errorCode = requireNonNull(errorCode, "errorCode");
      return this;
    }

    /**
     * Sets the command's typed parameters; {@link #build()} checks they are of the command's type.
     *
     * @param params the parameters, such as {@code new CommandParams.ClearAppsData(List.of("a.b"))}
     * @return this builder
     */
    public Builder params(CommandParams params) {
      this.params = requireNonNull(params, "params");
      return this;
    }

    /**
     * Keeps a field this SDK does not model, as its raw JSON value.
     *
     * @param name the field's JSON name
     * @param json the field's value as raw JSON, such as {@code {"packageNames":["a.b"]}}
     * @return this builder
     */
    public Builder otherField(String name, String json) {
      otherFields.put(requireNonNull(name, "name"), requireNonNull(json, "json"));
      return this;
    }

    /**
     * Returns the command, checked as the API would check it.
     *
     * @return an immutable command holding the values set so far
     * @throws IllegalArgumentException if the parameters belong to another type of command (a
     *     {@code newPassword} on anything but {@code RESET_PASSWORD}, say), a {@code
     *     CLEAR_APP_DATA} has no package names, or a field kept as raw JSON is one the typed
     *     parameters already set; the message says which, and never holds a password
     */
    public Command build() {
      CommandParams set = params;
      if (set != null && !set.type().equals(type)) {
        throw new IllegalArgumentException(
            (set instanceof CommandParams.ResetPassword
                    ? "newPassword and resetPasswordFlags are for RESET_PASSWORD only"
                    : paramsField(set.type()) + " are for " + set.type() + " only")
                + ", not for a "
                + type
                + " command");
      }
      // A command the server made (it has a createTime) is read as it is, even with parts left out.
      if (type.equals(CommandType.CLEAR_APP_DATA)
          && createTime == null
          && set == null
          && !otherFields.containsKey("clearAppsDataParams")) {
        throw new IllegalArgumentException(
            "CLEAR_APP_DATA needs clearAppsDataParams with at least one package name");
      }
      if (set != null) {
        for (String field : fieldsOf(set)) {
          if (otherFields.containsKey(field)) {
            throw new IllegalArgumentException(
                field + " is set both as typed parameters and as a raw field");
          }
        }
      }
      return new Command(this);
    }

    private static String paramsField(CommandType type) {
      return type.paramsField().orElse(type + " parameters");
    }

    private static List<String> fieldsOf(CommandParams params) {
      return params instanceof CommandParams.ResetPassword
          ? List.of("newPassword", "resetPasswordFlags")
          : List.of(paramsField(params.type()));
    }
  }
}
