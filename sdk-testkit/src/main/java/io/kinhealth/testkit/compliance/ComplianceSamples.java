package io.kinhealth.testkit.compliance;

import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.compliance.audit.AuditRecord;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentChoice;
import io.kinhealth.compliance.consent.ConsentGrant;
import io.kinhealth.compliance.consent.ConsentId;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.consent.Grantor;
import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.NoticeReference;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.core.id.PersonId;
import java.time.Instant;
import java.util.Set;

/** Sample compliance values for contract kits and host tests: valid, distinct, free of real personal data. */
public final class ComplianceSamples {
  private ComplianceSamples() {}

  public static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

  /** A notice content; {@code text} makes contents distinct. */
  public static NoticeContent noticeContent(String text) {
    return new NoticeContent("示例平台", "privacy@example.cn", Set.of(StandardPurposes.HEALTH_MONITORING,
        StandardPurposes.FAMILY_SHARING), Set.of(StandardCategories.HEALTH, StandardCategories.CONTACT),
        Set.of(StandardActions.COLLECT, StandardActions.USE), Set.of(), "3 years", "Me > Privacy",
        "to show readings", "zh-CN", text);
  }

  /** A separate consent of {@code subject} to health monitoring of vital signs, given at {@code at}. */
  public static ConsentGrant grant(PersonId subject, Instant at) {
    return new ConsentGrant(subject, Grantor.subject(subject), ConsentChoice.GRANTED, ConsentType.SEPARATE,
        Set.of(StandardPurposes.HEALTH_MONITORING), Set.of(StandardCategories.HEALTH_VITAL_SIGNS),
        Set.of(StandardActions.COLLECT, StandardActions.USE), Set.of(Requester.platform()),
        new NoticeReference(NoticeId.of("kit-notice"), 1, "0".repeat(64)), ConsentChannel.APP, at, null, null);
  }

  public static ConsentRecord consent(String id, PersonId subject, Instant at) {
    return ConsentRecord.recorded(ConsentId.of(id), grant(subject, at), at);
  }

  public static PrivacyNotice notice(NoticeId id, String text) {
    return PrivacyNotice.first(id, noticeContent(text), T0);
  }

  public static AuditRecord auditRecord(String subject, int n) {
    return AuditRecord.of("kit.event", subject == null ? null : PersonId.of(subject))
        .withAttribute("n", Integer.toString(n));
  }

  /** The entry that follows {@code previous} (null for the first). */
  public static AuditEntry next(AuditEntry previous, AuditRecord record) {
    return AuditEntry.chain(previous, record, T0.plusSeconds(previous == null ? 0 : previous.sequence()));
  }
}
