package io.kinhealth.core.spi;

import java.time.Instant;

/**
 * Something that happened in the SDK that other components (in this process or on other nodes) may react to, such
 * as a consent withdrawal that must invalidate decision caches.
 *
 * <p>Events carry ids and codes, never personal data, so a host may put them on any bus or log them.
 */
public interface DomainEvent {
  /** A stable type name, e.g. {@code compliance.consent.withdrawn}. */
  String type();

  /** When it happened, from the injected clock. */
  Instant occurredAt();
}
