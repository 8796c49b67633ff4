package io.kinhealth.family.risk;

/**
 * Pre-pregnancy body-mass-index categories with the Chinese adult cut-offs WS/T 801-2022 uses: underweight below
 * 18.5, normal from 18.5 to below 24.0, overweight from 24.0 to below 28.0, obese from 28.0 (kg/m²).
 */
public enum BmiCategory {
  UNDERWEIGHT,
  NORMAL,
  OVERWEIGHT,
  OBESE
}
