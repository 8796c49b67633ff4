package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;
import java.util.Map;
import java.util.Optional;

/**
 * One comparison of a reading's component with a threshold in the component's canonical unit, e.g. systolic >= 140.
 *
 * <p>Guidelines often state a threshold in two units whose conversion is rounded (hypoglycaemia level 2 is "below
 * 54 mg/dL (3.0 mmol/L)", yet 54 mg/dL is 2.997 mmol/L). {@code thresholdsByUnit} gives the guideline's own figure
 * in other units: a reading entered in such a unit is compared in that unit, with its value as entered, so a meter
 * that shows 54 mg/dL is judged as the guideline judges 54 mg/dL.
 */
public record Criterion(String component, Operator operator, double threshold, Map<String, Double> thresholdsByUnit) {
  public Criterion {
    component = Check.text(component, "criterion.component", 64);
    Check.notNull(operator, "criterion.operator");
    Check.that(Double.isFinite(threshold), "criterion.threshold", "risk.threshold.not_finite",
        "a threshold is a finite number");
    thresholdsByUnit = thresholdsByUnit == null ? Map.of() : Map.copyOf(thresholdsByUnit);
    thresholdsByUnit.values().forEach(v -> Check.that(v != null && Double.isFinite(v), "criterion.valueIn",
        "risk.threshold.not_finite", "a threshold is a finite number"));
  }

  public Criterion(String component, Operator operator, double threshold) {
    this(component, operator, threshold, Map.of());
  }

  /** Whether a canonical value meets the criterion. */
  public boolean test(double value) {
    return operator.test(value, threshold);
  }

  /** The guideline's threshold in {@code unit}, when it states one. */
  public Optional<Double> thresholdIn(String unit) {
    return Optional.ofNullable(unit == null ? null : thresholdsByUnit.get(unit));
  }

  @Override
  public String toString() {
    return component + " " + operator.symbol() + " " + threshold;
  }
}
