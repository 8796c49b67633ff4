package io.kinhealth.compliance;

import static io.kinhealth.compliance.Fixture.CHILD;
import static io.kinhealth.compliance.Fixture.CHILD_SUBJECT;
import static io.kinhealth.compliance.Fixture.FATHER;
import static io.kinhealth.compliance.Fixture.MOTHER;
import static io.kinhealth.compliance.Fixture.MOTHER_SUBJECT;
import static io.kinhealth.compliance.Fixture.UNCLE;
import static io.kinhealth.compliance.taxonomy.StandardActions.SHARE;
import static io.kinhealth.compliance.taxonomy.StandardActions.USE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.compliance.taxonomy.StandardCategories.MOBILE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.PURCHASES;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.HEALTH_MONITORING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.MARKETING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.RESEARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.compliance.audit.AuditEntryTypes;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentStatus;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.consent.ConsentWithdrawn;
import io.kinhealth.compliance.consent.GuardianRelationship;
import io.kinhealth.compliance.consent.GuardianVerification;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.NoticeReference;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.error.ErrorCode;
import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.spi.PageRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Recording and withdrawing consent")
class ConsentRecordingTest {
  private final Fixture f = new Fixture();

  private List<String> reasonsOf(Runnable call) {
    try {
      call.run();
    } catch (ValidationException e) {
      return e.violations().stream().map(FieldViolation::reason).toList();
    }
    throw new AssertionError("expected a ValidationException");
  }

  private long auditSize() {
    return f.service.auditLog().checkpoint().map(c -> c.sequence()).orElse(0L);
  }

  private long consentCount(PersonId subject) {
    return f.service.consentsOf(subject, PageRequest.first(100)).items().size();
  }

