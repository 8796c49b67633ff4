package io.kinhealth.compliance;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.DomainEvent;
import java.util.Optional;

/**
 * An event of the compliance module that changes what decisions say. Every {@link ConsentService} subscribes to
 * these on its event bus and drops cached decisions: those of {@link #subject()}, or all when it is empty. A host
 * that forwards these events to its other nodes (and publishes them on their buses) gets the same there.
 *
 * <p>Events carry ids and codes only, never personal data.
 */
public interface ComplianceEvent extends DomainEvent {
  /** The subject whose decisions change, or empty when decisions of every subject may change. */
  Optional<PersonId> subject();
}
