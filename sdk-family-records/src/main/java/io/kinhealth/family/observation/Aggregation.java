package io.kinhealth.family.observation;

/**
 * How readings of a type combine over time, which decides how duplicates from several sources are removed.
 */
public enum Aggregation {
  /**
   * Point-in-time samples (blood pressure, glucose, temperature...): statistics describe their distribution, and the
   * same measurement seen by two sources within a short window collapses to the higher-priority one.
   */
  SAMPLE,
  /**
   * Counts accumulated over an interval (steps, fetal movements): totals add up, and overlapping intervals from
   * several sources are swept so that the highest-priority source wins each stretch of time.
   */
  TOTAL
}
