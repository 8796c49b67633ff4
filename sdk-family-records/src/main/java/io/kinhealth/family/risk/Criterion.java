package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;

/** One comparison of a reading's component with a threshold in the component's canonical unit, e.g. systolic >= 140. */
public record Criterion(String component, Operator operator, double threshold) {
  public Criterion {
    component = Check.text(component, "criterion.component", 64);
    Check.notNull(operator, "criterion.operator");
    Check.that(Double.isFinite(threshold), "criterion.threshold", "risk.threshold.not_finite",
        "a threshold is a finite number");
  }

  public boolean test(double value) {
    return operator.test(value, threshold);
  }

  @Override
  public String toString() {
    return component + " " + operator.symbol() + " " + threshold;
  }
}
