package io.kinhealth.family.observation;

/** A piece of context a reading of some type may carry; each type lists the fields it accepts. */
public enum ContextField {
  MEAL,
  SLEEP,
  ACTIVITY,
  MEASUREMENT_SITE,
  BODY_POSITION,
  SPECIMEN,
  GESTATIONAL_AGE
}
