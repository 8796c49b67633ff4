package io.kinhealth.family.observation;

/** When a reading was taken relative to sleep (a temperature on waking is a basal temperature). */
public enum SleepRelation {
  BEFORE_SLEEPING,
  DURING_SLEEP,
  ON_WAKING
}
