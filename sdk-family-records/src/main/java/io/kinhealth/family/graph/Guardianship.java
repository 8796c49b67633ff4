package io.kinhealth.family.graph;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.LocalDate;

/**
 * A period in which {@code guardian} manages {@code ward}'s record: from {@code from} until (exclusive) {@code until},
 * which is the ward's 18th birthday unless the guardianship was ended earlier. Dates are in the ward's zone.
 */
public record Guardianship(PersonId guardian, PersonId ward, GuardianshipBasis basis, LocalDate from,
    LocalDate until) {
  public Guardianship {
    Check.notNull(guardian, "guardian");
    Check.notNull(ward, "ward");
    Check.notNull(basis, "basis");
    Check.notNull(from, "from");
    Check.notNull(until, "until");
    Check.that(!guardian.equals(ward), "ward", "family.guardianship.self", "a person cannot be their own guardian");
    Check.that(!until.isBefore(from), "until", "family.guardianship.period", "until must not be before from");
  }

  /** Whether the guardianship covers {@code date} (from inclusive, until exclusive). */
  public boolean coversDate(LocalDate date) {
    return !date.isBefore(from) && date.isBefore(until);
  }

  public Guardianship endedOn(LocalDate date) {
    return new Guardianship(guardian, ward, basis, from, date.isBefore(until) ? (date.isBefore(from) ? from : date)
        : until);
  }
}
