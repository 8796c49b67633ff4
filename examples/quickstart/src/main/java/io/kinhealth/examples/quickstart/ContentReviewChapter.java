package io.kinhealth.examples.quickstart;

import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.DataSubject;
import io.kinhealth.compliance.PublishNotice;
import io.kinhealth.compliance.RecordConsent;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.content.AdFinding;
import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.content.ContentReview;
import io.kinhealth.compliance.content.ContentReviewer;
import io.kinhealth.compliance.marketing.GateDecision;
import io.kinhealth.compliance.marketing.GateReason;
import io.kinhealth.compliance.marketing.MarketingGate;
import io.kinhealth.compliance.marketing.MarketingMessage;
import io.kinhealth.compliance.marketing.MarketingMessageId;
import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * Chapter: marketing copy reviewed against medical-advertising law, and the gate every marketing message passes —
 * blocked at 22:30, allowed the next morning.
 */
final class ContentReviewChapter {
  private final PrintStream out;

  ContentReviewChapter(PrintStream out) {
    this.out = out;
  }

  void run() {
    out.println();
    out.println("3. Marketing copy review and the marketing gate (kinhealth-compliance)");

    ContentReviewer reviewer = ContentReviewer.ofDefaults();
    out.println("   rule book " + reviewer.ruleBook().version() + ", " + reviewer.ruleBook().rules().size() + " rules");
    show(reviewer, "clean", "本院口腔科新增周末门诊，欢迎预约。");
    show(reviewer, "cure rate", "我院治疗腰椎间盘突出，临床总有效率达98.6%！");
    show(reviewer, "near miss", "请携带有效证件，第一次就诊请到1号诊室；高血压目前无法根治，请遵医嘱服药。");

    SettableClock clock = new SettableClock(shanghai(2026, 11, 25, 22, 30));
    ConsentService consents = ConsentService.builder().clock(clock).build();
    PrivacyNotice notice = consents.publishNotice(new PublishNotice(IdempotencyKey.of("notice-1"),
        NoticeId.of("clinic-privacy"), noticeContent()));
    DataSubject member = DataSubject.of(PersonId.of("p-member-7"), LocalDate.of(1986, 4, 2));
    consents.recordConsent(RecordConsent.builder(IdempotencyKey.of("consent-1"), member)
        .type(ConsentType.GENERAL).purposes(StandardPurposes.MARKETING).categories(StandardCategories.CONTACT)
        .notice(notice.reference()).channel(ConsentChannel.APP).grantedAt(clock.instant()).build());
    MarketingGate gate = MarketingGate.builder(consents).clock(clock).build();

    String sms = "【XX口腔】冬季洗牙季，预约享8折，详询前台。回T退订";
    GateDecision night = gate.check(MarketingMessage.of(MarketingMessageId.of("msg-1001"), member,
        ContentChannel.SMS, sms));
    out.println("   SMS at 22:30 Shanghai: " + night.outcome() + " " + night.reasons().stream()
        .map(GateReason::detail).toList() + "; retry at " + night.retryAt().map(i -> i.atZone(Zones.CHINA)
        .toLocalDateTime().toString()).orElse("-"));

    clock.set(shanghai(2026, 11, 26, 8, 30));
    GateDecision morning = gate.check(MarketingMessage.of(MarketingMessageId.of("msg-1002"), member,
        ContentChannel.SMS, sms));
    out.println("   the same SMS at 08:30 the next morning: " + morning.outcome() + " (consent "
        + morning.consentOutcome() + ", audited as " + MarketingGate.AUDIT_TYPE + ")");
  }

  private void show(ContentReviewer reviewer, String label, String text) {
    ContentReview review = reviewer.review(text, ContentChannel.WECHAT_OFFICIAL_ACCOUNT);
    out.println("   " + label + ": \"" + text + "\" -> " + (review.violates() ? "VIOLATES" : "passes"));
    for (AdFinding f : review.findings()) {
      out.println("      " + f.ruleId() + " [" + f.start() + "," + f.end() + ") \"" + f.excerpt() + "\" — "
          + f.article());
      out.println("      suggestion: " + f.suggestion());
    }
  }

  private static NoticeContent noticeContent() {
    Vocabulary v = Vocabulary.standard();
    Set<DataCategory> top = new HashSet<>();
    for (DataCategory c : v.categories()) {
      if (c.parentCode().isEmpty()) {
        top.add(c);
      }
    }
    return new NoticeContent("XX口腔诊所", "privacy@example.cn", new HashSet<>(v.purposes()), top,
        new HashSet<>(v.actions()), Set.of(), "while subscribed", "Me > Privacy", "to send offers you asked for",
        "zh-CN", "营销推送隐私说明 v1");
  }

  private static Instant shanghai(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(Zones.CHINA).toInstant();
  }

  /** A clock the story moves by hand. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant value) {
      now = value;
    }

    @Override
    public ZoneId getZone() {
      return Zones.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
