package io.kinhealth.compliance;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.id.ResidentIdNumber;
import io.kinhealth.core.model.Person;
import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The person whose data is processed, with what the consent rules need to know about them: the birth date, for the
 * under-14 guardian rule of PIPL art. 31 (ages are computed on the Asia/Shanghai calendar by default).
 *
 * <p>Build one from a core {@link Person}, from a resident id (the birth date is read from it), or from a known
 * birth date; {@link #ageUnknown(PersonId)} says honestly that the host does not know, and the
 * {@link ConsentPolicy} then decides (by default such a subject is denied whatever needs consent, because the
 * guardian rule cannot be checked). Personal data: {@link #toString()} shows only the id.
 */
public record DataSubject(PersonId id, LocalDate birthDate) {
  public DataSubject {
    Check.notNull(id, "subject.id");
  }

  /** A subject whose birth date is known. */
  public static DataSubject of(PersonId id, LocalDate birthDate) {
    return new DataSubject(id, Check.notNull(birthDate, "subject.birthDate"));
  }

  /** A subject identified by a resident id number, which carries the birth date (GB 11643). */
  public static DataSubject of(PersonId id, ResidentIdNumber residentId) {
    return new DataSubject(id, Check.notNull(residentId, "subject.residentId").birthDate());
  }

  /**
   * A subject from a core {@link Person}; their birth date (given or read from their resident id) is used when
   * known.
   */
  public static DataSubject of(Person person) {
    Check.notNull(person, "subject");
    return new DataSubject(person.id(), person.birthDate());
  }

  /** A subject whose age the host does not know. */
  public static DataSubject ageUnknown(PersonId id) {
    return new DataSubject(id, null);
  }

  /**
   * A subject from a resident id number as typed by a user; a malformed number is a {@link ValidationException}
   * with field {@code residentId}.
   */
  public static DataSubject withResidentId(PersonId id, String residentIdText) {
    return of(id, ResidentIdNumber.parse(residentIdText));
  }

  public Optional<LocalDate> knownBirthDate() {
    return Optional.ofNullable(birthDate);
  }

  /** Only the id: a birth date is personal data. */
  @Override
  public String toString() {
    return "DataSubject[" + id + "]";
  }
}
