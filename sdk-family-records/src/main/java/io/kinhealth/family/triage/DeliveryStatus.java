package io.kinhealth.family.triage;

/**
 * What an {@link io.kinhealth.family.spi.AlertSink} says about a notice, Kill Bill style: a status, not an exception.
 * DELIVERED means a person's review queue has it. PENDING (accepted, not yet queued), FAILED and UNKNOWN (a timeout)
 * are retried by {@code TriageService.runDueActions()} with the same idempotency key, which the sink answers with the
 * notice's current status without queueing it twice.
 */
public enum DeliveryStatus {
  DELIVERED,
  PENDING,
  FAILED,
  UNKNOWN
}
