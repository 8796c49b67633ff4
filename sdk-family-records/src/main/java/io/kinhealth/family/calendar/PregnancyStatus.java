package io.kinhealth.family.calendar;

/** Whether a pregnancy is going on or has ended (a birth or a loss, recorded by the member). */
public enum PregnancyStatus {
  ONGOING,
  ENDED
}
