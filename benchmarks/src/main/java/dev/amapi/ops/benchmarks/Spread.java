package dev.amapi.ops.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arithmetic of a one-run comparison: a median with the range it came from, and the
 * round-by-round ratio of two variants measured back to back.
 */
final class Spread {
  private Spread() {}

  /** The median of {@code values} (the mean of the middle two when their number is even). */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * {@code "median (min–max)"}, each number in {@code format}: {@code spread([3, 1, 2], "%.0f")} is
   * {@code "2 (1–3)"}.
   */
  static String of(List<Double> values, String format) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return String.format(Locale.ROOT, format, median(values))
        + " ("
        + String.format(Locale.ROOT, format, min)
        + "–"
        + String.format(Locale.ROOT, format, max)
        + ")";
  }

  /**
   * Round by round, how many calls a variant made per second for each one the baseline made, from
   * the microseconds per call of each round: {@code baseline[i] / variant[i]} (above 1: the variant
   * is faster).
   */
  static List<Double> throughputRatios(List<Double> variantMicros, List<Double> baselineMicros) {
    return paired(variantMicros, baselineMicros, (variant, baseline) -> baseline / variant);
  }

  /** Round by round, {@code variant[i] - baseline[i]}. */
  static List<Double> differences(List<Double> variant, List<Double> baseline) {
    return paired(variant, baseline, (a, b) -> a - b);
  }

  private static List<Double> paired(
      List<Double> variant,
      List<Double> baseline,
      java.util.function.DoubleBinaryOperator operator) {
    if (variant.size() != baseline.size()) {
      throw new IllegalArgumentException(
          "rounds differ: " + variant.size() + " against " + baseline.size());
    }
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < variant.size(); i++) {
      values.add(operator.applyAsDouble(variant.get(i), baseline.get(i)));
    }
    return values;
  }
}
