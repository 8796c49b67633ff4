package io.kinhealth.compliance;

import static io.kinhealth.compliance.Fixture.CHILD_SUBJECT;
import static io.kinhealth.compliance.Fixture.FATHER;
import static io.kinhealth.compliance.Fixture.MOTHER;
import static io.kinhealth.compliance.Fixture.MOTHER_SUBJECT;
import static io.kinhealth.compliance.Fixture.UNCLE;
import static io.kinhealth.compliance.taxonomy.StandardActions.COLLECT;
import static io.kinhealth.compliance.taxonomy.StandardActions.DISCLOSE;
import static io.kinhealth.compliance.taxonomy.StandardActions.SHARE;
import static io.kinhealth.compliance.taxonomy.StandardActions.TRANSFER_ABROAD;
import static io.kinhealth.compliance.taxonomy.StandardActions.USE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_PREGNANCY;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.compliance.taxonomy.StandardCategories.MOBILE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.PURCHASES;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.FAMILY_SHARING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.HEALTH_MONITORING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.INSURANCE_UNDERWRITING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.MARKETING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.RESEARCH;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.TREATMENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.StandardLawfulBases;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.id.OrganisationId;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.id.PractitionerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Consent decisions")
class ConsentDecisionTest {
  private final Fixture f = new Fixture();
  private final Requester platform = Requester.platform();

  @Nested
  @DisplayName("default deny")
  class DefaultDeny {
    @Test
    @DisplayName("with no consent at all, a decision is DENY citing PIPL art. 13(1)")
    void noConsentDenies() {
      ConsentDecision d = f.decide(MOTHER_SUBJECT, platform, MARKETING, USE, MOBILE);
      assertThat(d.outcome()).isEqualTo(DecisionOutcome.DENY);
      assertThat(d.primaryReason().code()).isEqualTo(DecisionReasons.NO_CONSENT);
      assertThat(d.primaryReason().toString()).startsWith("PIPL art. 13(1)");
      assertThat(d.obligations()).isEmpty();
      assertThat(d.basedOn()).isEmpty();
    }

    @Test
    @DisplayName("a purpose, category or action unknown to the vocabulary is denied, never guessed")
    void unknownCodesDeny() {
      Purpose astrology = Purpose.of("astrology", "Astrology", "星座", null);
      DataCategory aura = DataCategory.builder("aura").name("Aura", "气场").build();
      ProcessingAction sell = ProcessingAction.of("sell", "Sell", "出售", null, false);
      assertThat(f.decide(MOTHER_SUBJECT, platform, astrology, USE, MOBILE).primaryReason().code())
          .isEqualTo(DecisionReasons.UNKNOWN_PURPOSE);
      assertThat(f.decide(MOTHER_SUBJECT, platform, MARKETING, USE, aura).primaryReason().code())
          .isEqualTo(DecisionReasons.UNKNOWN_CATEGORY);
      assertThat(f.decide(MOTHER_SUBJECT, platform, MARKETING, sell, MOBILE).primaryReason().code())
          .isEqualTo(DecisionReasons.UNKNOWN_ACTION);
    }

