package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A long-running operation: a command issued to a device, and where it stands.
 *
 * <p>The result is a sealed {@link OperationResult} (pending, succeeded, failed), so a pending
 * operation with an error cannot be represented. A cancelled operation is not deleted by the API:
 * it is done, failed with {@link Code#CANCELLED}, and {@link #isCancelled()} says so.
 *
 * <p>Fields this SDK does not model are kept in {@link #otherFields()} as raw JSON. Immutable.
 */
public final class Operation {
  private final OperationName name;
  private final @Nullable Command metadata;
  private final OperationResult result;
  private final Map<String, String> otherFields;

  private Operation(Builder builder) {
    this.name = builder.name;
    this.metadata = builder.metadata;
    this.result = builder.result;
    this.otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.otherFields));
  }

  /** Returns a builder for a pending operation of this name with no metadata. */
  public static Builder builder(OperationName name) {
    return new Builder(name);
  }

  /** Returns a pending operation running this command. */
  public static Operation pending(OperationName name, Command metadata) {
    return builder(name).metadata(metadata).build();
  }

  /** Returns a builder holding this operation's values. */
  public Builder toBuilder() {
    Builder builder = new Builder(name).result(result);
    builder.metadata = metadata;
    builder.otherFields.putAll(otherFields);
    return builder;
  }

  /** Returns this operation with another result, everything else kept. */
  public Operation withResult(OperationResult result) {
    return toBuilder().result(result).build();
  }

  /** Returns the operation's name. */
  public OperationName name() {
    return name;
  }

  /** Returns the command the operation runs, if the server sent metadata. */
  public Optional<Command> metadata() {
    return Optional.ofNullable(metadata);
  }

  /** Returns where the operation stands. */
  public OperationResult result() {
    return result;
  }

  /** Returns whether the operation is done: succeeded, failed or cancelled. */
  public boolean done() {
    return result.done();
  }

  /** Returns the error the operation ended with, if it failed or was cancelled. */
  public Optional<Status> error() {
    return result instanceof OperationResult.Failed failed
        ? Optional.of(failed.status())
        : Optional.empty();
  }

  /** Returns whether the operation ended cancelled: done, with error code 1 ({@code CANCELLED}). */
  public boolean isCancelled() {
    return result instanceof OperationResult.Failed failed
        && failed.status().code() == Code.CANCELLED;
  }

  /** Returns the fields not modelled here, by JSON name, each as its raw JSON value. */
  public Map<String, String> otherFields() {
    return otherFields;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Operation other
        && name.equals(other.name)
        && Objects.equals(metadata, other.metadata)
        && result.equals(other.result)
        && otherFields.equals(other.otherFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, metadata, result, otherFields);
  }

  @Override
  public String toString() {
    return "Operation{name="
        + name
        + ", metadata="
        + metadata
        + ", result="
        + result
        + (otherFields.isEmpty() ? "" : ", otherFields=" + otherFields.keySet())
        + '}';
  }

  /** Builds an {@link Operation}; not thread-safe. */
  public static final class Builder {
    private final OperationName name;
    private @Nullable Command metadata;
    private OperationResult result = OperationResult.PENDING;
    private final Map<String, String> otherFields = new LinkedHashMap<>();

    private Builder(OperationName name) {
      this.name = requireNonNull(name, "name");
    }

    /** Sets the command metadata. */
    public Builder metadata(Command metadata) {
      this.metadata = requireNonNull(metadata, "metadata");
      return this;
    }

    /** Sets where the operation stands; defaults to pending. */
    public Builder result(OperationResult result) {
      this.result = requireNonNull(result, "result");
      return this;
    }

    /** Keeps a field this SDK does not model, as its raw JSON value. */
    public Builder otherField(String name, String json) {
      otherFields.put(requireNonNull(name, "name"), requireNonNull(json, "json"));
      return this;
    }

    /** Returns the operation. */
    public Operation build() {
      return new Operation(this);
    }
  }
}
