package io.kinhealth.family.spi;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.family.triage.DeliveryStatus;
import io.kinhealth.family.triage.TriageNotice;

/**
 * The human-review queue: where HIGH and CRITICAL alerts go so that a person (a nurse, a family doctor, a care
 * coordinator) looks at them. A host implements it over its own work queue (a CRM task, a WeCom message to the
 * on-duty doctor, a ticket); the in-memory default is {@code InMemoryTriageQueue}.
 *
 * <p>Contract (checked by {@code AlertSinkContractKit} in kinhealth-testkit): {@link #deliver} returns a
 * {@link DeliveryStatus} rather than throwing for delivery problems (an exception is treated as UNKNOWN); it is
 * idempotent per key: the same key with an equal notice queues it at most once and reports its current status (so a
 * retry is also the status query), the same key with another notice throws
 * {@link io.kinhealth.core.error.IdempotencyConflictException}. Notices of the same alert arrive with increasing
 * sequence numbers; a later one supersedes an earlier one the reviewer has not opened yet.
 */
@FunctionalInterface
public interface AlertSink {
  DeliveryStatus deliver(IdempotencyKey key, TriageNotice notice);
}
