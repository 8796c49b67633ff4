package io.kinhealth.family.triage;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * What goes to the human-review queue about an alert: which member and condition, how severe, why now (raised,
 * upgraded, escalated, with the escalation level), the rule and its table version, and the evidence readings with
 * their values so the reviewer can act. {@code sequence} numbers the alert's notices (1, 2, ...); the pair
 * (alert, sequence) identifies a notice and is what the delivery's idempotency key is made from.
 *
 * <p>It carries health data to the host's reviewers (the processor's own staff, under the member's health-monitoring
 * consent); {@code toString} shows ids, keys and severity only.
 */
public record TriageNotice(AlertId alert, int sequence, PersonId subject, String condition, String observationType,
    String dataCategory, AlertSeverity severity, NoticeReason reason, int escalationLevel, String ruleKey,
    String rulesVersion, Instant raisedAt, Instant issuedAt, List<AlertEvidence> evidence) {
  public TriageNotice {
    Check.notNull(alert, "alert");
    Check.positive(sequence, "sequence");
    Check.notNull(subject, "subject");
    Check.notBlank(condition, "condition");
    Check.notBlank(observationType, "observationType");
    Check.notBlank(dataCategory, "dataCategory");
    Check.notNull(severity, "severity");
    Check.notNull(reason, "reason");
    Check.notNegative(escalationLevel, "escalationLevel");
    Check.notBlank(ruleKey, "ruleKey");
    Check.notBlank(rulesVersion, "rulesVersion");
    Check.notNull(raisedAt, "raisedAt");
    Check.notNull(issuedAt, "issuedAt");
    evidence = List.copyOf(Check.noNulls(evidence, "evidence"));
  }

  @Override
  public String toString() {
    return "TriageNotice[" + alert + "#" + sequence + ", " + condition + ", " + severity + ", " + reason + "]";
  }
}
