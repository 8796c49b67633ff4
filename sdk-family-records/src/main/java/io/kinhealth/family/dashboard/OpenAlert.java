package io.kinhealth.family.dashboard;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * The dashboard's view of an open alert about a member: what it concerns (an observation type key and the consent
 * data category it falls under, so it is shown only to viewers who may see that category), how severe, when it was
 * raised, and the stable key of the rule that raised it (the host turns it into words). No health values: a viewer
 * who may see the category reads the values through the readings themselves.
 */
public record OpenAlert(String id, PersonId subject, String observationType, String dataCategory,
    AlertSeverity severity, String ruleKey, Instant raisedAt) {
  public OpenAlert {
    Check.text(id, "id", 64);
    Check.notNull(subject, "subject");
    Check.notBlank(observationType, "observationType");
    Check.notBlank(dataCategory, "dataCategory");
    Check.notNull(severity, "severity");
    Check.notBlank(ruleKey, "ruleKey");
    Check.notNull(raisedAt, "raisedAt");
  }
}
