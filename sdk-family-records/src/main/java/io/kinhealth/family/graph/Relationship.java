package io.kinhealth.family.graph;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;

/** "{@code relative} is {@code person}'s {@code role}", e.g. (child, mother, MTH). */
public record Relationship(PersonId person, PersonId relative, KinshipRole role) {
  public Relationship {
    Check.notNull(person, "person");
    Check.notNull(relative, "relative");
    Check.notNull(role, "role");
    Check.that(!person.equals(relative), "relative", "family.relationship.self", "a person is not their own relative");
  }

  /** The same relationship seen from the relative's side. */
  public Relationship inverse() {
    return new Relationship(relative, person, role.inverse());
  }
}
