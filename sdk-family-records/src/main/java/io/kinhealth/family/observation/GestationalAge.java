package io.kinhealth.family.observation;

import io.kinhealth.core.validation.Check;

/** Completed weeks and days of pregnancy when a reading was taken (e.g. 26+3). */
public record GestationalAge(int weeks, int days) {
  public GestationalAge {
    Check.inRange(weeks, 0, 45, "gestationalAge.weeks");
    Check.inRange(days, 0, 6, "gestationalAge.days");
  }

  public static GestationalAge of(int weeks, int days) {
    return new GestationalAge(weeks, days);
  }

  public static GestationalAge weeks(int weeks) {
    return new GestationalAge(weeks, 0);
  }

  /** Total days since the start of pregnancy. */
  public int totalDays() {
    return weeks * 7 + days;
  }

  @Override
  public String toString() {
    return weeks + "+" + days;
  }
}
