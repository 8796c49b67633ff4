package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;

/**
 * A pregnant member's weight gain so far against her band: the pre-pregnancy BMI and category, the gain of the
 * weighing it was computed from, and whether it is below, within or above the band. Personal data: no values in
 * {@code toString}.
 */
public record WeightGainStatus(double prePregnancyBmi, WeightGainBand band, double gainKg,
    WeightGainPosition position) {
  public WeightGainStatus {
    Check.notNull(band, "band");
    Check.notNull(position, "position");
  }

  @Override
  public String toString() {
    return "WeightGainStatus[" + band.category() + ", " + position + "]";
  }
}
