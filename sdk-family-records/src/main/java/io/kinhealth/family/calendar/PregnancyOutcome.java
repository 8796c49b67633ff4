package io.kinhealth.family.calendar;

/** How a pregnancy ended, when the member records it. */
public enum PregnancyOutcome {
  LIVE_BIRTH,
  LOSS,
  TERMINATION,
  OTHER
}