  @Nested
  @DisplayName("bad input is a clear validation error and nothing is written")
  class BadInput {
    @Test
    @DisplayName("bundling health data into a general consent is rejected citing art. 29")
    void bundlingRejected() {
      long before = auditSize();
      ValidationException e = (ValidationException) org.assertj.core.api.Assertions.catchThrowable(() ->
          f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.GENERAL)
              .purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS, MOBILE).build()));
      assertThat(e.reason()).isEqualTo("consent.bundled_sensitive");
      assertThat(e.getMessage()).contains("PIPL art. 29").contains("health.vital_signs");
      assertThat(consentCount(MOTHER)).isZero();
      assertThat(auditSize()).isEqualTo(before);
    }

    @Test
    @DisplayName("sharing in a general consent is rejected (art. 23), and a share names its recipient")
    void sharingNeedsSeparateConsentAndRecipient() {
      assertThat(reasonsOf(() -> f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.GENERAL)
          .purposes(MARKETING).categories(PURCHASES).actions(SHARE).build())))
          .contains("consent.bundled_sensitive", "consent.recipient_required");
    }

    @Test
    @DisplayName("a separate consent covers one purpose")
    void separateIsForOnePurpose() {
      assertThat(reasonsOf(() -> f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.SEPARATE)
          .purposes(HEALTH_MONITORING, RESEARCH).categories(HEALTH_VITAL_SIGNS).build())))
          .containsExactly("consent.separate_bundles_purposes");
    }

    @Test
    @DisplayName("a child under 14 cannot consent for themself; a guardian cannot consent for 14-17s or adults")
    void guardianship() {
      assertThat(reasonsOf(() -> f.separate(CHILD_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS)))
          .containsExactly("consent.guardian_required");
      assertThat(reasonsOf(() -> f.service.recordConsent(f.consent(MOTHER_SUBJECT)
          .grantedByGuardian(FATHER, GuardianRelationship.FATHER, GuardianVerification.HOUSEHOLD_REGISTER)
          .purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS).build())))
          .containsExactly("consent.guardian_for_adult");
      DataSubject fifteen = DataSubject.of(PersonId.of("p-teen"), LocalDate.of(2011, 5, 1));
      assertThat(reasonsOf(() -> f.service.recordConsent(f.consent(fifteen)
          .grantedByGuardian(FATHER, GuardianRelationship.FATHER, GuardianVerification.HOUSEHOLD_REGISTER)
          .purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS).build())))
          .containsExactly("consent.guardian_not_needed");
      assertThat(reasonsOf(() -> f.service.recordConsent(f.consent(DataSubject.ageUnknown(CHILD))
          .grantedByGuardian(MOTHER, GuardianRelationship.MOTHER, GuardianVerification.BIRTH_CERTIFICATE)
          .purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS).build())))
          .containsExactly("consent.subject_age_unknown");
      assertThat(reasonsOf(() -> f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.GUARDIAN)
          .purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS).build())))
          .containsExactly("consent.guardian_type_mismatch");
    }

    @Test
    @DisplayName("consent needs a published, current notice with a matching hash that names what is consented to")
    void notice() {
      assertThat(reasonsOf(() -> f.separateWith(new NoticeReference(NoticeId.of("nope"), 1, "a".repeat(64)))))
          .containsExactly("consent.notice_not_found");
      assertThat(reasonsOf(() -> f.separateWith(new NoticeReference(Fixture.NOTICE, 1, "b".repeat(64)))))
          .containsExactly("consent.notice_hash_mismatch");
      Purpose coaching = Purpose.of("coaching", "Coaching", "健康教练", null);
      ConsentService custom = ConsentService.builder().clock(f.clock).vocabulary(
          io.kinhealth.compliance.taxonomy.Vocabulary.builder()
              .addAll(io.kinhealth.compliance.taxonomy.Vocabulary.standard()).purpose(coaching).build()).build();
      var n = custom.publishNotice(new PublishNotice(f.key(), Fixture.NOTICE, Fixture.content(java.util.Set.of())));
      assertThat(reasonsOf(() -> custom.recordConsent(f.consent(MOTHER_SUBJECT).notice(n.reference())
          .type(ConsentType.SEPARATE).purposes(coaching).categories(HEALTH_VITAL_SIGNS).build())))
          .containsExactly("consent.outside_notice");
      custom.publishNotice(new PublishNotice(f.key(), Fixture.NOTICE, Fixture.content(java.util.Set.of(coaching))));
      assertThat(reasonsOf(() -> custom.recordConsent(f.consent(MOTHER_SUBJECT).notice(n.reference())
          .type(ConsentType.SEPARATE).purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS).build())))
          .containsExactly("consent.notice_outdated");
    }

    @Test
    @DisplayName("an unknown purpose, an expiry in the past or a grant from the future is rejected")
    void timesAndCodes() {
      assertThat(reasonsOf(() -> f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.SEPARATE)
          .purposes(Purpose.of("astrology", "Astrology", null, null)).categories(HEALTH_VITAL_SIGNS).build())))
          .containsExactly("purpose.unknown");
      f.clock.advance(Duration.ofDays(1));
      assertThat(reasonsOf(() -> f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.SEPARATE)
          .purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS)
          .grantedAt(f.clock.instant().minus(Duration.ofHours(2)))
          .expiresAt(f.clock.instant().minus(Duration.ofHours(1))).build())))
          .containsExactly("consent.already_expired");
      assertThat(reasonsOf(() -> f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.SEPARATE)
          .purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS)
          .grantedAt(f.clock.instant().plus(Duration.ofHours(1))).build())))
          .containsExactly("consent.granted_in_future");
    }

    @Test
    @DisplayName("a malformed resident id is a validation error on the residentId field")
    void malformedResidentId() {
      assertThatThrownBy(() -> DataSubject.withResidentId(PersonId.of("p-x"), "110105201611251230"))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).field()).contains("residentId"));
    }

    @Test
    @DisplayName("when the audit cannot be written, the consent is rolled back too")
    void auditFailureRollsBack() {
      FailingAuditStore audit = new FailingAuditStore();
      Fixture g = new Fixture(ConsentService.builder().auditStore(audit));
      audit.fail = true;
      assertThatThrownBy(() -> g.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS))
          .isInstanceOf(KinHealthException.class);
      assertThat(g.service.consentsOf(MOTHER, PageRequest.first(10)).items()).isEmpty();
      audit.fail = false;
      assertThat(g.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS).isActive()).isTrue();
      assertThat(g.service.auditLog().verify().intact()).isTrue();
    }
  }

  @Nested
  @DisplayName("idempotency")
  class Idempotency {
    @Test
    @DisplayName("replaying a consent command returns the first record and writes nothing more")
    void replay() {
      IdempotencyKey key = IdempotencyKey.of("consent-req-1");
      RecordConsent cmd = RecordConsent.builder(key, MOTHER_SUBJECT).notice(f.notice.reference())
          .channel(ConsentChannel.APP).grantedAt(f.clock.instant()).type(ConsentType.SEPARATE)
          .purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS).build();
      ConsentRecord first = f.service.recordConsent(cmd);
      long audit = auditSize();
      f.clock.advance(Duration.ofMinutes(3));
      assertThat(f.service.recordConsent(cmd)).isEqualTo(first);
      assertThat(auditSize()).isEqualTo(audit);
      assertThat(consentCount(MOTHER)).isEqualTo(1);
      RecordConsent other = RecordConsent.builder(key, MOTHER_SUBJECT).notice(f.notice.reference())
          .channel(ConsentChannel.APP).grantedAt(f.clock.instant()).type(ConsentType.SEPARATE)
          .purposes(RESEARCH).categories(HEALTH_VITAL_SIGNS).build();
      assertThatThrownBy(() -> f.service.recordConsent(other))
          .isInstanceOfSatisfying(KinHealthException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT));
    }
  }

  @Nested
  @DisplayName("withdrawal")
  class Withdrawals {
    @Test
    @DisplayName("withdrawal is one call by the subject; it is audited and announced as an event")
    void withdraw() {
      InMemoryEventBus bus = new InMemoryEventBus();
      List<ConsentWithdrawn> events = new ArrayList<>();
      bus.subscribe(ConsentWithdrawn.class, events::add);
      Fixture g = new Fixture(ConsentService.builder().eventBus(bus));
      ConsentRecord c = g.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
      ConsentRecord w = g.service.withdrawConsent(
          new WithdrawConsent(g.key(), c.id(), MOTHER, ConsentChannel.WECHAT_MINI_PROGRAM, "user_request"));
      assertThat(w.status()).isEqualTo(ConsentStatus.WITHDRAWN);
      assertThat(w.version()).isEqualTo(2);
      assertThat(w.withdrawal().at()).isEqualTo(g.clock.instant());
      assertThat(events).extracting(ConsentWithdrawn::consentId).containsExactly(c.id());
      AuditEntry last = g.service.auditLog().read(1, PageRequest.first(100)).items().stream()
          .reduce((a, b) -> b).orElseThrow();
      assertThat(last.record().type()).isEqualTo(AuditEntryTypes.CONSENT_WITHDRAWN);
      assertThat(last.record().attributes()).containsEntry("consentId", c.id().value());
    }

    @Test
    @DisplayName("the guardian who granted may withdraw; a stranger may not; withdrawing twice changes nothing")
    void whoMayWithdraw() {
      ConsentRecord c = f.guardianConsent(HEALTH_MONITORING,
          new io.kinhealth.compliance.taxonomy.ProcessingAction[] {USE}, new Requester[] {}, HEALTH_VITAL_SIGNS);
      assertThatThrownBy(() -> f.service.withdrawConsent(WithdrawConsent.of(f.key(), c.id(), UNCLE,
          ConsentChannel.APP))).isInstanceOfSatisfying(KinHealthException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
      ConsentRecord w = f.service.withdrawConsent(WithdrawConsent.of(f.key(), c.id(), MOTHER, ConsentChannel.APP));
      long audit = auditSize();
      assertThat(f.service.withdrawConsent(WithdrawConsent.of(f.key(), c.id(), CHILD, ConsentChannel.APP)))
          .isEqualTo(w);
      assertThat(auditSize()).isEqualTo(audit);
    }

    @Test
    @DisplayName("withdrawing an unknown consent is NOT_FOUND")
    void unknown() {
      assertThatThrownBy(() -> f.service.withdrawConsent(WithdrawConsent.of(f.key(),
          io.kinhealth.compliance.consent.ConsentId.of("nope"), MOTHER, ConsentChannel.APP)))
          .isInstanceOfSatisfying(KinHealthException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
  }
}
