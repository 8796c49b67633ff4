package io.kinhealth.family;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.DomainEvent;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * Readings of one type were stored for a member, spanning {@code from..to} (effective times). Other nodes use it to
 * invalidate their cached statistics for that span; it carries ids and times, never values.
 */
public record ObservationsRecorded(PersonId subject, String observationType, Instant from, Instant to, int count,
    Instant occurredAt) implements DomainEvent {
  public static final String TYPE = "family.observations.recorded";

  public ObservationsRecorded {
    Check.notNull(subject, "subject");
    Check.notBlank(observationType, "observationType");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.notNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
