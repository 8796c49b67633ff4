package io.kinhealth.family.calendar;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.GestationalAge;

/**
 * The three trimesters as Chinese obstetrics counts them (早/中/晚孕期): first up to 13+6, second from 14+0 to 27+6,
 * third from 28+0. The same split WS/T 801-2022 uses (first-trimester gain, then a weekly rate from week 14).
 */
public enum Trimester {
  FIRST,
  SECOND,
  THIRD;

  /** The first day (in completed weeks) of the second and third trimesters. */
  public static final int SECOND_FROM_WEEK = 14;
  public static final int THIRD_FROM_WEEK = 28;

  public static Trimester of(GestationalAge age) {
    Check.notNull(age, "gestationalAge");
    if (age.weeks() < SECOND_FROM_WEEK) {
      return FIRST;
    }
    return age.weeks() < THIRD_FROM_WEEK ? SECOND : THIRD;
  }
}
