package io.kinhealth.core.model;

import io.kinhealth.core.id.OrganisationId;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.id.PractitionerId;
import io.kinhealth.core.validation.Check;

/**
 * A practitioner's role at one organisation: the person, where they work, in which department, with what title
 * and role. One person may hold several practitioner records (multi-site practice, 多点执业).
 */
public record Practitioner(
    PractitionerId id,
    PersonId person,
    OrganisationId organisation,
    Department department,
    PractitionerTitle title,
    PractitionerRole role) {
  public Practitioner {
    Check.notNull(id, "id");
    Check.notNull(person, "person");
    Check.notNull(organisation, "organisation");
    Check.notNull(department, "department");
    title = title == null ? PractitionerTitle.NONE : title;
    Check.notNull(role, "role");
  }
}
