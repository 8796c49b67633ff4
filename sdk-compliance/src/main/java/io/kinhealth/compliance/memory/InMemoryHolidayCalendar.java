package io.kinhealth.compliance.memory;

import io.kinhealth.compliance.spi.HolidayCalendar;
import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.util.Set;

/**
 * A {@link HolidayCalendar} over dates given as data: the holidays and the adjusted working days (调休) the State
 * Council publishes each year. {@link #weekendsOnly()} knows no holidays. Immutable.
 */
public final class InMemoryHolidayCalendar implements HolidayCalendar {
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> adjustedWorkdays;

  private InMemoryHolidayCalendar(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkdays) {
    this.holidays = Set.copyOf(Check.noNulls(holidays, "holidays"));
    this.adjustedWorkdays = Set.copyOf(Check.noNulls(adjustedWorkdays, "adjustedWorkdays"));
    for (LocalDate d : this.adjustedWorkdays) {
      Check.that(!this.holidays.contains(d), "adjustedWorkdays", "calendar.overlap",
          "a day cannot be both a holiday and an adjusted working day");
    }
  }

  public static InMemoryHolidayCalendar of(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkdays) {
    return new InMemoryHolidayCalendar(holidays, adjustedWorkdays);
  }

  /** Weekends off, no holidays: the floor every deadline is at least as generous as. */
  public static InMemoryHolidayCalendar weekendsOnly() {
    return new InMemoryHolidayCalendar(Set.of(), Set.of());
  }

  @Override
  public boolean isHoliday(LocalDate date) {
    return holidays.contains(date);
  }

  @Override
  public boolean isAdjustedWorkday(LocalDate date) {
    return adjustedWorkdays.contains(date);
  }
}
