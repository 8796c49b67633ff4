package io.kinhealth.core.model;

import io.kinhealth.core.id.OrganisationId;
import io.kinhealth.core.validation.Check;

/** An organisation: its id, display name and kind. Organisation names are not personal data. */
public record Organisation(OrganisationId id, String name, OrganisationType type) {
  public Organisation {
    Check.notNull(id, "id");
    name = Check.text(name, "name", 200);
    Check.notNull(type, "type");
  }

  public static Organisation of(OrganisationId id, String name, OrganisationType type) {
    return new Organisation(id, name, type);
  }
}
