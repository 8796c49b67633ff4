package io.kinhealth.compliance.retention;

import io.kinhealth.compliance.ComplianceEvent;
import io.kinhealth.core.id.PersonId;
import java.time.Instant;
import java.util.Optional;

/** A legal hold was placed or released; decision caches drop the subject's decisions on every node. */
public record LegalHoldChanged(LegalHoldId holdId, PersonId subjectId, boolean active, Instant occurredAt)
    implements ComplianceEvent {
  public static final String TYPE = "compliance.legal_hold.changed";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Optional<PersonId> subject() {
    return Optional.of(subjectId);
  }
}
