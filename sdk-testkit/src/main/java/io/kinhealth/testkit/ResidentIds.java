package io.kinhealth.testkit;

import io.kinhealth.core.id.ResidentIdNumber;
import io.kinhealth.core.model.Sex;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Makes valid synthetic resident id numbers for tests: never use real people's numbers in test data. */
public final class ResidentIds {
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

  private ResidentIds() {}

  /** A valid number issued in Beijing Chaoyang (110105) for someone born on {@code birthDate} with {@code sex}. */
  public static ResidentIdNumber bornOn(LocalDate birthDate, Sex sex) {
    return bornOn("110105", birthDate, sex, 12);
  }

  /** A valid number with the given region and a two-digit sequence prefix; the sex digit is chosen to match. */
  public static ResidentIdNumber bornOn(String region, LocalDate birthDate, Sex sex, int sequence) {
    int sexDigit = sex == Sex.MALE ? 1 : 2;
    String first17 = region + YYYYMMDD.format(birthDate) + String.format("%02d", sequence % 100) + sexDigit;
    return ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacterFor(first17));
  }
}
