package io.kinhealth.testkit.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.compliance.spi.HolidayCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link HolidayCalendar}: working days follow from holidays and adjusted working days, and answers
 * are stable. Extend it, supply the calendar, one date it knows as a weekday holiday and one it knows as an adjusted
 * (weekend) working day, and the range of dates it covers.
 */
public abstract class HolidayCalendarContractKit {
  protected abstract HolidayCalendar createCalendar();

  /** A Monday-to-Friday date this calendar treats as a holiday. */
  protected abstract LocalDate knownWeekdayHoliday();

  /** A Saturday or Sunday this calendar treats as a working day. */
  protected abstract LocalDate knownAdjustedWorkday();

  /** The first day of the range the calendar covers; the kit checks the 400 days from it. */
  protected LocalDate coverageStart() {
    return knownWeekdayHoliday().withDayOfYear(1);
  }

  private HolidayCalendar calendar;

  @BeforeEach
  void setUpCalendar() {
    calendar = createCalendar();
  }

  @Test
  @DisplayName("a known weekday holiday is not a working day")
  void holiday() {
    LocalDate d = knownWeekdayHoliday();
    assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(calendar.isHoliday(d)).isTrue();
    assertThat(calendar.isWorkingDay(d)).isFalse();
  }

  @Test
  @DisplayName("a known adjusted weekend day is a working day")
  void adjusted() {
    LocalDate d = knownAdjustedWorkday();
    assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(calendar.isAdjustedWorkday(d)).isTrue();
    assertThat(calendar.isWorkingDay(d)).isTrue();
  }

  @Test
  @DisplayName("every day follows the rule: adjusted, or a non-holiday weekday; and asking twice gives one answer")
  void rule() {
    LocalDate start = coverageStart();
    for (int i = 0; i < 400; i++) {
      LocalDate d = start.plusDays(i);
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean expected = calendar.isAdjustedWorkday(d) || (!weekend && !calendar.isHoliday(d));
      assertThat(calendar.isWorkingDay(d)).as("%s", d).isEqualTo(expected).isEqualTo(calendar.isWorkingDay(d));
      assertThat(calendar.isHoliday(d) && calendar.isAdjustedWorkday(d)).as("%s is not both", d).isFalse();
    }
  }
}
