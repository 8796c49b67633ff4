package io.kinhealth.compliance.spi;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days are working days, for deadlines counted in working days (subject requests: 15 working days).
 *
 * <p>China's public holidays are set each year by the State Council, with weekend days swapped into working days
 * (调休); the SDK ships no guessed table. A host implements this over the published schedule (or a calendar
 * service); the in-memory default {@code InMemoryHolidayCalendar} takes the dates as data. Contract (checked by
 * {@code HolidayCalendarContractKit}): a day is a working day if it is an adjusted working day, or else if it is a
 * Monday-to-Friday that is not a holiday; answers are stable for a given date.
 */
public interface HolidayCalendar {
  /** Whether {@code date} is a public holiday (a day off even if it falls Monday to Friday). */
  boolean isHoliday(LocalDate date);

  /** Whether {@code date} is a weekend day made a working day (调休). */
  default boolean isAdjustedWorkday(LocalDate date) {
    return false;
  }

  default boolean isWorkingDay(LocalDate date) {
    if (isAdjustedWorkday(date)) {
      return true;
    }
    DayOfWeek d = date.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isHoliday(date);
  }
}
