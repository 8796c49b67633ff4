package io.kinhealth.family.triage;

import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * An alert's way to a person: the escalation level reached, how many notices were issued and how many the sink
 * confirmed, the notice still to deliver (an outbox entry: kept on the alert so it survives a crash and is retried),
 * and when the alert next needs action (a delivery retry or an escalation deadline; null when nothing is due).
 */
public record AlertTriage(int escalationLevel, int noticesIssued, int noticesDelivered, TriageNotice pendingNotice,
    Instant nextActionAt) {
  /** Not triaged: no notice, nothing due. */
  public static final AlertTriage NONE = new AlertTriage(0, 0, 0, null, null);

  public AlertTriage {
    Check.notNegative(escalationLevel, "triage.escalationLevel");
    Check.notNegative(noticesIssued, "triage.noticesIssued");
    Check.that(noticesDelivered >= 0 && noticesDelivered <= noticesIssued, "triage.noticesDelivered",
        "alert.triage.counts", "delivered notices cannot outnumber issued ones");
    Check.that(pendingNotice == null || (pendingNotice.sequence() == noticesIssued && nextActionAt != null),
        "triage.pendingNotice", "alert.triage.pending", "a pending notice is the latest issued and has a due time");
  }

  public Optional<TriageNotice> knownPendingNotice() {
    return Optional.ofNullable(pendingNotice);
  }

  public Optional<Instant> knownNextActionAt() {
    return Optional.ofNullable(nextActionAt);
  }
}
