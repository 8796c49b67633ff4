package io.kinhealth.compliance.consent;

import io.kinhealth.compliance.ComplianceEvent;
import io.kinhealth.core.id.PersonId;
import java.time.Instant;
import java.util.Optional;

/** A consent or refusal was recorded for a subject; cached decisions about that subject are dropped. */
public record ConsentRecorded(ConsentId consentId, PersonId subjectId, Instant occurredAt)
    implements ComplianceEvent {
  public static final String TYPE = "compliance.consent.recorded";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Optional<PersonId> subject() {
    return Optional.of(subjectId);
  }
}
