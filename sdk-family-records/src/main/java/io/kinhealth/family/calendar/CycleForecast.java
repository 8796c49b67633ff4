package io.kinhealth.family.calendar;

import io.kinhealth.core.validation.Check;
import java.time.LocalDate;

/**
 * What the member's own cycles predict: the cycle length learned from them (or the default when there are too few),
 * the next period, the estimated ovulation day (a luteal phase before the next period) and the fertile window.
 *
 * Personal data (reproductive health): {@code toString} shows no dates.
 *
 * @param cyclesUsed how many complete cycles the estimate rests on (0: the default length was used)
 * @param shortestCycle the shortest of those cycles (the learned length when none)
 * @param longestCycle the longest of those cycles; the fertile window spans from the shortest to the longest
 */
public record CycleForecast(
    LocalDate lastPeriodStart,
    int learnedCycleLength,
    int cyclesUsed,
    int shortestCycle,
    int longestCycle,
    LocalDate nextPeriodStart,
    LocalDate ovulation,
    LocalDate fertileWindowStart,
    LocalDate fertileWindowEnd) {

  public CycleForecast {
    Check.notNull(lastPeriodStart, "lastPeriodStart");
    Check.notNull(nextPeriodStart, "nextPeriodStart");
    Check.notNull(ovulation, "ovulation");
    Check.notNull(fertileWindowStart, "fertileWindowStart");
    Check.notNull(fertileWindowEnd, "fertileWindowEnd");
    Check.that(!fertileWindowEnd.isBefore(fertileWindowStart), "fertileWindowEnd", "forecast.window_inverted",
        "the fertile window ends after it starts");
  }

  /** Whether the forecast rests on the member's own cycles rather than the default length. */
  public boolean isLearned() {
    return cyclesUsed > 0;
  }

  public boolean isInFertileWindow(LocalDate date) {
    return !date.isBefore(fertileWindowStart) && !date.isAfter(fertileWindowEnd);
  }

  @Override
  public String toString() {
    return "CycleForecast[" + cyclesUsed + " cycles]";
  }
}
