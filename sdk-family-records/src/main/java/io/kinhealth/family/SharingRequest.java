package io.kinhealth.family;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.graph.ViewerStanding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A viewer asking to read a member's data of some categories (e.g. {@code health.vital_signs}) for family sharing,
 * with the standing the family graph gives them (relative, guardian of a child, guardian of a minor over 14) and the
 * member's birth date when known (the consent service needs it to apply the guardian-consent age). Personal data:
 * {@code toString} shows ids, standing and categories only.
 */
public record SharingRequest(PersonId subject, LocalDate subjectBirthDate, PersonId viewer, ViewerStanding standing,
    Set<String> categories, Instant at) {
  /** The consent purpose of every family read. */
  public static final String PURPOSE = "family_sharing";

  public SharingRequest {
    Check.notNull(subject, "subject");
    Check.notNull(viewer, "viewer");
    Check.notNull(standing, "standing");
    categories = Set.copyOf(Check.notEmpty(categories, "categories"));
    Check.notNull(at, "at");
    Check.that(standing != ViewerStanding.SELF && standing != ViewerStanding.NONE, "standing",
        "family.sharing.standing", "only relatives and guardians are asked about");
  }

  public Optional<LocalDate> knownBirthDate() {
    return Optional.ofNullable(subjectBirthDate);
  }

  @Override
  public String toString() {
    return "SharingRequest[" + subject + " <- " + viewer + ", " + standing + ", " + categories + "]";
  }
}
