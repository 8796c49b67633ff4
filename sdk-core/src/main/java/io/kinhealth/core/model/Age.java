package io.kinhealth.core.model;

import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.time.Month;
import java.time.Period;

/**
 * The one rule for a person's age in completed years (周岁), used wherever the SDK asks whether someone is under 14
 * (guardian consent, PIPL arts. 28 and 31) or under 18 (guardianship, Civil Code art. 17).
 *
 * <p>A person has {@code n} completed years from their {@code n}th birthday on. Someone born on 29 February has a
 * birthday on 1 March in common years: the rule of {@link Period#between}, and the cautious choice where a birthday
 * ends a protection (the child stays under guardian consent for the one extra day). Every module computes ages
 * through this class, so a consent decision and a family guardianship never disagree about the same person.
 */
public final class Age {
  private Age() {}

  /** Completed years on {@code date}; zero before the birth date. */
  public static int completedYears(LocalDate birthDate, LocalDate date) {
    Check.notNull(birthDate, "birthDate");
    Check.notNull(date, "date");
    return date.isBefore(birthDate) ? 0 : Period.between(birthDate, date).getYears();
  }

  /** The first day on which a person born on {@code birthDate} has {@code years} completed years. */
  public static LocalDate birthday(LocalDate birthDate, int years) {
    Check.notNull(birthDate, "birthDate");
    Check.notNegative(years, "years");
    LocalDate day = birthDate.plusYears(years);
    if (birthDate.getMonth() == Month.FEBRUARY && birthDate.getDayOfMonth() == 29 && day.getDayOfMonth() == 28) {
      return day.plusDays(1);
    }
    return day;
  }

  /** Whether a person born on {@code birthDate} is younger than {@code years} on {@code date}. */
  public static boolean isUnder(LocalDate birthDate, int years, LocalDate date) {
    return date.isBefore(birthday(birthDate, years));
  }
}
