package io.kinhealth.family.dashboard;

import io.kinhealth.core.validation.Check;
import java.util.Optional;

/**
 * One component of one type over the last {@code days} days (ending today in the member's zone): readings counted
 * (for counted types: days with a total), mean, sample standard deviation, min and max (for counted types: of the
 * daily totals), the least-squares slope of the daily means per day (NaN with fewer than two days of data), and the
 * share of readings in the target range when the type has one. No values in {@code toString}.
 */
public record Trend(int days, String component, int daysWithData, int count, double mean, double sd, double min,
    double max, double slopePerDay, Double timeInRange) {
  public Trend {
    Check.positive(days, "days");
    Check.notBlank(component, "component");
  }

  public Optional<Double> knownTimeInRange() {
    return Optional.ofNullable(timeInRange);
  }

  @Override
  public String toString() {
    return "Trend[" + days + "d " + component + " n=" + count + "]";
  }
}
