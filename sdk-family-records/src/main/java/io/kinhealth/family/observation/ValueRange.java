package io.kinhealth.family.observation;

import io.kinhealth.core.validation.Check;

/** A closed range {@code [low, high]} in a component's canonical unit. */
public record ValueRange(double low, double high) {
  public ValueRange {
    Check.that(Double.isFinite(low) && Double.isFinite(high) && low <= high, "range", "range.invalid",
        "a range needs finite bounds with low <= high");
  }

  public static ValueRange of(double low, double high) {
    return new ValueRange(low, high);
  }

  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
