package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of a device command's operation: what was asked of the device, when, by whom, and
 * why it failed if it did.
 *
 * <p>Fields this SDK does not model (command parameters such as {@code clearAppsDataParams}, or a
 * field from a newer API revision) are kept in {@link #otherFields()} as raw JSON, never dropped.
 * Immutable; build one with {@link #builder(CommandType)}.
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
  private final Map<String, String> otherFields;

  private Command(Builder builder) {
    this.typeUrl = builder.typeUrl;
    this.type = builder.type;
    this.createTime = builder.createTime;
    this.duration = builder.duration;
    this.userName = builder.userName;
    this.errorCode = builder.errorCode;
    this.otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.otherFields));
  }

  /** Returns a builder for a command of this type. */
  public static Builder builder(CommandType type) {
    return new Builder(type);
  }

  /** Returns a builder holding this command's values. */
  public Builder toBuilder() {
    Builder builder = new Builder(type).typeUrl(typeUrl).userName(userName);
    builder.createTime = createTime;
    builder.duration = duration;
    builder.errorCode = errorCode;
    builder.otherFields.putAll(otherFields);
    return builder;
  }

  /** Returns the metadata's {@code @type}, normally {@link #TYPE_URL}. */
  public String typeUrl() {
    return typeUrl;
  }

  /** Returns the command's type. */
  public CommandType type() {
    return type;
  }

  /** Returns when the server created the command, if it said. */
  public Optional<Instant> createTime() {
    return Optional.ofNullable(createTime);
  }

  /** Returns how long the command stays valid if the device does not run it, if said. */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /** Returns the resource name of the user who issued the command; empty when absent. */
  public String userName() {
    return userName;
  }

  /** Returns why the command failed, if it did and the server said. */
  public Optional<CommandErrorCode> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** Returns the fields not modelled here, by JSON name, each as its raw JSON value. */
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
        && otherFields.equals(other.otherFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(typeUrl, type, createTime, duration, userName, errorCode, otherFields);
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
    private final Map<String, String> otherFields = new LinkedHashMap<>();

    private Builder(CommandType type) {
      this.type = requireNonNull(type, "type");
    }

    /** Sets the metadata's {@code @type}; defaults to {@link #TYPE_URL}. */
    public Builder typeUrl(String typeUrl) {
      this.typeUrl = requireNonNull(typeUrl, "typeUrl");
      return this;
    }

    /** Sets the command's type. */
    public Builder type(CommandType type) {
      this.type = requireNonNull(type, "type");
      return this;
    }

    /** Sets when the command was created. */
    public Builder createTime(Instant createTime) {
      this.createTime = requireNonNull(createTime, "createTime");
      return this;
    }

    /** Sets how long the command stays valid. */
    public Builder duration(Duration duration) {
      this.duration = requireNonNull(duration, "duration");
      return this;
    }

    /** Sets the issuing user's resource name. */
    public Builder userName(String userName) {
      this.userName = requireNonNull(userName, "userName");
      return this;
    }

    /** Sets why the command failed. */
    public Builder errorCode(CommandErrorCode errorCode) {
      this.errorCode = requireNonNull(errorCode, "errorCode");
      return this;
    }

    /** Keeps a field this SDK does not model, as its raw JSON value. */
    public Builder otherField(String name, String json) {
      otherFields.put(requireNonNull(name, "name"), requireNonNull(json, "json"));
      return this;
    }

    /** Returns the command. */
    public Command build() {
      return new Command(this);
    }
  }
}
