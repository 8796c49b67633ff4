package io.kinhealth.compliance.consent;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.util.Optional;

/**
 * Who gave a consent: the subject themself, or a guardian together with their relationship and how it was
 * verified (both required for a guardian).
 */
public record Grantor(PersonId personId, boolean guardian, GuardianRelationship relationship,
    GuardianVerification verification) {

  public Grantor {
    Check.notNull(personId, "grantor.personId");
    if (guardian) {
      Check.notNull(relationship, "grantor.relationship");
      Check.notNull(verification, "grantor.verification");
    } else {
      Check.that(relationship == null && verification == null, "grantor.relationship",
          "grantor.not_a_guardian", "only a guardian grantor has a relationship and verification");
    }
  }

  /** The subject consents for themself. */
  public static Grantor subject(PersonId subject) {
    return new Grantor(subject, false, null, null);
  }

  /** A guardian consents for a minor. */
  public static Grantor guardian(PersonId guardian, GuardianRelationship relationship,
      GuardianVerification verification) {
    return new Grantor(guardian, true, relationship, verification);
  }

  public Optional<GuardianRelationship> knownRelationship() {
    return Optional.ofNullable(relationship);
  }
}
