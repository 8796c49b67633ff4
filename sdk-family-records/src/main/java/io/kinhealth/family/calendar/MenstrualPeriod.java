package io.kinhealth.family.calendar;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One logged period: the day it started and, when known, the last day of bleeding. A member has at most one period
 * starting on a given day. Personal data (reproductive health): {@code toString} shows no dates.
 */
public record MenstrualPeriod(PersonId subject, LocalDate start, LocalDate end) {
  /** Longest bleeding the log accepts; longer entries are typing errors. */
  public static final int MAX_DAYS = 15;

  public MenstrualPeriod {
    Check.notNull(subject, "subject");
    Check.notNull(start, "start");
    if (end != null) {
      Check.that(!end.isBefore(start), "end", "period.end_before_start", "a period cannot end before it starts");
      Check.that(ChronoUnit.DAYS.between(start, end) < MAX_DAYS, "end", "period.too_long",
          "a period lasts at most " + MAX_DAYS + " days");
    }
  }

  public Optional<LocalDate> knownEnd() {
    return Optional.ofNullable(end);
  }

  @Override
  public String toString() {
    return "MenstrualPeriod[" + subject + "]";
  }
}
