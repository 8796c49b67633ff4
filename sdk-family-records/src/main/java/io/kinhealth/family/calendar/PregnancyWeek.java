package io.kinhealth.family.calendar;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.GestationalAge;
import java.time.LocalDate;

/**
 * Where a pregnancy stands on a date: gestational age in weeks and days, trimester, due date and days until it
 * (negative once past), and the key of the week's content (e.g. {@code pregnancy.week.26}) for the host to show.
 */
public record PregnancyWeek(LocalDate date, GestationalAge gestationalAge, Trimester trimester, LocalDate dueDate,
    long daysUntilDue, String contentKey) {
  public PregnancyWeek {
    Check.notNull(date, "date");
    Check.notNull(gestationalAge, "gestationalAge");
    Check.notNull(trimester, "trimester");
    Check.notNull(dueDate, "dueDate");
    Check.notBlank(contentKey, "contentKey");
  }

  @Override
  public String toString() {
    return "PregnancyWeek[" + trimester + "]";
  }
}
