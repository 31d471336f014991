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

  /**
   * Returns a builder for a pending operation of this name with no metadata.
   *
   * @param name the operation's name
   * @return a builder whose result is {@link OperationResult#PENDING}
   */
  public static Builder builder(OperationName name) {
    return new Builder(name);
  }

  /**
   * Returns a pending operation running this command.
   *
   * @param name the operation's name
   * @param metadata the command the operation runs
   * @return an operation that is not done
   */
  public static Operation pending(OperationName name, Command metadata) {
    return builder(name).metadata(metadata).build();
  }

  /**
   * Returns a builder holding this operation's values.
   *
   * @return a new builder; changing it leaves this operation as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder(name).result(result);
    builder.metadata = metadata;
    builder.otherFields.putAll(otherFields);
    return builder;
  }

  /**
   * Returns this operation with another result, everything else kept.
   *
   * @param result the new result
   * @return a new operation; this one is unchanged
   */
  public Operation withResult(OperationResult result) {
    return toBuilder().result(result).build();
  }

  /**
   * Returns the operation's name.
   *
   * @return the name, which cancel and get take
   */
  public OperationName name() {
    return name;
  }

  /**
   * Returns the command the operation runs.
   *
   * @return the command metadata, or empty if the server sent none
   */
  public Optional<Command> metadata() {
    return Optional.ofNullable(metadata);
  }

  /**
   * Returns where the operation stands.
   *
   * @return pending, succeeded (with the response) or failed (with the error)
   */
  public OperationResult result() {
    return result;
  }

  /**
   * Returns whether the operation is done: succeeded, failed or cancelled.
   *
   * @return the {@code done} field as the server sent it
   */
  public boolean done() {
    return result.done();
  }

  /**
   * Returns the error the operation ended with.
   *
   * @return the error if it failed or was cancelled; empty while pending or after success
   */
  public Optional<Status> error() {
    return result instanceof OperationResult.Failed failed
        ? Optional.of(failed.status())
        : Optional.empty();
  }

  /**
   * Returns whether the operation ended cancelled.
   *
   * @return true if it is done with error code 1 ({@code CANCELLED})
   */
  public boolean isCancelled() {
    return result instanceof OperationResult.Failed failed
        && failed.status().code() == Code.CANCELLED;
  }

  /**
   * Returns the fields not modelled here.
   *
   * @return an unmodifiable map from JSON name to raw JSON value, in the order received
   */
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

    /**
     * Sets the command metadata.
     *
     * @param metadata the command the operation runs
     * @return this builder
     */
    public Builder metadata(Command metadata) {
      this.metadata = requireNonNull(metadata, "metadata");
      return this;
    }

    /**
     * Sets where the operation stands; defaults to pending.
     *
     * @param result the result
     * @return this builder
     */
    public Builder result(OperationResult result) {
      this.result = requireNonNull(result, "result");
      return this;
    }

    /**
     * Keeps a field this SDK does not model, as its raw JSON value.
     *
     * @param name the field's JSON name
     * @param json the field's value as raw JSON
     * @return this builder
     */
    public Builder otherField(String name, String json) {
      otherFields.put(requireNonNull(name, "name"), requireNonNull(json, "json"));
      return this;
    }

    /**
     * Returns the operation.
     *
     * @return an immutable operation holding the values set so far
     */
    public Operation build() {
      return new Operation(this);
    }
  }
}
