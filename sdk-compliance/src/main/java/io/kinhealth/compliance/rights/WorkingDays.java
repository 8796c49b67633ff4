package io.kinhealth.compliance.rights;

import io.kinhealth.compliance.spi.HolidayCalendar;
import io.kinhealth.core.validation.Check;
import java.time.LocalDate;

/** Counting working days on a {@link HolidayCalendar}. */
public final class WorkingDays {
  private WorkingDays() {}

  /**
   * The date on which {@code days} working days after {@code received} end: the day of receipt does not count, the
   * first working day after it is day 1. {@code after(Friday, 1)} is the next Monday when that is a working day.
   */
  public static LocalDate after(LocalDate received, int days, HolidayCalendar calendar) {
    Check.notNull(received, "received");
    Check.inRange(days, 1, 3650, "days");
    Check.notNull(calendar, "calendar");
    LocalDate d = received;
    int counted = 0;
    while (counted < days) {
      d = d.plusDays(1);
      if (calendar.isWorkingDay(d)) {
        counted++;
      }
    }
    return d;
  }
}
