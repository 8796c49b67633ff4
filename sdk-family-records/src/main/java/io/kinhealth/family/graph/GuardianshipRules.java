package io.kinhealth.family.graph;

import io.kinhealth.core.model.Age;
import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.util.List;

/**
 * The ages that govern a guardian's view of a minor's record, as versioned data with their sources:
 * <ul>
 *   <li>{@code ownConsentAge} (14): from this birthday the child's own consent governs sensitive data (health data
 *       is sensitive). Under it, a guardian consents for the child (PIPL arts. 28 and 31);
 *   <li>{@code adultAge} (18): on this birthday the guardianship, and the guardian's delegated view, end
 *       automatically (PRC Civil Code art. 17).
 * </ul>
 * Ages and birthdays follow core's one {@link Age} rule, as kinhealth-compliance's decisions do, on the calendar of
 * the child's zone: someone born on 29 February reaches an age on 1 March in common years.
 */
public record GuardianshipRules(String version, int ownConsentAge, int adultAge, List<String> sources) {
  private static final GuardianshipRules DEFAULTS = new GuardianshipRules("guardianship-rules/2026.1", 14, 18,
      List.of("PIPL (个人信息保护法) art. 28: personal information of minors under 14 is sensitive",
          "PIPL art. 31: processing personal information of minors under 14 requires a guardian's consent",
          "PRC Civil Code art. 17: a person of 18 or over is an adult"));

  public GuardianshipRules {
    Check.text(version, "version", 100);
    Check.inRange(ownConsentAge, 0, 30, "ownConsentAge");
    Check.inRange(adultAge, ownConsentAge, 30, "adultAge");
    sources = List.copyOf(Check.noNulls(sources, "sources"));
  }

  public static GuardianshipRules defaults() {
    return DEFAULTS;
  }

  /** Completed years on {@code date} (birthdays as {@link #birthday}). */
  public static int age(LocalDate birthDate, LocalDate date) {
    return Age.completedYears(birthDate, date);
  }

  /** The day the delegated view ends: the adult birthday. */
  public LocalDate adulthood(LocalDate birthDate) {
    return birthday(birthDate, adultAge);
  }

  /** The first day of the given age (29 February births: 1 March in common years). */
  public static LocalDate birthday(LocalDate birthDate, int years) {
    return Age.birthday(birthDate, years);
  }

  public boolean isAdult(LocalDate birthDate, LocalDate date) {
    return !date.isBefore(birthday(birthDate, adultAge));
  }

  public boolean consentsForSelf(LocalDate birthDate, LocalDate date) {
    return !date.isBefore(birthday(birthDate, ownConsentAge));
  }
}
