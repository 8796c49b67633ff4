package io.kinhealth.family.risk;

/** Where a pregnancy weight gain lies against its recommended band (band edges are within). */
public enum WeightGainPosition {
  BELOW,
  WITHIN,
  ABOVE
}
