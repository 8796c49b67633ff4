package io.kinhealth.family.observation;

import io.kinhealth.core.validation.Check;

/**
 * An accepted input unit and how to bring a value in it to the canonical unit: {@code canonical = value * factor +
 * offset} (glucose mg/dL: factor 1/18.016; degrees Fahrenheit: factor 5/9, offset -160/9).
 */
public record UnitConversion(String unit, double factor, double offset) {
  public UnitConversion {
    unit = Check.text(unit, "unit", 32);
    Check.that(Double.isFinite(factor) && factor != 0 && Double.isFinite(offset), "factor",
        "unit.conversion_invalid", "a unit conversion needs a finite non-zero factor and a finite offset");
  }

  public double toCanonical(double value) {
    return value * factor + offset;
  }

  public double fromCanonical(double canonical) {
    return (canonical - offset) / factor;
  }
}
