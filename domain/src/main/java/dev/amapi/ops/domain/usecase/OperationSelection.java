package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which of a device's listed operations a {@link BulkCancel} run cancels: pending ones, optionally
 * only of some command types, optionally only those created at least some time ago.
 *
 * <p>Immutable; each {@code with…} method returns a new selection.
 */
public final class OperationSelection {
  private static final OperationSelection ALL_PENDING = new OperationSelection(Set.of(), null);

  private final Set<CommandType> types;
  private final @Nullable Duration minimumAge;

  private OperationSelection(Set<CommandType> types, @Nullable Duration minimumAge) {
    this.types = types;
    this.minimumAge = minimumAge;
  }

  /**
   * Returns the selection of every pending operation, whatever its type and age.
   *
   * @return the selection with no type and no age condition
   */
  public static OperationSelection allPending() {
    return ALL_PENDING;
  }

  /**
   * Returns this selection restricted to operations of these command types.
   *
   * @param types the command types to cancel; not empty
   * @return a new selection; this one is unchanged
   * @throws IllegalArgumentException if {@code types} is empty
   */
  public OperationSelection withTypes(Collection<CommandType> types) {
    Set<CommandType> copy = Set.copyOf(requireNonNull(types, "types"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("types must not be empty");
    }
    return new OperationSelection(copy, minimumAge);
  }

  /**
   * Returns this selection restricted to operations of these command types.
   *
   * @param types the command types to cancel; at least one
   * @return a new selection; this one is unchanged
   * @throws IllegalArgumentException if no type is given
   */
  public OperationSelection withTypes(CommandType... types) {
    return withTypes(List.of(types));
  }

  /**
   * Returns this selection restricted to operations created at least {@code age} before the run's
   * clock reads when they are listed. An operation whose command carries no creation time is then
   * not selected.
   *
   * @param age the minimum age; zero or positive
   * @return a new selection; this one is unchanged
   * @throws IllegalArgumentException if {@code age} is negative
   */
  public OperationSelection olderThan(Duration age) {
    requireNonNull(age, "age");
    if (age.isNegative()) {
      throw new IllegalArgumentException("age must not be negative: " + age);
    }
    return new OperationSelection(types, age);
  }

  /**
   * Returns the command types selected.
   *
   * @return the types; empty for every type
   */
  public Set<CommandType> types() {
    return types;
  }

  /**
   * Returns the minimum age of a selected operation.
   *
   * @return the age, or empty for any age
   */
  public Optional<Duration> minimumAge() {
    return Optional.ofNullable(minimumAge);
  }

  /**
   * Says whether the operation is selected: pending, of a selected type, and old enough.
   *
   * @param operation the operation as listed
   * @param now the time to measure its age against
   * @return true if a run cancels it
   */
  public boolean matches(Operation operation, Instant now) {
    requireNonNull(operation, "operation");
    requireNonNull(now, "now");
    if (operation.done()) {
      return false;
    }
    Optional<Command> command = operation.metadata();
    if (!types.isEmpty() && !command.map(c -> types.contains(c.type())).orElse(false)) {
      return false;
    }
    Duration age = minimumAge;
    if (age == null) {
      return true;
    }
    Instant latest = now.minus(age);
    return command.flatMap(Command::createTime).map(t -> !t.isAfter(latest)).orElse(false);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OperationSelection other
        && types.equals(other.types)
        && Objects.equals(minimumAge, other.minimumAge);
  }

  @Override
  public int hashCode() {
    return Objects.hash(types, minimumAge);
  }

  @Override
  public String toString() {
    return "OperationSelection{types="
        + (types.isEmpty() ? "any" : types.stream().map(CommandType::name).sorted().toList())
        + ", olderThan="
        + (minimumAge == null ? "any" : minimumAge)
        + '}';
  }
}
