package io.kinhealth.compliance.marketing;

import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.DataSubject;
import io.kinhealth.compliance.PublishNotice;
import io.kinhealth.compliance.RecordConsent;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.spi.AuditStore;
import io.kinhealth.compliance.memory.InMemoryAuditStore;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.compliance.MutableClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A consent service with a published notice, a marketing gate on in-memory defaults and a clock set in Shanghai. */
final class GateFixture {
  static final PersonId ALICE = PersonId.of("p-alice");
  static final DataSubject ALICE_SUBJECT = DataSubject.of(ALICE, LocalDate.of(1988, 5, 20));
  static final PersonId BOB = PersonId.of("p-bob");
  static final DataSubject BOB_SUBJECT = DataSubject.of(BOB, LocalDate.of(1979, 1, 2));
  static final String CLEAN_SMS = "【XX口腔】冬季洗牙季，预约享8折，详询前台。回T退订";
  static final String CLEAN_POST = "本院口腔科新增周末门诊，欢迎预约。";

  final MutableClock clock = new MutableClock(shanghai(2026, 11, 25, 10, 0).toInstant());
  final ConsentService consents;
  final PrivacyNotice notice;
  final MarketingGate gate;
  private final AtomicInteger keys = new AtomicInteger();
  private final AtomicInteger messages = new AtomicInteger();

  GateFixture() {
    this(new InMemoryAuditStore(), b -> b);
  }

  GateFixture(AuditStore auditStore, UnaryOperator<MarketingGate.Builder> gateSettings) {
    consents = ConsentService.builder().clock(clock).auditStore(auditStore).build();
    notice = consents.publishNotice(new PublishNotice(key(), NoticeId.of("app-privacy"), noticeContent()));
    gate = gateSettings.apply(MarketingGate.builder(consents).clock(clock)).build();
  }

  static java.time.ZonedDateTime shanghai(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(Zones.CHINA);
  }

  static NoticeContent noticeContent() {
    Vocabulary v = Vocabulary.standard();
    Set<DataCategory> top = new HashSet<>();
    for (DataCategory c : v.categories()) {
      if (c.parentCode().isEmpty()) {
        top.add(c);
      }
    }
    return new NoticeContent("KinHealth 示例诊所", "privacy@example.cn", new HashSet<>(v.purposes()), top,
        new HashSet<>(v.actions()), Set.of(), "while subscribed", "Me > Privacy", "to send offers you asked for",
        "zh-CN", "营销推送隐私说明 v1");
  }

  IdempotencyKey key() {
    return IdempotencyKey.of("k-" + keys.incrementAndGet());
  }

  MarketingMessageId nextId() {
    return MarketingMessageId.of("msg-" + messages.incrementAndGet());
  }

  /** A general consent to marketing through contact details and accounts (and optionally more categories). */
  void consentToMarketing(DataSubject subject, DataCategory... extra) {
    Set<DataCategory> categories = new HashSet<>(Set.of(StandardCategories.CONTACT, StandardCategories.IDENTITY,
        StandardCategories.DEVICE));
    categories.addAll(Set.of(extra));
    consents.recordConsent(RecordConsent.builder(key(), subject).type(ConsentType.GENERAL)
        .purposes(StandardPurposes.MARKETING).categories(categories.toArray(DataCategory[]::new))
        .notice(notice.reference()).channel(ConsentChannel.APP).grantedAt(clock.instant()).build());
  }

  /** The person refuses marketing (PIPL art. 24): a refusal beats any grant. */
  void refuseMarketing(DataSubject subject) {
    consents.recordConsent(RecordConsent.builder(key(), subject).type(ConsentType.GENERAL).refused()
        .purposes(StandardPurposes.MARKETING).categories(StandardCategories.CONTACT, StandardCategories.IDENTITY)
        .notice(notice.reference()).channel(ConsentChannel.APP).grantedAt(clock.instant()).build());
  }

  MarketingMessage sms(DataSubject to, String text) {
    return MarketingMessage.of(nextId(), to, ContentChannel.SMS, text);
  }

  MarketingMessage post(DataSubject to, String text) {
    return MarketingMessage.of(nextId(), to, ContentChannel.WECHAT_OFFICIAL_ACCOUNT, text);
  }
}
