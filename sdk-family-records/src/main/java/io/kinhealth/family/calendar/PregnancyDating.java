package io.kinhealth.family.calendar;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.GestationalAge;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Dating a pregnancy from the last menstrual period (LMP) by Naegele's rule as 280 days, adjusted for cycle length:
 * due date = LMP + 280 days + (cycle length − 28) days. Days are counted on the calendar, so leap days count
 * (LMP 2023-06-01 is due 2024-03-07, not the 03-08 the "+1 year −3 months +7 days" shortcut gives).
 *
 * <p>The gestational age is counted from the same adjusted start (LMP + cycle length − 28), so it is exactly 40+0 on
 * the due date whatever the cycle length; with a 28-day cycle it is the plain age from the LMP. Pure and
 * thread-safe.
 */
public final class PregnancyDating {
  /** Naegele's rule: 280 days (40 weeks) from the LMP of a 28-day cycle. */
  public static final int TERM_DAYS = 280;
  /** The cycle length Naegele's rule assumes. */
  public static final int REFERENCE_CYCLE = 28;
  /** Cycle lengths the adjustment accepts. */
  public static final int MIN_CYCLE = 15;
  public static final int MAX_CYCLE = 60;
  /** Longest gestation the SDK dates (the {@link GestationalAge} range). */
  public static final int MAX_GESTATION_DAYS = 45 * 7 + 6;

  private PregnancyDating() {}

  /** The estimated due date. */
  public static LocalDate dueDate(LocalDate lastMenstrualPeriod, int cycleLength) {
    return datingStart(lastMenstrualPeriod, cycleLength).plusDays(TERM_DAYS);
  }

  /** The gestational age on {@code date}, or empty before the pregnancy's dating start or beyond 45+6. */
  public static Optional<GestationalAge> gestationalAge(LocalDate lastMenstrualPeriod, int cycleLength,
      LocalDate date) {
    Check.notNull(date, "date");
    long days = ChronoUnit.DAYS.between(datingStart(lastMenstrualPeriod, cycleLength), date);
    if (days < 0 || days > MAX_GESTATION_DAYS) {
      return Optional.empty();
    }
    return Optional.of(GestationalAge.of((int) (days / 7), (int) (days % 7)));
  }

  /** The date on which the pregnancy reaches {@code age}. */
  public static LocalDate dateAt(LocalDate lastMenstrualPeriod, int cycleLength, GestationalAge age) {
    Check.notNull(age, "gestationalAge");
    return datingStart(lastMenstrualPeriod, cycleLength).plusDays(age.totalDays());
  }

  private static LocalDate datingStart(LocalDate lastMenstrualPeriod, int cycleLength) {
    Check.notNull(lastMenstrualPeriod, "lastMenstrualPeriod");
    Check.inRange(cycleLength, MIN_CYCLE, MAX_CYCLE, "cycleLength");
    return lastMenstrualPeriod.plusDays(cycleLength - (long) REFERENCE_CYCLE);
  }

  /**
   * The key of the content for a pregnancy week, e.g. {@code pregnancy.week.26} for 26+0 to 26+6 (completed weeks,
   * as Chinese apps show 孕26周+3天); weeks past 42 share {@code pregnancy.week.42}.
   */
  public static String contentKey(GestationalAge age) {
    Check.notNull(age, "gestationalAge");
    return "pregnancy.week." + Math.min(age.weeks(), 42);
  }
}