    @Test
    @DisplayName("a consent for another purpose or another action does not permit")
    void otherPurposeOrActionDoesNotPermit() {
      f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      assertThat(f.decide(MOTHER_SUBJECT, platform, RESEARCH, USE, HEALTH_VITAL_SIGNS).isDenied()).isTrue();
      assertThat(f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, DISCLOSE, HEALTH_VITAL_SIGNS).isDenied())
          .isTrue();
    }
  }

  @Nested
  @DisplayName("separate consent (单独同意)")
  class Separate {
    @Test
    @DisplayName("a general consent permits non-sensitive data used by the platform")
    void generalConsentPermitsNonSensitive() {
      ConsentRecord c = f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.GENERAL)
          .purposes(MARKETING).categories(PURCHASES).build());
      ConsentDecision d = f.decide(MOTHER_SUBJECT, platform, MARKETING, USE, PURCHASES);
      assertThat(d.outcome()).isEqualTo(DecisionOutcome.PERMIT);
      assertThat(d.basedOn()).containsExactly(c.id());
      assertThat(d.lawfulBasis()).isEqualTo(StandardLawfulBases.CONSENT);
      assertThat(d.primaryReason().code()).isEqualTo(DecisionReasons.CONSENT_IN_FORCE);
    }

    @Test
    @DisplayName("health data needs separate consent: a separate consent permits it")
    void separateConsentPermitsHealth() {
      f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      ConsentDecision d = f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      assertThat(d.outcome()).isEqualTo(DecisionOutcome.PERMIT);
      assertThat(d.primaryReason().message()).contains("separate consent in force");
    }

    @Test
    @DisplayName("a consent for a parent category covers its children, never the other way round")
    void hierarchy() {
      f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH);
      f.separate(MOTHER_SUBJECT, RESEARCH, HEALTH_VITAL_SIGNS);
      assertThat(f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_PREGNANCY).isPermitted())
          .isTrue();
      assertThat(f.decide(MOTHER_SUBJECT, platform, RESEARCH, USE, HEALTH).isDenied()).isTrue();
    }

    @Test
    @DisplayName("every requested category must be covered: one uncovered category denies the whole request")
    void everyCategoryMustBeCovered() {
      f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      ConsentDecision d = f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS,
          HEALTH_PREGNANCY);
      assertThat(d.isDenied()).isTrue();
      assertThat(d.primaryReason().message()).contains("health.pregnancy");
    }

    @Test
    @DisplayName("disclosure needs a separate consent covering disclosure (PIPL art. 25)")
    void disclosure() {
      f.separate(MOTHER_SUBJECT, RESEARCH, HEALTH_VITAL_SIGNS);
      assertThat(f.decide(MOTHER_SUBJECT, platform, RESEARCH, DISCLOSE, HEALTH_VITAL_SIGNS).isDenied()).isTrue();
      f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.SEPARATE).purposes(RESEARCH)
          .categories(HEALTH_VITAL_SIGNS).actions(DISCLOSE).build());
      assertThat(f.decide(MOTHER_SUBJECT, platform, RESEARCH, DISCLOSE, HEALTH_VITAL_SIGNS).isPermitted()).isTrue();
    }

    @Test
    @DisplayName("transfer abroad names its recipient (PIPL art. 39): the platform itself is not a recipient")
    void transferAbroad() {
      Requester lab = Requester.organisation(OrganisationId.of("org-hk-lab"));
      f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.SEPARATE).purposes(RESEARCH)
          .categories(HEALTH_VITAL_SIGNS).actions(TRANSFER_ABROAD).recipients(lab).build());
      ConsentDecision byPlatform = f.decide(MOTHER_SUBJECT, platform, RESEARCH, TRANSFER_ABROAD, HEALTH_VITAL_SIGNS);
      assertThat(byPlatform.primaryReason().code()).isEqualTo(DecisionReasons.RECIPIENT_UNSPECIFIED);
      assertThat(byPlatform.primaryReason().citation()).isEqualTo("PIPL art. 39");
      assertThat(f.decide(MOTHER_SUBJECT, lab, RESEARCH, TRANSFER_ABROAD, HEALTH_VITAL_SIGNS).outcome())
          .isEqualTo(DecisionOutcome.PERMIT);
      assertThat(f.decide(MOTHER_SUBJECT, Requester.organisation(OrganisationId.of("org-other")), RESEARCH,
          TRANSFER_ABROAD, HEALTH_VITAL_SIGNS).primaryReason().code())
          .isEqualTo(DecisionReasons.RECIPIENT_NOT_NAMED);
    }
  }

  @Nested
  @DisplayName("relatives, practitioners and organisations")
  class Requesters {
    @Test
    @DisplayName("a relative named in a separate family-sharing consent may read; one not named may not (art. 23)")
    void relatives() {
      f.familySharing(MOTHER_SUBJECT, Requester.person(FATHER), HEALTH_VITAL_SIGNS);
      assertThat(f.decide(MOTHER_SUBJECT, Requester.person(FATHER), FAMILY_SHARING, USE, HEALTH_VITAL_SIGNS)
          .outcome()).isEqualTo(DecisionOutcome.PERMIT);
      ConsentDecision uncle = f.decide(MOTHER_SUBJECT, Requester.person(UNCLE), FAMILY_SHARING, USE,
          HEALTH_VITAL_SIGNS);
      assertThat(uncle.isDenied()).isTrue();
      assertThat(uncle.primaryReason().code()).isEqualTo(DecisionReasons.RECIPIENT_NOT_NAMED);
      assertThat(uncle.primaryReason().citation()).isEqualTo("PIPL art. 23");
    }

    @Test
    @DisplayName("a relative sees a mobile number only masked: PERMIT_WITH_OBLIGATIONS")
    void relativesGetMaskingObligations() {
      f.familySharing(MOTHER_SUBJECT, Requester.person(FATHER), HEALTH_VITAL_SIGNS, MOBILE);
      ConsentDecision d = f.decide(MOTHER_SUBJECT, Requester.person(FATHER), FAMILY_SHARING, USE,
          HEALTH_VITAL_SIGNS, MOBILE);
      assertThat(d.outcome()).isEqualTo(DecisionOutcome.PERMIT_WITH_OBLIGATIONS);
      assertThat(d.obligations()).containsExactly(new MaskingObligation(MOBILE, "mobile"));
      assertThat(d.reasons()).extracting(DecisionReason::citation).contains("GB/T 35273-2020 §7.4");
    }

    @Test
    @DisplayName("the subject always sees their own data, unmasked (art. 45)")
    void subjectAccess() {
      ConsentDecision d = f.decide(MOTHER_SUBJECT, Requester.person(MOTHER), FAMILY_SHARING, USE, MOBILE,
          HEALTH_VITAL_SIGNS);
      assertThat(d.outcome()).isEqualTo(DecisionOutcome.PERMIT);
      assertThat(d.primaryReason().citation()).isEqualTo("PIPL art. 45");
    }

    @Test
    @DisplayName("a practitioner of the processor's own organisation is not a third party; others must be named")
    void practitioners() {
      OrganisationId own = OrganisationId.of("org-own-hospital");
      OrganisationId other = OrganisationId.of("org-other-clinic");
      Fixture g = new Fixture(ConsentService.builder()
          .policy(ConsentPolicy.custom().processorOrganisation(own).build()));
      g.separate(MOTHER_SUBJECT, TREATMENT, HEALTH);
      Requester ownDoctor = Requester.practitioner(PractitionerId.of("d-1"), own);
      Requester otherDoctor = Requester.practitioner(PractitionerId.of("d-2"), other);
      assertThat(g.decide(MOTHER_SUBJECT, ownDoctor, TREATMENT, USE, HEALTH_VITAL_SIGNS).isPermitted()).isTrue();
      assertThat(g.decide(MOTHER_SUBJECT, otherDoctor, TREATMENT, USE, HEALTH_VITAL_SIGNS).primaryReason().code())
          .isEqualTo(DecisionReasons.RECIPIENT_NOT_NAMED);
      g.service.recordConsent(g.consent(MOTHER_SUBJECT).type(ConsentType.SEPARATE).purposes(TREATMENT)
          .categories(HEALTH).actions(USE, SHARE).recipients(Requester.organisation(other)).build());
      assertThat(g.decide(MOTHER_SUBJECT, otherDoctor, TREATMENT, USE, HEALTH_VITAL_SIGNS).isPermitted()).isTrue();
      assertThat(g.decide(MOTHER_SUBJECT, otherDoctor, TREATMENT, SHARE, HEALTH_VITAL_SIGNS).isPermitted())
          .isTrue();
    }
  }

  @Nested
  @DisplayName("children under 14 (PIPL art. 31), on both sides of the 14th birthday")
  class Children {
    private final Requester[] none = {};

    @Test
    @DisplayName("the day before the 14th birthday a guardian's consent permits; from the birthday it does not")
    void guardianConsentEndsAtFourteen() {
      f.guardianConsent(HEALTH_MONITORING, new ProcessingAction[] {COLLECT, USE}, none, HEALTH_VITAL_SIGNS);
      f.clock.set("2026-11-25T15:59:59Z"); // 23:59:59 on 25 November in Shanghai
      ConsentDecision before = f.decide(CHILD_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      assertThat(before.outcome()).isEqualTo(DecisionOutcome.PERMIT);
      assertThat(before.primaryReason().citation()).isEqualTo("PIPL art. 31");
      assertThat(before.primaryReason().message()).contains("guardian's");

      f.clock.set("2026-11-25T16:00:00Z"); // midnight: the 14th birthday in Shanghai, still the 25th in UTC
      ConsentDecision after = f.decide(CHILD_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      assertThat(after.isDenied()).isTrue();
      assertThat(after.primaryReason().code()).isEqualTo(DecisionReasons.GUARDIAN_CONSENT_AGED_OUT);
      assertThat(after.primaryReason().citation()).isEqualTo("PIPL art. 31");
    }

    @Test
    @DisplayName("from 14 the child's own separate consent permits")
    void ownConsentFromFourteen() {
      f.clock.set("2026-11-26T01:00:00Z");
      f.separate(CHILD_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      assertThat(f.decide(CHILD_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS).isPermitted())
          .isTrue();
    }

    @Test
    @DisplayName("under 14 even non-sensitive data needs the guardian's separate consent (art. 28)")
    void allChildDataIsSensitive() {
      ConsentDecision d = f.decide(CHILD_SUBJECT, platform, MARKETING, USE, PURCHASES);
      assertThat(d.isDenied()).isTrue();
      f.guardianConsent(FAMILY_SHARING, new ProcessingAction[] {USE}, new Requester[] {Requester.person(FATHER)},
          PURCHASES);
      ConsentDecision father = f.decide(CHILD_SUBJECT, Requester.person(FATHER), FAMILY_SHARING, USE, PURCHASES);
      assertThat(father.isPermitted()).isTrue();
    }

    @Test
    @DisplayName("a subject whose age is unknown is denied by default, and decided normally when the host opts in")
    void unknownAge() {
      DataSubject unknown = DataSubject.ageUnknown(PersonId.of("p-unknown"));
      f.separate(unknown, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      ConsentDecision d = f.decide(unknown, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      assertThat(d.primaryReason().code()).isEqualTo(DecisionReasons.AGE_UNKNOWN);

      Fixture g = new Fixture(ConsentService.builder().policy(ConsentPolicy.custom()
          .unknownAgeRule(UnknownAgeRule.ASSUME_AT_LEAST_CONSENT_AGE).build()));
      g.separate(unknown, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      assertThat(g.decide(unknown, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS).isPermitted()).isTrue();
    }

    @Test
    @DisplayName("a subject built from a resident id gets the birth date from it")
    void residentId() {
      String first17 = "11010520121126123";
      DataSubject s = DataSubject.withResidentId(PersonId.of("p-rid"),
          first17 + io.kinhealth.core.id.ResidentIdNumber.checkCharacterFor(first17));
      assertThat(s.birthDate()).isEqualTo(CHILD_SUBJECT.birthDate());
      assertThat(s.toString()).doesNotContain("2012");
    }
  }

  @Nested
  @DisplayName("deny beats permit")
  class DenyBeatsPermit {
    @Test
    @DisplayName("an active refusal wins over a grant for the same purpose and data")
    void refusalWins() {
      f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.GENERAL).purposes(MARKETING)
          .categories(MOBILE).build());
      assertThat(f.decide(MOTHER_SUBJECT, platform, MARKETING, USE, MOBILE).isPermitted()).isTrue();
      f.service.recordConsent(f.consent(MOTHER_SUBJECT).refused().type(ConsentType.GENERAL).purposes(MARKETING)
          .categories(Vocabulary.standard().requireCategory("contact")).build());
      ConsentDecision d = f.decide(MOTHER_SUBJECT, platform, MARKETING, USE, MOBILE);
      assertThat(d.isDenied()).isTrue();
      assertThat(d.primaryReason().code()).isEqualTo(DecisionReasons.REFUSED);
      assertThat(d.primaryReason().citation()).contains("art. 24");
    }

    @Test
    @DisplayName("an error while deciding denies, and is not cached")
    void errorDenies() {
      FlakyConsentStore store = new FlakyConsentStore();
      Fixture g = new Fixture(ConsentService.builder().consentStore(store));
      g.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      store.failReads = true;
      ConsentDecision d = g.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      assertThat(d.isDenied()).isTrue();
      assertThat(d.primaryReason().code()).isEqualTo(DecisionReasons.ERROR);
      store.failReads = false;
      assertThat(g.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS).isPermitted())
          .isTrue();
    }
  }

  @Nested
  @DisplayName("notices, expiry and lawful bases")
  class Lifecycle {
    @Test
    @DisplayName("a notice changing its purposes makes older consents stale (art. 14); an editorial change does not")
    void staleNotice() {
      f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      var c = Fixture.content(Set.of());
      f.service.publishNotice(new PublishNotice(f.key(), Fixture.NOTICE, new io.kinhealth.compliance.notice
          .NoticeContent(c.processorName(), c.processorContact(), c.purposes(), c.categories(), c.actions(),
          c.recipients(), c.retention(), c.rightsHowTo(), c.sensitiveNecessity(), c.language(), "错别字已更正")));
      assertThat(f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS))
          .extracting(ConsentDecision::outcome).isEqualTo(DecisionOutcome.PERMIT);
      f.service.publishNotice(new PublishNotice(f.key(), Fixture.NOTICE,
          withoutPurpose(c, INSURANCE_UNDERWRITING)));
      ConsentDecision d = f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      assertThat(d.isDenied()).isTrue();
      assertThat(d.primaryReason().code()).isEqualTo(DecisionReasons.CONSENT_STALE);
      assertThat(d.primaryReason().citation()).isEqualTo("PIPL art. 14");
    }

    @Test
    @DisplayName("a cached permit ends exactly when the consent expires")
    void expiry() {
      Instant expiry = f.clock.instant().plus(Duration.ofDays(30));
      f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.SEPARATE).purposes(HEALTH_MONITORING)
          .categories(HEALTH_VITAL_SIGNS).expiresAt(expiry).build());
      assertThat(f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS).isPermitted())
          .isTrue();
      f.clock.set(expiry.minusMillis(1));
      assertThat(f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS).isPermitted())
          .isTrue();
      f.clock.set(expiry);
      ConsentDecision d = f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      assertThat(d.isDenied()).isTrue();
      assertThat(d.primaryReason().code()).isEqualTo(DecisionReasons.CONSENT_EXPIRED);
    }

    @Test
    @DisplayName("a configured non-consent basis permits without consent and cites its item of art. 13")
    void nonConsentBasis() {
      Fixture g = new Fixture(ConsentService.builder().policy(ConsentPolicy.custom()
          .lawfulBasis(new LawfulBasisRule(TREATMENT, StandardLawfulBases.CONTRACT, Set.of(COLLECT, USE),
              "the patient booked the consultation"))
          .build()));
      ConsentDecision d = g.decide(CHILD_SUBJECT, platform, TREATMENT, USE, HEALTH_VITAL_SIGNS);
      assertThat(d.outcome()).isEqualTo(DecisionOutcome.PERMIT);
      assertThat(d.lawfulBasis()).isEqualTo(StandardLawfulBases.CONTRACT);
      assertThat(d.primaryReason().citation()).isEqualTo("PIPL art. 13(2)");
      assertThat(g.decide(CHILD_SUBJECT, platform, TREATMENT, DISCLOSE, HEALTH_VITAL_SIGNS).isDenied()).isTrue();
    }
  }

  @Nested
  @DisplayName("withdrawal and the decision cache")
  class Withdrawal {
    @Test
    @DisplayName("a cached decision is reused, and a withdrawal is honoured by the very next decision")
    void withdrawalHonouredAtOnce() {
      ConsentRecord c = f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      ConsentDecision first = f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      ConsentDecision second = f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      assertThat(second).isSameAs(first);
      f.service.withdrawConsent(WithdrawConsent.of(f.key(), c.id(), MOTHER, ConsentChannel.APP));
      ConsentDecision after = f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
      assertThat(after.isDenied()).isTrue();
    }

    @Test
    @DisplayName("another node drops its cached decision when the withdrawal event reaches its bus")
    void otherNodeHonoursTheEvent() {
      var consents = new io.kinhealth.compliance.memory.InMemoryConsentStore();
      var notices = new io.kinhealth.compliance.memory.InMemoryNoticeStore();
      var audit = new io.kinhealth.compliance.memory.InMemoryAuditStore();
      var busA = new io.kinhealth.core.memory.InMemoryEventBus();
      var busB = new io.kinhealth.core.memory.InMemoryEventBus();
      Fixture a = new Fixture(ConsentService.builder().consentStore(consents).noticeStore(notices)
          .auditStore(audit).eventBus(busA));
      ConsentService b = ConsentService.builder().clock(a.clock).consentStore(consents).noticeStore(notices)
          .auditStore(audit).eventBus(busB).build();
      ConsentRecord c = a.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      DecisionRequest q = DecisionRequest.of(MOTHER_SUBJECT, platform, HEALTH_MONITORING, HEALTH_VITAL_SIGNS, USE);
      assertThat(b.decide(q).isPermitted()).isTrue();
      busA.subscribe(ComplianceEvent.class, busB::publish); // the host's forwarding between nodes
      a.service.withdrawConsent(WithdrawConsent.of(a.key(), c.id(), MOTHER, ConsentChannel.WECHAT_MINI_PROGRAM));
      assertThat(b.decide(q).isDenied()).isTrue();
    }

    @Test
    @DisplayName("a new consent is honoured by the next decision even after a cached deny")
    void newConsentHonouredAtOnce() {
      assertThat(f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS).isDenied()).isTrue();
      f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      assertThat(f.decide(MOTHER_SUBJECT, platform, HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS).isPermitted())
          .isTrue();
    }
  }

  private static io.kinhealth.compliance.notice.NoticeContent withoutPurpose(
      io.kinhealth.compliance.notice.NoticeContent c, Purpose dropped) {
    Set<Purpose> purposes = new java.util.HashSet<>(c.purposes());
    purposes.remove(dropped);
    return new io.kinhealth.compliance.notice.NoticeContent(c.processorName(), c.processorContact(), purposes,
        c.categories(), c.actions(), c.recipients(), c.retention(), c.rightsHowTo(), c.sensitiveNecessity(),
        c.language(), c.text());
  }
}
