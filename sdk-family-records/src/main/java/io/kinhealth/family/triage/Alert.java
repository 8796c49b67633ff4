package io.kinhealth.family.triage;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.dashboard.OpenAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An alert about one member's condition (hypertension, pregnancy hypertension, hypoglycaemia, fever, ...): raised by
 * the risk rules, carrying its severity (the highest reached), the rule and rule-table version that set it, the
 * evidence readings, and what people did with it. A member has at most one unresolved alert per condition: later
 * readings add evidence to it or raise its severity; only after a person resolves it can the condition raise a new
 * one.
 *
 * <p>Evidence is capped at {@value #MAX_EVIDENCE} readings: the first {@value #FIRST_EVIDENCE} and the latest
 * others, by time, so a long CGM low keeps its start and its end. Versioned for optimistic concurrency. Personal
 * data: {@code toString} shows the id, condition, severity and status only.
 *
 * @param awaitingConfirmation the severity is the provisional one of a rule that needs a confirming reading
 */
public record Alert(
    AlertId id,
    PersonId subject,
    String condition,
    String observationType,
    String dataCategory,
    AlertSeverity severity,
    String ruleKey,
    String rulesVersion,
    boolean awaitingConfirmation,
    AlertStatus status,
    Instant raisedAt,
    Instant updatedAt,
    List<AlertEvidence> evidence,
    AlertReview review,
    AlertTriage triage,
    long version) {

  public static final int MAX_EVIDENCE = 20;
  public static final int FIRST_EVIDENCE = 5;

  private static final Comparator<AlertEvidence> BY_TIME = Comparator.comparing(AlertEvidence::effectiveAt)
      .thenComparing(e -> e.observation().value());

  public Alert {
    Check.notNull(id, "id");
    Check.notNull(subject, "subject");
    condition = Check.text(condition, "condition", 100);
    observationType = Check.text(observationType, "observationType", 64);
    dataCategory = Check.text(dataCategory, "dataCategory", 100);
    Check.notNull(severity, "severity");
    ruleKey = Check.text(ruleKey, "ruleKey", 100);
    rulesVersion = Check.text(rulesVersion, "rulesVersion", 100);
    Check.notNull(status, "status");
    Check.notNull(raisedAt, "raisedAt");
    Check.notNull(updatedAt, "updatedAt");
    evidence = List.copyOf(Check.notEmpty(evidence, "evidence"));
    Check.that(evidence.size() <= MAX_EVIDENCE, "evidence", "alert.evidence.too_many",
        "an alert keeps at most " + MAX_EVIDENCE + " evidence readings");
    Check.notNull(review, "review");
    Check.notNull(triage, "triage");
    Check.notNegative(version, "version");
    Check.that(status != AlertStatus.RESOLVED || review.resolvedAt() != null, "status", "alert.status.resolution",
        "a resolved alert records its resolution");
    Check.that(status != AlertStatus.ACKNOWLEDGED || review.acknowledgedAt() != null, "status",
        "alert.status.acknowledgement", "an acknowledged alert records who acknowledged it");
  }

  /** The evidence with {@code added} merged in (no reading twice), in time order, capped as described above. */
  public static List<AlertEvidence> mergeEvidence(List<AlertEvidence> current, List<AlertEvidence> added) {
    List<AlertEvidence> all = new ArrayList<>(current);
    for (AlertEvidence e : added) {
      if (all.stream().noneMatch(x -> x.observation().equals(e.observation()))) {
        all.add(e);
      }
    }
    all.sort(BY_TIME);
    if (all.size() <= MAX_EVIDENCE) {
      return List.copyOf(all);
    }
    List<AlertEvidence> kept = new ArrayList<>(all.subList(0, FIRST_EVIDENCE));
    kept.addAll(all.subList(all.size() - (MAX_EVIDENCE - FIRST_EVIDENCE), all.size()));
    return List.copyOf(kept);
  }

  public boolean isUnresolved() {
    return status.isUnresolved();
  }

  /** The time of the latest evidence reading. */
  public Instant lastEvidenceAt() {
    return evidence.get(evidence.size() - 1).effectiveAt();
  }

  public Alert withVersion(long newVersion) {
    return new Alert(id, subject, condition, observationType, dataCategory, severity, ruleKey, rulesVersion,
        awaitingConfirmation, status, raisedAt, updatedAt, evidence, review, triage, newVersion);
  }

  /** The dashboard's view of it (no values). */
  public OpenAlert toOpenAlert() {
    return new OpenAlert(id.value(), subject, observationType, dataCategory, severity, ruleKey, raisedAt);
  }

  @Override
  public String toString() {
    return "Alert[" + id + ", " + condition + ", " + severity + ", " + status + "]";
  }
}
