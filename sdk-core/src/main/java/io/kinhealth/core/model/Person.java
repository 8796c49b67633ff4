package io.kinhealth.core.model;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.MobileNumber;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.id.PersonName;
import io.kinhealth.core.id.ResidentIdNumber;
import io.kinhealth.core.validation.Check;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A person the platform knows: a patient, a family member, a referrer or a practitioner's own identity.
 *
 * <p>Guarantees: {@code id} and {@code name} are present; when a resident id is given, the birth date and sex agree
 * with it (they are derived from it when absent); {@code zone} defaults to Asia/Shanghai. {@code birthDate},
 * {@code residentId} and {@code mobile} may be null when unknown; prefer the {@code Optional} accessors. Personal
 * data: {@link #toString()} shows only the id.
 */
public record Person(
    PersonId id,
    PersonName name,
    LocalDate birthDate,
    Sex sex,
    ResidentIdNumber residentId,
    MobileNumber mobile,
    ZoneId zone) {

  public Person {
    Check.notNull(id, "id");
    Check.notNull(name, "name");
    if (residentId != null) {
      if (birthDate != null && !birthDate.equals(residentId.birthDate())) {
        throw new ValidationException("birthDate", "person.birth_date_mismatch",
            "birth date does not match the resident id");
      }
      if (sex != null && sex != Sex.UNKNOWN && sex != residentId.sex()) {
        throw new ValidationException("sex", "person.sex_mismatch", "sex does not match the resident id");
      }
      birthDate = residentId.birthDate();
      sex = residentId.sex();
    }
    sex = sex == null ? Sex.UNKNOWN : sex;
    zone = zone == null ? Zones.CHINA : zone;
  }

  /** A person known only by id and name, in Asia/Shanghai. */
  public static Person of(PersonId id, PersonName name) {
    return new Person(id, name, null, null, null, null, null);
  }

  public Person withBirthDate(LocalDate date) {
    return new Person(id, name, date, sex, residentId, mobile, zone);
  }

  public Person withResidentId(ResidentIdNumber number) {
    return new Person(id, name, null, null, number, mobile, zone);
  }

  public Person withMobile(MobileNumber number) {
    return new Person(id, name, birthDate, sex, residentId, number, zone);
  }

  public Person withZone(ZoneId newZone) {
    return new Person(id, name, birthDate, sex, residentId, mobile, newZone);
  }

  public Optional<LocalDate> knownBirthDate() {
    return Optional.ofNullable(birthDate);
  }

  public Optional<ResidentIdNumber> knownResidentId() {
    return Optional.ofNullable(residentId);
  }

  public Optional<MobileNumber> knownMobile() {
    return Optional.ofNullable(mobile);
  }

  /** Age in completed years on {@code date}, if the birth date is known. */
  public OptionalInt ageOn(LocalDate date) {
    Check.notNull(date, "date");
    if (birthDate == null) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Age.completedYears(birthDate, date));
  }

  /** Age in completed years now, on the calendar of the person's own zone, if the birth date is known. */
  public OptionalInt ageAt(Clock clock) {
    Check.notNull(clock, "clock");
    return ageOn(LocalDate.now(clock.withZone(zone)));
  }

  /** Only the id: a person's details are personal data. */
  @Override
  public String toString() {
    return "Person[" + id + "]";
  }
}
