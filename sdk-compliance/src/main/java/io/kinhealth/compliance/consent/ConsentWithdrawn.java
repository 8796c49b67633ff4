package io.kinhealth.compliance.consent;

import io.kinhealth.compliance.ComplianceEvent;
import io.kinhealth.core.id.PersonId;
import java.time.Instant;
import java.util.Optional;

/**
 * A consent was withdrawn. Every node's decision cache drops the subject's decisions on this event, so the next
 * decision honours the withdrawal (PIPL art. 15).
 */
public record ConsentWithdrawn(ConsentId consentId, PersonId subjectId, Instant occurredAt)
    implements ComplianceEvent {
  public static final String TYPE = "compliance.consent.withdrawn";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Optional<PersonId> subject() {
    return Optional.of(subjectId);
  }
}
