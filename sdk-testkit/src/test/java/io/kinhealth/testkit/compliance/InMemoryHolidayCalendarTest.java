package io.kinhealth.testkit.compliance;

import io.kinhealth.compliance.memory.InMemoryHolidayCalendar;
import io.kinhealth.compliance.spi.HolidayCalendar;
import java.time.LocalDate;
import java.util.Set;

/** Sample dates only (a made-up schedule), not the State Council's. */
class InMemoryHolidayCalendarTest extends HolidayCalendarContractKit {
  @Override
  protected HolidayCalendar createCalendar() {
    return InMemoryHolidayCalendar.of(Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)),
        Set.of(LocalDate.of(2026, 10, 10)));
  }

  @Override
  protected LocalDate knownWeekdayHoliday() {
    return LocalDate.of(2026, 10, 1);
  }

  @Override
  protected LocalDate knownAdjustedWorkday() {
    return LocalDate.of(2026, 10, 10);
  }
}
