package io.kinhealth.family;

/**
 * What one {@link TriageService#runDueActions()} did: notices delivered, alerts escalated, deliveries that failed
 * (they are retried later) and alerts it found nothing to do for.
 */
public record TriageRun(int delivered, int escalated, int failedDeliveries, int cleared) {}
