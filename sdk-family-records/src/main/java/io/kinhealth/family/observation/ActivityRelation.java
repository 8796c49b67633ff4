package io.kinhealth.family.observation;

/** When a reading was taken relative to physical activity. */
public enum ActivityRelation {
  AT_REST,
  ACTIVE,
  BEFORE_EXERCISE,
  DURING_EXERCISE,
  AFTER_EXERCISE
}
