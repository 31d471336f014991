package dev.amapi.ops.domain.usecase;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BulkCancel} run did, in counts: how many operations ended with each {@link
 * BulkOutcome}, how many devices were listed to the end and how many could not be, whether the run
 * was stopped, and how long it took. Per-operation results go to the {@link BulkCancelListener},
 * never here, so a report is the same small object however large the fleet.
 *
 * <p>Immutable.
 */
public final class BulkCancelReport {
  private final Map<BulkOutcome, Long> counts;
  private final long devicesListed;
  private final long devicesFailed;
  private final boolean stopped;
  private final Duration elapsed;

  private BulkCancelReport(
      Map<BulkOutcome, Long> counts,
      long devicesListed,
      long devicesFailed,
      boolean stopped,
      Duration elapsed) {
    this.counts = counts;
    this.devicesListed = devicesListed;
    this.devicesFailed = devicesFailed;
    this.stopped = stopped;
    this.elapsed = elapsed;
  }

  /**
   * Returns a report of these figures.
   *
   * @param counts how many operations ended with each outcome; outcomes left out count 0
   * @param devicesListed how many devices were listed to their last page
   * @param devicesFailed how many devices could not be listed to the end
   * @param stopped whether the run was stopped before it had taken every device
   * @param elapsed how long the run took; zero or positive
   * @return the report
   * @throws IllegalArgumentException if a count is negative, or {@code elapsed} is
   */
  public static BulkCancelReport of(
      Map<BulkOutcome, Long> counts,
      long devicesListed,
      long devicesFailed,
      boolean stopped,
      Duration elapsed) {
    requireNonNull(counts, "counts");
    requireNonNull(elapsed, "elapsed");
    EnumMap<BulkOutcome, Long> copy = new EnumMap<>(BulkOutcome.class);
    counts.forEach(
        (outcome, count) -> {
          requireNonNull(outcome, "outcome");
          requireNonNull(count, "count");
          if (count < 0) {
            throw new IllegalArgumentException("count of " + outcome + " is negative: " + count);
          }
          if (count > 0) {
            copy.put(outcome, count);
          }
        });
    if (devicesListed < 0 || devicesFailed < 0) {
      throw new IllegalArgumentException(
          "device counts must not be negative: " + devicesListed + ", " + devicesFailed);
    }
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative: " + elapsed);
    }
    return new BulkCancelReport(
        Collections.unmodifiableMap(copy), devicesListed, devicesFailed, stopped, elapsed);
  }

  /**
   * Returns how many operations ended with this outcome.
   *
   * @param outcome the outcome
   * @return the count; 0 if none did
   */
  public long count(BulkOutcome outcome) {
    return counts.getOrDefault(requireNonNull(outcome, "outcome"), 0L);
  }

  /**
   * Returns the counts of the outcomes met.
   *
   * @return an unmodifiable map in {@link BulkOutcome} order, holding only counts above 0
   */
  public Map<BulkOutcome, Long> counts() {
    return counts;
  }

  /**
   * Returns how many operations the run reported, whatever their outcome.
   *
   * @return the sum of the counts
   */
  public long operations() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns how many devices were listed to their last page.
   *
   * @return the count of devices done
   */
  public long devicesListed() {
    return devicesListed;
  }

  /**
   * Returns how many devices could not be listed to the end, such as for {@code PERMISSION_DENIED};
   * each was reported to the listener with the error.
   *
   * @return the count of devices that failed
   */
  public long devicesFailed() {
    return devicesFailed;
  }

  /**
   * Says whether the run was stopped before it had taken every device or operation.
   *
   * @return true if stopped; the operations not reached are then in no count
   */
  public boolean stopped() {
    return stopped;
  }

  /**
   * Returns how long the run took, from its start to this report.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BulkCancelReport other
        && counts.equals(other.counts)
        && devicesListed == other.devicesListed
        && devicesFailed == other.devicesFailed
        && stopped == other.stopped
        && elapsed.equals(other.elapsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(counts, devicesListed, devicesFailed, stopped, elapsed);
  }

  @Override
  public String toString() {
    return "BulkCancelReport{counts="
        + counts
        + ", devicesListed="
        + devicesListed
        + ", devicesFailed="
        + devicesFailed
        + (stopped ? ", stopped" : "")
        + ", elapsed="
        + elapsed
        + '}';
  }
}
