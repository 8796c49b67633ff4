package io.kinhealth.compliance;

import static io.kinhealth.compliance.taxonomy.StandardPurposes.FAMILY_SHARING;

import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.consent.GuardianRelationship;
import io.kinhealth.compliance.consent.GuardianVerification;
import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A consent service on in-memory defaults with a published notice, a mutable clock and a few people. */
final class Fixture {
  /** 2026-11-25 10:00 in Shanghai. */
  static final String START = "2026-11-25T02:00:00Z";
  static final NoticeId NOTICE = NoticeId.of("app-privacy");
  static final PersonId MOTHER = PersonId.of("p-mother");
  static final PersonId FATHER = PersonId.of("p-father");
  static final PersonId UNCLE = PersonId.of("p-uncle");
  static final PersonId CHILD = PersonId.of("p-child");
  /** Born 1990: an adult. */
  static final DataSubject MOTHER_SUBJECT = DataSubject.of(MOTHER, LocalDate.of(1990, 3, 8));
  /** Turns 14 on 2026-11-26 (Shanghai calendar): 13 years old at the start. */
  static final DataSubject CHILD_SUBJECT = DataSubject.of(CHILD, LocalDate.of(2012, 11, 26));

  final MutableClock clock = MutableClock.at(START);
  final ConsentService service;
  final PrivacyNotice notice;
  private final AtomicInteger keys = new AtomicInteger();

  Fixture() {
    this(ConsentService.builder());
  }

  Fixture(ConsentService.Builder builder) {
    this.service = builder.clock(clock).build();
    this.notice = service.publishNotice(new PublishNotice(key(), NOTICE, content(Set.of())));
  }

  static NoticeContent content(Set<Purpose> extraPurposes) {
    Vocabulary v = Vocabulary.standard();
    Set<Purpose> purposes = new HashSet<>(v.purposes());
    purposes.addAll(extraPurposes);
    Set<DataCategory> top = new HashSet<>();
    for (DataCategory c : v.categories()) {
      if (c.parentCode().isEmpty()) {
        top.add(c);
      }
    }
    return new NoticeContent("KinHealth 示例平台", "privacy@example.cn, 400-000-0000", purposes, top,
        new HashSet<>(v.actions()), Set.of(), "kept while the account is open and 3 years after",
        "in the app: Me > Privacy > My data; or write to privacy@example.cn",
        "health data is needed to show readings and flag risk", "zh-CN", "完整的隐私政策文本 v1");
  }

  IdempotencyKey key() {
    return IdempotencyKey.of("k-" + keys.incrementAndGet());
  }

  RecordConsent.Builder consent(DataSubject subject) {
    return RecordConsent.builder(key(), subject).notice(notice.reference()).channel(ConsentChannel.APP)
        .grantedAt(clock.instant());
  }

  ConsentRecord separate(DataSubject subject, Purpose purpose, DataCategory... categories) {
    return service.recordConsent(consent(subject).type(ConsentType.SEPARATE).purposes(purpose)
        .categories(categories).build());
  }

  ConsentRecord separateWith(io.kinhealth.compliance.notice.NoticeReference ref) {
    return service.recordConsent(consent(MOTHER_SUBJECT).notice(ref).type(ConsentType.SEPARATE)
        .purposes(io.kinhealth.compliance.taxonomy.StandardPurposes.HEALTH_MONITORING)
        .categories(StandardCategories.HEALTH_VITAL_SIGNS).build());
  }

  ConsentRecord guardianConsent(Purpose purpose, ProcessingAction[] actions, Requester[] recipients,
      DataCategory... categories) {
    return service.recordConsent(consent(CHILD_SUBJECT)
        .grantedByGuardian(MOTHER, GuardianRelationship.MOTHER, GuardianVerification.HOUSEHOLD_REGISTER)
        .purposes(purpose).categories(categories).actions(actions).recipients(recipients).build());
  }

  ConsentRecord familySharing(DataSubject subject, Requester recipient, DataCategory... categories) {
    return service.recordConsent(consent(subject).type(ConsentType.SEPARATE).purposes(FAMILY_SHARING)
        .categories(categories).recipients(recipient).build());
  }

  ConsentDecision decide(DataSubject subject, Requester requester, Purpose purpose, ProcessingAction action,
      DataCategory... categories) {
    return service.decide(subject, requester, purpose, Set.of(categories), action);
  }

  static DataCategory[] health() {
    return new DataCategory[] {StandardCategories.HEALTH_VITAL_SIGNS};
  }
}
