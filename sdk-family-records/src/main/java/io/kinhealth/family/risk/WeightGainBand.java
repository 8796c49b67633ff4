package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.GestationalAge;

/**
 * The recommended cumulative weight gain (kg above the pre-pregnancy weight) at a gestational age for a BMI
 * category: {@code [lowKg, highKg]} with the expected (mean) gain between them, from the table version named.
 */
public record WeightGainBand(String tableVersion, BmiCategory category, GestationalAge gestationalAge, double lowKg,
    double expectedKg, double highKg) {
  /** Gains within this of a band edge count as on the edge (readings are to 0.1 kg; rates times weeks are not exact). */
  static final double EDGE_TOLERANCE = 1e-6;

  public WeightGainBand {
    Check.notBlank(tableVersion, "tableVersion");
    Check.notNull(category, "category");
    Check.notNull(gestationalAge, "gestationalAge");
    Check.that(lowKg <= expectedKg && expectedKg <= highKg, "band", "weight_gain.band_inverted",
        "a band runs low <= expected <= high");
  }

  public WeightGainPosition classify(double gainKg) {
    Check.that(Double.isFinite(gainKg), "gainKg", "weight_gain.not_finite", "the gain must be a number");
    if (gainKg < lowKg - EDGE_TOLERANCE) {
      return WeightGainPosition.BELOW;
    }
    return gainKg > highKg + EDGE_TOLERANCE ? WeightGainPosition.ABOVE : WeightGainPosition.WITHIN;
  }

  @Override
  public String toString() {
    return "WeightGainBand[" + category + " at " + gestationalAge + "]";
  }
}
