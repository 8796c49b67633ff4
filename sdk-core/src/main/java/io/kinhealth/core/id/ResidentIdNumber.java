package io.kinhealth.core.id;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.Age;
import io.kinhealth.core.model.Sex;
import io.kinhealth.core.model.Zones;
import io.kinhealth.core.validation.Check;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A mainland China resident identity card number (公民身份号码, GB 11643-1999): 6 region digits, 8 birth-date digits
 * (YYYYMMDD), 3 sequence digits (odd = male) and an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 *
 * <p>Guarantees: only a number whose province code, birth date (a real calendar date from 1800 on) and check
 * character are valid can be constructed; a lower-case {@code x} is normalised to {@code X}. Whether the birth date
 * is already past needs a clock: {@link #isBornBy(Clock)}. The number is personal data:
 * {@link #toString()} is always masked, and no exception message ever contains it.
 */
public final class ResidentIdNumber extends PersonalValue {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK_CHARS = "10X98765432".toCharArray();
  /** Province-level codes of GB/T 2260 (the first two digits), including Taiwan, Hong Kong and Macao (71, 81, 82). */
  private static final String PROVINCES =
      ",11,12,13,14,15,21,22,23,31,32,33,34,35,36,37,41,42,43,44,45,46,50,51,52,53,54,61,62,63,64,65,71,81,82,";

  private final LocalDate birthDate;

  private ResidentIdNumber(String value, LocalDate birthDate) {
    super(value);
    this.birthDate = birthDate;
  }

  /**
   * Parses and validates an 18-character number; surrounding and embedded spaces are ignored.
   *
   * @throws ValidationException with field {@code residentId} and reason {@code resident_id.length},
   *     {@code resident_id.format}, {@code resident_id.region}, {@code resident_id.birth_date} or
   *     {@code resident_id.check_digit}
   */
  public static ResidentIdNumber parse(String text) {
    String raw = Check.notBlank(text, "residentId").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    if (raw.length() != 18) {
      throw invalid("resident_id.length", "a resident id has 18 characters");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid("resident_id.format", "the first 17 characters of a resident id are digits");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    char last = raw.charAt(17);
    if ((last < '0' || last > '9') && last != 'X') {
      throw invalid("resident_id.format", "the last character of a resident id is a digit or X");
    }
    if (!PROVINCES.contains("," + raw.substring(0, 2) + ",")) {
      throw invalid("resident_id.region", "the region code of the resident id is not a province code");
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(raw.substring(6, 10)), Integer.parseInt(raw.substring(10, 12)),
          Integer.parseInt(raw.substring(12, 14)));
    } catch (DateTimeException e) {
      throw invalid("resident_id.birth_date", "the birth date in the resident id is not a calendar date");
    }
    if (birth.getYear() < 1800) {
      throw invalid("resident_id.birth_date", "the birth year in the resident id is before 1800");
    }
    if (CHECK_CHARS[sum % 11] != last) {
      throw invalid("resident_id.check_digit", "the check character of the resident id does not match");
    }
    return new ResidentIdNumber(raw, birth);
  }

  /** The check character that completes a 17-digit prefix; useful to build test data. */
  public static char checkCharacterFor(String first17Digits) {
    Check.notNull(first17Digits, "first17Digits");
    Check.that(first17Digits.length() == 17 && first17Digits.chars().allMatch(Character::isDigit),
        "first17Digits", "resident_id.format", "exactly 17 digits are required");
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS[sum % 11];
  }

  private static ValidationException invalid(String reason, String message) {
    return new ValidationException("residentId", reason, message);
  }

  /** The full 18-character number. Personal data: never log it; use {@link #masked()} for display. */
  public String value() {
    return value;
  }

  /** The 6-digit administrative region code where the number was issued. */
  public String regionCode() {
    return value.substring(0, 6);
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /** From the sequence digit: odd is male, even is female. */
  public Sex sex() {
    return ((value.charAt(16) - '0') & 1) == 1 ? Sex.MALE : Sex.FEMALE;
  }

  /** Age in completed years on {@code date}, by the SDK's one {@link Age} rule. */
  public int ageOn(LocalDate date) {
    Check.notNull(date, "date");
    return Age.completedYears(birthDate, date);
  }

  /** Age in completed years at the clock's instant, on the calendar of {@code zone}. */
  public int ageAt(Clock clock, ZoneId zone) {
    Check.notNull(clock, "clock");
    Check.notNull(zone, "zone");
    return ageOn(LocalDate.now(clock.withZone(zone)));
  }

  /** Whether the person is younger than {@code years} now, on the Asia/Shanghai calendar. */
  public boolean isUnder(int years, Clock clock) {
    return isUnder(years, clock, Zones.CHINA);
  }

  /** Whether the person is younger than {@code years} now, on the calendar of {@code zone}. */
  public boolean isUnder(int years, Clock clock, ZoneId zone) {
    return ageAt(clock, zone) < years;
  }

  /** Whether the birth date is not in the future on the Asia/Shanghai calendar. */
  public boolean isBornBy(Clock clock) {
    Check.notNull(clock, "clock");
    return !birthDate.isAfter(LocalDate.now(clock.withZone(Zones.CHINA)));
  }

  /** First character and last two kept: {@code 1***************1X}. */
  @Override
  public String masked() {
    return value.charAt(0) + "*".repeat(15) + value.substring(16);
  }
}
