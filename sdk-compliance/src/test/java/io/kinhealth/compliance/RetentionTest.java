package io.kinhealth.compliance;

import static io.kinhealth.compliance.Fixture.MOTHER;
import static io.kinhealth.compliance.Fixture.MOTHER_SUBJECT;
import static io.kinhealth.compliance.taxonomy.StandardActions.USE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_RECORDS;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.compliance.taxonomy.StandardCategories.PURCHASES;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.HEALTH_MONITORING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.MARKETING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.TREATMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.retention.ErasureReason;
import io.kinhealth.compliance.retention.HeldRecord;
import io.kinhealth.compliance.retention.LegalHold;
import io.kinhealth.compliance.retention.PlaceLegalHold;
import io.kinhealth.compliance.retention.RecordErasure;
import io.kinhealth.compliance.retention.RetentionRule;
import io.kinhealth.compliance.retention.RetentionSchedule;
import io.kinhealth.compliance.retention.RetentionSweep;
import io.kinhealth.compliance.retention.SweepResult;
import io.kinhealth.compliance.retention.Tombstone;
import io.kinhealth.compliance.taxonomy.StandardLawfulBases;
import io.kinhealth.core.error.ErrorCode;
import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.spi.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Retention, legal holds and erasure")
class RetentionTest {
  private final Fixture f = new Fixture(ConsentService.builder().policy(ConsentPolicy.custom()
      .lawfulBasis(new LawfulBasisRule(TREATMENT, StandardLawfulBases.LEGAL_OBLIGATION, Set.of(USE),
          "medical records must be kept by law")).build()));
  private final RetentionSchedule schedule = RetentionSchedule.builder("test-retention/1")
      .rule(new RetentionRule(TREATMENT, HEALTH, Period.ofYears(15),
          "医疗机构管理条例实施细则 art. 53: outpatient records 15 years"))
      .rule(new RetentionRule(HEALTH_MONITORING, HEALTH, Period.ofYears(3), "platform policy: 3 years"))
      .rule(new RetentionRule(HEALTH_MONITORING, HEALTH_VITAL_SIGNS, Period.ofYears(1), "platform policy: 1 year"))
      .build();

  private HeldRecord held(String ref, io.kinhealth.compliance.taxonomy.DataCategory category,
      io.kinhealth.compliance.taxonomy.Purpose purpose, Instant collectedAt) {
    return new HeldRecord(ref, MOTHER, category, purpose, collectedAt);
  }

  @Test
  @DisplayName("a sweep lists records past their period (most specific rule) and consent-based records whose consent "
      + "was withdrawn")
  void sweep() {
    ConsentRecord c = f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH);
    Instant t0 = f.clock.instant();
    List<HeldRecord> records = List.of(
        held("bp-1", HEALTH_VITAL_SIGNS, HEALTH_MONITORING, t0),
        held("doc-1", HEALTH_RECORDS, HEALTH_MONITORING, t0),
        held("visit-1", HEALTH_RECORDS, TREATMENT, t0),
        held("cart-1", PURCHASES, MARKETING, t0));
    RetentionSweep sweep = RetentionSweep.of(f.service, schedule);
    SweepResult now = sweep.sweep(records);
    assertThat(now.due()).isEmpty();
    assertThat(now.unscheduled()).extracting(HeldRecord::recordRef).containsExactly("cart-1");

    f.clock.set(t0.plus(Duration.ofDays(366)));
    SweepResult later = sweep.sweep(records);
    assertThat(later.due()).singleElement().satisfies(d -> {
      assertThat(d.record().recordRef()).isEqualTo("bp-1");
      assertThat(d.reason()).isEqualTo(ErasureReason.RETENTION_EXPIRED);
      assertThat(d.reason().citation()).contains("art. 19");
    });

    f.service.withdrawConsent(WithdrawConsent.of(f.key(), c.id(), MOTHER, ConsentChannel.APP));
    SweepResult withdrawn = sweep.sweep(records);
    assertThat(withdrawn.due()).extracting(d -> d.record().recordRef()).containsExactlyInAnyOrder("bp-1", "doc-1");
    assertThat(withdrawn.due()).filteredOn(d -> d.record().recordRef().equals("doc-1"))
        .extracting(d -> d.reason()).containsExactly(ErasureReason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName("a legal hold keeps data stored but unusable: decisions deny, sweeps hold back, erasure is refused")
  void legalHold() {
    f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH);
    assertThat(f.decide(MOTHER_SUBJECT, Requester.platform(), HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS)
        .isPermitted()).isTrue();
    LegalHold hold = f.service.placeLegalHold(new PlaceLegalHold(f.key(), MOTHER, Set.of(HEALTH), "litigation",
        "(2026)京0108民初123号"));
    ConsentDecision d = f.decide(MOTHER_SUBJECT, Requester.platform(), HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS);
    assertThat(d.isDenied()).isTrue();
    assertThat(d.primaryReason().code()).isEqualTo(DecisionReasons.LEGAL_HOLD);
    assertThat(d.primaryReason().citation()).isEqualTo("PIPL art. 47");

    f.clock.advance(Duration.ofDays(400));
    HeldRecord bp = held("bp-1", HEALTH_VITAL_SIGNS, HEALTH_MONITORING, f.clock.instant().minus(Duration.ofDays(399)));
    SweepResult result = RetentionSweep.of(f.service, schedule).sweep(List.of(bp));
    assertThat(result.due()).isEmpty();
    assertThat(result.heldBack()).extracting(x -> x.record().recordRef()).containsExactly("bp-1");
    assertThatThrownBy(() -> f.service.recordErasure(new RecordErasure(f.key(), bp, ErasureReason.RETENTION_EXPIRED)))
        .isInstanceOfSatisfying(KinHealthException.class, e -> assertThat(e.reason()).isEqualTo("erasure.legal_hold"));

    f.service.releaseLegalHold(hold.id(), f.key());
    assertThat(f.service.legalHoldsOf(MOTHER)).isEmpty();
    assertThat(f.decide(MOTHER_SUBJECT, Requester.platform(), HEALTH_MONITORING, USE, HEALTH_VITAL_SIGNS)
        .isPermitted()).isTrue();
    assertThat(RetentionSweep.of(f.service, schedule).sweep(List.of(bp)).due()).hasSize(1);
  }

  @Test
  @DisplayName("erasure leaves a tombstone and an audit entry; a second erasure of the record is a conflict")
  void tombstones() {
    HeldRecord bp = held("bp-9", HEALTH_VITAL_SIGNS, HEALTH_MONITORING, f.clock.instant());
    Tombstone t = f.service.recordErasure(new RecordErasure(f.key(), bp, ErasureReason.SUBJECT_REQUEST));
    assertThat(t.erasedAt()).isEqualTo(f.clock.instant());
    assertThat(f.service.tombstone("bp-9")).contains(t);
    assertThat(f.service.tombstonesOf(MOTHER, PageRequest.first(10)).items()).containsExactly(t);
    assertThat(RetentionSweep.of(f.service, schedule).sweep(List.of(bp)).alreadyErased()).containsExactly(bp);
    assertThatThrownBy(() -> f.service.recordErasure(new RecordErasure(f.key(), bp, ErasureReason.SUBJECT_REQUEST)))
        .isInstanceOfSatisfying(KinHealthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    assertThat(f.service.auditLog().entriesOf(MOTHER, PageRequest.first(10)).items())
        .extracting(e -> e.record().type()).contains("erasure.recorded");
    assertThat(f.service.auditLog().verify().intact()).isTrue();
  }
}
