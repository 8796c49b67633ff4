package io.kinhealth.family.observation;

/** The body position during a measurement (blood pressure readings differ by position). */
public enum BodyPosition {
  SITTING,
  STANDING,
  LYING,
  SEMI_RECUMBENT
}
