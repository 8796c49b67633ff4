package io.kinhealth.examples.quickstart;

import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_PREGNANCY;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.compliance.taxonomy.StandardCategories.MOBILE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.NAME;
import static io.kinhealth.compliance.taxonomy.StandardCategories.PURCHASES;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.FAMILY_SHARING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.HEALTH_MONITORING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.MARKETING;

import io.kinhealth.compliance.ConsentDecision;
import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.DataSubject;
import io.kinhealth.compliance.PublishNotice;
import io.kinhealth.compliance.RecordConsent;
import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.WithdrawConsent;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.consent.GuardianRelationship;
import io.kinhealth.compliance.consent.GuardianVerification;
import io.kinhealth.compliance.fhir.FhirConsentExporter;
import io.kinhealth.compliance.masking.Masks;
import io.kinhealth.compliance.minimisation.MinimisationPolicy;
import io.kinhealth.compliance.minimisation.Minimiser;
import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Chapter 2: PIPL consent — a notice, a mother's separate consent for her health data, a guardian's consent for her
 * 10-year-old, a denied marketing use, a withdrawal honoured at once, and a masked export.
 */
final class ComplianceChapter {
  private final PrintStream out;

  ComplianceChapter(PrintStream out) {
    this.out = out;
  }

  void run() {
    out.println();
    out.println("2. Consent and minimisation (kinhealth-compliance)");
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
    ConsentService consents = ConsentService.builder().clock(clock).build();

    Vocabulary v = Vocabulary.standard();
    PrivacyNotice notice = consents.publishNotice(new PublishNotice(IdempotencyKey.of("notice-1"),
        NoticeId.of("family-health-app"), new NoticeContent("KinHealth 家庭健康", "privacy@example.cn",
            new HashSet<>(v.purposes()), Set.of(StandardCategories.HEALTH, StandardCategories.CONTACT,
                StandardCategories.IDENTITY, StandardCategories.BEHAVIOR),
            new HashSet<>(v.actions()), Set.of(), "while the account is open, then 3 years",
            "Me > Privacy > My data", "readings are needed to show trends and flag pregnancy risks", "zh-CN",
            "隐私政策全文 …")));
    out.println("   notice " + notice.id() + " v" + notice.version() + " published, sha256 "
        + notice.sha256().substring(0, 12) + "…");

    PersonId motherId = PersonId.of("p-mother");
    PersonId fatherId = PersonId.of("p-father");
    DataSubject mother = DataSubject.of(motherId, LocalDate.of(1994, 6, 1));
    DataSubject daughter = DataSubject.of(PersonId.of("p-daughter"), LocalDate.of(2016, 5, 20));

    ConsentRecord health = consents.recordConsent(RecordConsent.builder(IdempotencyKey.of("c-1"), mother)
        .type(ConsentType.SEPARATE).purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS, HEALTH_PREGNANCY)
        .notice(notice.reference()).channel(ConsentChannel.WECHAT_MINI_PROGRAM).grantedAt(clock.instant())
        .build());
    ConsentDecision monitor = consents.decide(mother, Requester.platform(), HEALTH_MONITORING,
        Set.of(HEALTH_PREGNANCY), StandardActions.USE);
    out.println("   mother's separate consent to pregnancy monitoring -> " + monitor.outcome() + ": "
        + monitor.primaryReason());

    consents.recordConsent(RecordConsent.builder(IdempotencyKey.of("c-2"), daughter)
        .grantedByGuardian(motherId, GuardianRelationship.MOTHER, GuardianVerification.HOUSEHOLD_REGISTER)
        .purposes(FAMILY_SHARING).categories(HEALTH_VITAL_SIGNS, MOBILE, NAME).actions(StandardActions.USE)
        .recipients(Requester.person(fatherId)).notice(notice.reference()).channel(ConsentChannel.APP)
        .grantedAt(clock.instant()).build());
    ConsentDecision fatherReads = consents.decide(daughter, Requester.person(fatherId), FAMILY_SHARING,
        Set.of(HEALTH_VITAL_SIGNS, MOBILE, NAME), StandardActions.USE);
    out.println("   the 10-year-old's records, guardian consent by her mother; father reads -> "
        + fatherReads.outcome() + " (" + fatherReads.primaryReason().citation() + "), mask "
        + fatherReads.obligations());
    ConsentDecision ownConsentTooYoung = consents.decide(daughter, Requester.person(PersonId.of("p-aunt")),
        FAMILY_SHARING, Set.of(HEALTH_VITAL_SIGNS), StandardActions.USE);
    out.println("   an aunt not named in the consent -> " + ownConsentTooYoung.outcome() + ": "
        + ownConsentTooYoung.primaryReason());

    consents.recordConsent(RecordConsent.builder(IdempotencyKey.of("c-3"), mother).refused()
        .type(ConsentType.GENERAL).purposes(MARKETING).categories(MOBILE, PURCHASES)
        .notice(notice.reference()).channel(ConsentChannel.APP).grantedAt(clock.instant()).build());
    ConsentDecision marketing = consents.decide(mother, Requester.platform(), MARKETING, Set.of(MOBILE),
        StandardActions.USE);
    out.println("   marketing SMS to the mother -> " + marketing.outcome() + ": " + marketing.primaryReason());

    consents.withdrawConsent(WithdrawConsent.of(IdempotencyKey.of("w-1"), health.id(), motherId,
        ConsentChannel.WECHAT_MINI_PROGRAM));
    ConsentDecision afterWithdrawal = consents.decide(mother, Requester.platform(), HEALTH_MONITORING,
        Set.of(HEALTH_PREGNANCY), StandardActions.USE);
    out.println("   she withdraws in one tap; the very next decision -> " + afterWithdrawal.outcome() + ": "
        + afterWithdrawal.primaryReason());

    Minimiser minimiser = Minimiser.of(MinimisationPolicy.builder("family-view/1").purpose(FAMILY_SHARING)
        .field("name", NAME, Masks.name())
        .field("mobile", MOBILE, Masks.keep())
        .field("temperature", HEALTH_VITAL_SIGNS, Masks.keep())
        .build());
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", "段小满");
    record.put("mobile", "18012341999");
    record.put("residentId", "110105201605201234");
    record.put("temperature", 37.9);
    record.put("diary", "…");
    out.println("   what the father's app receives: " + minimiser.minimise(fatherReads, record));

    String fhir = new FhirConsentExporter().toJson(consents.findConsent(health.id()).orElseThrow());
    out.println("   the withdrawn consent as FHIR R4: " + (fhir.contains("\"status\" : \"inactive\"")
        ? "Consent, status inactive, provision permit" : "Consent, still active") + " (" + fhir.length() + " bytes of JSON)");
    out.println("   " + consents.auditLog().verify().description());
  }
}
