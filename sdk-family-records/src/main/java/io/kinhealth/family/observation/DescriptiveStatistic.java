package io.kinhealth.family.observation;

/**
 * Marks a reading that is itself a summary of several measurements over its period (Open mHealth's
 * {@code descriptive_statistic}). Summaries are stored and exported but left out of the SDK's own bucket statistics,
 * which would otherwise count a device's daily average as one more reading.
 */
public enum DescriptiveStatistic {
  AVERAGE,
  COUNT,
  MAXIMUM,
  MEDIAN,
  MINIMUM,
  STANDARD_DEVIATION,
  SUM,
  VARIANCE,
  PERCENTILE_20,
  PERCENTILE_80,
  LOWER_QUARTILE,
  UPPER_QUARTILE,
  QUARTILE_DEVIATION,
  QUINTILE_1,
  QUINTILE_2,
  QUINTILE_3,
  QUINTILE_4
}
