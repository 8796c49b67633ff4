package io.kinhealth.testkit.family;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.calendar.PregnancyId;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.document.DocumentId;
import io.kinhealth.family.document.DocumentType;
import io.kinhealth.family.document.HealthDocument;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.triage.Alert;
import io.kinhealth.family.triage.AlertEvidence;
import io.kinhealth.family.triage.AlertId;
import io.kinhealth.family.triage.AlertReview;
import io.kinhealth.family.triage.AlertStatus;
import io.kinhealth.family.triage.AlertTriage;
import io.kinhealth.family.triage.NoticeReason;
import io.kinhealth.family.triage.Resolution;
import io.kinhealth.family.triage.ReviewerId;
import io.kinhealth.family.triage.TriageNotice;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * Sample alerts, notices, pregnancies and documents for the family-records part-2 contract kits (alert store, alert
 * sink, calendar store, document store).
 */
public final class FamilyRiskSamples {
  public static final ReviewerId NURSE = ReviewerId.of("kit-nurse");

  private FamilyRiskSamples() {}

  /** An open alert (version 0: not yet stored) of {@code who} for {@code condition}, raised at {@code at}. */
  public static Alert alert(PersonId who, String condition, AlertSeverity severity, Instant at) {
    Observation o = FamilySamples.bloodPressure(who, at, 165, 95);
    return new Alert(AlertId.of(FamilySamples.newId()), who, condition, o.type().key(), o.type().dataCategory(),
        severity, "kit.rule", "kit-rules/1", false, AlertStatus.OPEN, at, at, List.of(AlertEvidence.of(o, "kit.rule")),
        AlertReview.NONE, AlertTriage.NONE, 0);
  }

  /** The alert with its next action due at {@code at} (an escalation deadline). */
  public static Alert dueAt(Alert a, Instant at) {
    return new Alert(a.id(), a.subject(), a.condition(), a.observationType(), a.dataCategory(), a.severity(),
        a.ruleKey(), a.rulesVersion(), a.awaitingConfirmation(), a.status(), a.raisedAt(), a.updatedAt(),
        a.evidence(), a.review(), new AlertTriage(0, 1, 1, null, at), a.version());
  }

  /** The alert resolved by the kit nurse at {@code at}. */
  public static Alert resolved(Alert a, Instant at) {
    return new Alert(a.id(), a.subject(), a.condition(), a.observationType(), a.dataCategory(), a.severity(),
        a.ruleKey(), a.rulesVersion(), a.awaitingConfirmation(), AlertStatus.RESOLVED, a.raisedAt(), at, a.evidence(),
        a.review().withResolution(NURSE, at, Resolution.ADVISED, null), new AlertTriage(0, 0, 0, null, null),
        a.version());
  }

  /** The alert's notice number {@code sequence}. */
  public static TriageNotice notice(Alert a, int sequence, NoticeReason reason) {
    return new TriageNotice(a.id(), sequence, a.subject(), a.condition(), a.observationType(), a.dataCategory(),
        a.severity(), reason, 0, a.ruleKey(), a.rulesVersion(), a.raisedAt(), a.updatedAt(), a.evidence());
  }

  /** An ongoing pregnancy (version 0) of {@code who} from {@code lmp}. */
  public static Pregnancy pregnancy(PersonId who, LocalDate lmp) {
    return Pregnancy.ongoing(PregnancyId.of(FamilySamples.newId()), who, lmp, 28, 58.0, 161.0, FamilySamples.T0);
  }

  /** A document held in the store, with the SHA-256 of {@code bytes}. */
  public static HealthDocument document(PersonId who, LocalDate date, byte[] bytes) {
    return new HealthDocument(DocumentId.of(FamilySamples.newId()), who, DocumentType.LAB_REPORT, "kit report", date,
        "application/pdf", bytes.length, sha256(bytes), null, "health.records", null, who, FamilySamples.T0);
  }

  /** A document held at an external URI. */
  public static HealthDocument external(PersonId who, LocalDate date) {
    return new HealthDocument(DocumentId.of(FamilySamples.newId()), who, DocumentType.CHECKUP_REPORT, null, date,
        "image/jpeg", 1024, "ab".repeat(32), null, "health.records", URI.create("https://oss.example.cn/kit.jpg"), who,
        FamilySamples.T0);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
