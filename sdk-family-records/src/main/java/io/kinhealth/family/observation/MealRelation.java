package io.kinhealth.family.observation;

/**
 * When a reading was taken relative to food. The OGTT values mark the timed draws of a 75 g oral glucose tolerance
 * test (fasting, 1 h, 2 h), which pregnancy rules read separately from everyday post-meal readings.
 */
public enum MealRelation {
  FASTING,
  NOT_FASTING,
  BEFORE_MEAL,
  AFTER_MEAL,
  BEFORE_BREAKFAST,
  AFTER_BREAKFAST,
  BEFORE_LUNCH,
  AFTER_LUNCH,
  BEFORE_DINNER,
  AFTER_DINNER,
  TWO_HOURS_POSTPRANDIAL,
  OGTT_75G_FASTING,
  OGTT_75G_1H,
  OGTT_75G_2H;

  /** Whether the reading was taken fasting (including the fasting draw of an OGTT). */
  public boolean isFasting() {
    return this == FASTING || this == OGTT_75G_FASTING;
  }
}
