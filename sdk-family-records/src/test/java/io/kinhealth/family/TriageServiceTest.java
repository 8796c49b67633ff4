package io.kinhealth.family;

import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_PREGNANCY;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.family.support.Family4.DAUGHTER;
import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.MOTHER;
import static io.kinhealth.family.support.Family4.MOTHER_BORN;
import static io.kinhealth.family.support.Family4.SON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.dashboard.OpenAlert;
import io.kinhealth.family.memory.InMemoryTriageQueue;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.spi.AlertSink;
import io.kinhealth.family.support.Family4;
import io.kinhealth.family.triage.Alert;
import io.kinhealth.family.triage.AlertEvidence;
import io.kinhealth.family.triage.AlertStatus;
import io.kinhealth.family.triage.DeliveryStatus;
import io.kinhealth.family.triage.NoticeReason;
import io.kinhealth.family.triage.Resolution;
import io.kinhealth.family.triage.ReviewerId;
import io.kinhealth.family.triage.TriageNotice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Triage: risk rules to a person")
class TriageServiceTest {
  private static final Source CUFF = Source.device("mother-cuff", "Omron HEM-7136");
  private static final ReviewerId NURSE = ReviewerId.of("nurse-li");

  private final InMemoryTriageQueue queue = new InMemoryTriageQueue();
  private final InMemoryTransactionRunner tx = new InMemoryTransactionRunner();
  private final InMemoryEventBus events = new InMemoryEventBus();
  private final Family4 f = new Family4(b -> b.alertSink(queue).transactionRunner(tx).eventBus(events)
      .clinicalSources(Set.of("clinic-his")));
  private final TriageService triage = f.records.triage();

  /** The mother is 26+0 today (2026-11-25): LMP 182 days ago, 60 kg at 160 cm before. */
  private void motherPregnant() {
    f.records.calendar().registerPregnancy(new RegisterPregnancy(f.key(), MOTHER, MOTHER,
        LocalDate.of(2026, 11, 25).minusDays(182), 28, 60.0, 160.0));
  }

  private void bp(PersonId who, Source source, double systolic, double diastolic) {
    record(who, Reading.builder(who, ObservationTypes.BLOOD_PRESSURE).values("mm[Hg]", systolic, diastolic)
        .at(f.clock.instant(), ZoneOffset.ofHours(8)).source(source));
  }

  private void record(PersonId who, Reading.Builder reading) {
    PersonId actor = who.equals(SON) ? MOTHER : who;
    f.records.observations().record(new RecordReading(f.key(), actor, reading.build()));
  }

  private List<Alert> unresolved(PersonId who) {
    return triage.alertsOf(who, who);
  }

  @Test
  @DisplayName("a pregnant mother at week 26: two home readings 4 hours apart at 140/90 raise one HIGH alert in the queue")
  void pregnancyHypertension() {
    motherPregnant();
    bp(MOTHER, CUFF, 142, 91);
    Alert first = unresolved(MOTHER).get(0);
    assertThat(first.severity()).isEqualTo(AlertSeverity.LOW);
    assertThat(first.awaitingConfirmation()).isTrue();
    assertThat(queue.notices()).isEmpty();

    f.clock.advance(Duration.ofHours(4));
    bp(MOTHER, CUFF, 141, 90);
    List<Alert> alerts = unresolved(MOTHER);
    assertThat(alerts).hasSize(1);
    Alert confirmed = alerts.get(0);
    assertThat(confirmed.id()).isEqualTo(first.id());
    assertThat(confirmed.condition()).isEqualTo("pregnancy-hypertension");
    assertThat(confirmed.severity()).isEqualTo(AlertSeverity.HIGH);
    assertThat(confirmed.awaitingConfirmation()).isFalse();
    assertThat(confirmed.dataCategory()).isEqualTo("health.pregnancy");
    assertThat(confirmed.evidence()).hasSize(2).extracting(e -> e.values().get(0).value()).containsExactly(142.0, 141.0);
    assertThat(queue.notices()).singleElement().satisfies(n -> {
      assertThat(n.alert()).isEqualTo(confirmed.id());
      assertThat(n.reason()).isEqualTo(NoticeReason.UPGRADED);
      assertThat(n.severity()).isEqualTo(AlertSeverity.HIGH);
      assertThat(n.evidence()).hasSize(2);
      assertThat(n.toString()).doesNotContain("141").doesNotContain("142");
    });
    assertThat(confirmed.triage().noticesDelivered()).isEqualTo(1);
    assertThat(confirmed.triage().nextActionAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(2)));
    assertThat(triage.awaitingReview(PageRequest.first(10)).items()).extracting(Alert::id)
        .containsExactly(confirmed.id());
    OpenAlert shown = f.records.dashboard().view(MOTHER, f.family).card(MOTHER).orElseThrow().openAlerts().get(0);
    assertThat(shown.ruleKey()).isEqualTo("pregnancy.bp.hypertension");
    assertThat(shown.severity()).isEqualTo(AlertSeverity.HIGH);
  }

  @Test
  @DisplayName("one condition raises one open alert however many readings cross the line")
  void oneAlertPerCondition() {
    motherPregnant();
    for (int i = 0; i < 6; i++) {
      bp(MOTHER, CUFF, 145 + i, 95);
      f.clock.advance(Duration.ofHours(3));
    }
    List<Alert> alerts = unresolved(MOTHER);
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.evidence()).hasSize(6);
      assertThat(a.severity()).isEqualTo(AlertSeverity.HIGH);
    });
    assertThat(queue.notices()).hasSize(1);
    assertThat(triage.evaluate(MOTHER, ObservationTypes.BLOOD_PRESSURE, f.clock.instant().minus(Duration.ofDays(1)),
        f.clock.instant())).as("judging the same readings again changes nothing").isEmpty();
  }

  @Test
  @DisplayName("her husband sees the alert on the dashboard only with her consent to pregnancy data")
  void dashboardHonoursConsent() {
    motherPregnant();
    bp(MOTHER, CUFF, 165, 112);
    f.share(MOTHER, MOTHER_BORN, FATHER, HEALTH_VITAL_SIGNS);
    assertThat(f.records.dashboard().view(FATHER, f.family).card(MOTHER).orElseThrow().openAlerts()).isEmpty();
    assertThat(triage.alertsOf(FATHER, MOTHER)).isEmpty();
    f.share(MOTHER, MOTHER_BORN, FATHER, HEALTH_PREGNANCY);
    assertThat(f.records.dashboard().view(FATHER, f.family).card(MOTHER).orElseThrow().openAlerts())
        .singleElement().extracting(OpenAlert::severity).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(triage.alertsOf(FATHER, MOTHER)).hasSize(1);
    assertThat(triage.alertsOf(DAUGHTER, MOTHER)).isEmpty();
  }

  @Test
  @DisplayName("an unacknowledged CRITICAL alert escalates every 15 minutes, three times; acknowledging stops it")
  void escalation() {
    motherPregnant();
    bp(MOTHER, CUFF, 170, 112);
    Alert a = unresolved(MOTHER).get(0);
    assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(queue.notices()).extracting(TriageNotice::reason).containsExactly(NoticeReason.RAISED);
    f.clock.advance(Duration.ofMinutes(14));
    assertThat(triage.runDueActions().escalated()).isZero();
    for (int level = 1; level <= 3; level++) {
      f.clock.advance(Duration.ofMinutes(15));
      assertThat(triage.runDueActions().escalated()).as("level %d", level).isEqualTo(1);
    }
    f.clock.advance(Duration.ofHours(1));
    assertThat(triage.runDueActions().escalated()).isZero();
    assertThat(queue.notices()).extracting(TriageNotice::escalationLevel).containsExactly(0, 1, 2, 3);
    assertThat(queue.notices()).extracting(TriageNotice::sequence).containsExactly(1, 2, 3, 4);
    assertThat(queue.queue()).singleElement().extracting(TriageNotice::sequence).isEqualTo(4);

    bp(FATHER, CUFF, 185, 100); // grade 3 for the father: CRITICAL
    Alert his = unresolved(FATHER).get(0);
    triage.acknowledge(new AcknowledgeAlert(f.key(), his.id(), NURSE));
    f.clock.advance(Duration.ofHours(1));
    assertThat(triage.runDueActions().escalated()).isZero();
    assertThat(triage.alert(his.id()).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(triage.alert(his.id()).triage().nextActionAt()).isNull();
  }

  @Test
  @DisplayName("a graver reading after acknowledgement reopens the alert and notifies again")
  void upgradeReopens() {
    bp(FATHER, CUFF, 165, 95); // grade 2 at home: HIGH
    Alert a = unresolved(FATHER).get(0);
    triage.acknowledge(new AcknowledgeAlert(f.key(), a.id(), NURSE));
    f.clock.advance(Duration.ofMinutes(30));
    bp(FATHER, CUFF, 150, 95); // still grade 1/home: evidence only
    assertThat(triage.alert(a.id()).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(triage.alert(a.id()).evidence()).hasSize(2);
    bp(FATHER, CUFF, 182, 111);
    Alert after = triage.alert(a.id());
    assertThat(after.status()).isEqualTo(AlertStatus.OPEN);
    assertThat(after.severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(after.ruleKey()).isEqualTo("bp.grade3");
    assertThat(queue.notices()).extracting(TriageNotice::reason)
        .containsExactly(NoticeReason.RAISED, NoticeReason.UPGRADED);
  }

  @Test
  @DisplayName("a resolved condition is not reopened by its old readings; a newer reading raises a new alert")
  void resolution() {
    bp(FATHER, CUFF, 165, 95);
    Alert a = unresolved(FATHER).get(0);
    Alert resolved = triage.resolve(new ResolveAlert(f.key(), a.id(), NURSE, Resolution.ADVISED, "called him; rest"));
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.review().acknowledgedBy()).isEqualTo(NURSE);
    assertThat(resolved.toString()).doesNotContain("rest");
    assertThat(triage.evaluate(FATHER, ObservationTypes.BLOOD_PRESSURE, f.clock.instant().minus(Duration.ofDays(1)),
        f.clock.instant())).isEmpty();
    assertThat(unresolved(FATHER)).isEmpty();
    f.clock.advance(Duration.ofHours(1));
    bp(FATHER, CUFF, 166, 96);
    assertThat(unresolved(FATHER)).singleElement().satisfies(n -> {
      assertThat(n.id()).isNotEqualTo(a.id());
      assertThat(n.evidence()).hasSize(1);
    });
  }

  @Test
  @DisplayName("acknowledging and resolving are idempotent under their keys and refuse impossible transitions")
  void commandsIdempotent() {
    bp(FATHER, CUFF, 165, 95);
    Alert a = unresolved(FATHER).get(0);
    IdempotencyKey key = f.key();
    Alert acked = triage.acknowledge(new AcknowledgeAlert(key, a.id(), NURSE));
    assertThat(triage.acknowledge(new AcknowledgeAlert(key, a.id(), NURSE)).version()).isEqualTo(acked.version());
    assertThatThrownBy(() -> triage.acknowledge(new AcknowledgeAlert(key, a.id(), ReviewerId.of("dr-wang"))))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThatThrownBy(() -> triage.acknowledge(new AcknowledgeAlert(f.key(), a.id(), NURSE)))
        .isInstanceOf(InvalidStateException.class).hasFieldOrPropertyWithValue("reason", "alert.already_acknowledged");
    IdempotencyKey resolveKey = f.key();
    triage.resolve(new ResolveAlert(resolveKey, a.id(), NURSE, Resolution.MEASUREMENT_ERROR, null));
    assertThat(triage.resolve(new ResolveAlert(resolveKey, a.id(), NURSE, Resolution.MEASUREMENT_ERROR, null))
        .status()).isEqualTo(AlertStatus.RESOLVED);
    assertThatThrownBy(() -> triage.resolve(new ResolveAlert(f.key(), a.id(), NURSE, Resolution.ADVISED, null)))
        .isInstanceOf(InvalidStateException.class).hasFieldOrPropertyWithValue("reason", "alert.resolved");
    assertThatThrownBy(() -> triage.acknowledge(new AcknowledgeAlert(null, a.id(), NURSE)))
        .isInstanceOf(io.kinhealth.core.error.ValidationException.class);
  }

  @Test
  @DisplayName("a sink that fails or throws gets the notice again with the same key; the reviewer sees it once")
  void deliveryRetried() {
    List<IdempotencyKey> keys = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    InMemoryTriageQueue real = new InMemoryTriageQueue();
    AlertSink flaky = (key, notice) -> {
      keys.add(key);
      int n = calls.incrementAndGet();
      if (n == 1) {
        return DeliveryStatus.FAILED;
      }
      if (n == 2) {
        throw new IllegalStateException("timeout");
      }
      return real.deliver(key, notice);
    };
    Family4 g = new Family4(b -> b.alertSink(flaky));
    g.records.observations().record(new RecordReading(g.key(), FATHER, Reading.builder(FATHER,
        ObservationTypes.OXYGEN_SATURATION).values("%", 86).at(g.clock.instant(), ZoneOffset.ofHours(8))
        .source(CUFF).build()));
    Alert a = g.records.triage().alertsOf(FATHER, FATHER).get(0);
    assertThat(a.triage().pendingNotice()).isNotNull();
    assertThat(g.records.triage().runDueActions().failedDeliveries()).isZero(); // not due before the retry delay
    g.clock.advance(Duration.ofMinutes(1));
    assertThat(g.records.triage().runDueActions().failedDeliveries()).isEqualTo(1); // the sink throws
    g.clock.advance(Duration.ofMinutes(1));
    assertThat(g.records.triage().runDueActions().delivered()).isEqualTo(1);
    assertThat(keys).hasSize(3).containsOnly(keys.get(0));
    assertThat(real.notices()).hasSize(1);
    Alert after = g.records.triage().alert(a.id());
    assertThat(after.triage().pendingNotice()).isNull();
    assertThat(after.triage().noticesDelivered()).isEqualTo(1);
    assertThat(after.triage().nextActionAt()).isEqualTo(g.clock.instant().plus(Duration.ofHours(2)));
  }

  @Test
  @DisplayName("a reading whose transaction rolls back raises nothing and reaches nobody")
  void rollback() {
    assertThatThrownBy(() -> tx.execute(() -> {
      bp(FATHER, CUFF, 190, 120);
      throw new IllegalStateException("host failure after the write");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(unresolved(FATHER)).isEmpty();
    assertThat(queue.notices()).isEmpty();
  }

  @Test
  @DisplayName("readings older than the 7-day horizon are history: they raise nothing")
  void horizon() {
    Instant now = f.clock.instant();
    List<Reading> old = List.of(Reading.builder(FATHER, ObservationTypes.OXYGEN_SATURATION).values("%", 85)
        .at(now.minus(Duration.ofDays(8)), ZoneOffset.ofHours(8)).source(CUFF).build());
    f.records.observations().importReadings(FATHER, FATHER, old);
    assertThat(unresolved(FATHER)).isEmpty();
    List<Reading> recent = List.of(Reading.builder(FATHER, ObservationTypes.OXYGEN_SATURATION).values("%", 85)
        .at(now.minus(Duration.ofDays(6)), ZoneOffset.ofHours(8)).source(CUFF).build());
    f.records.observations().importReadings(FATHER, FATHER, recent);
    assertThat(unresolved(FATHER)).singleElement().extracting(Alert::severity).isEqualTo(AlertSeverity.HIGH);
  }

  @Test
  @DisplayName("the father's long CGM low is one CRITICAL alert that keeps its first and latest readings")
  void longLow() {
    Source cgm = Source.device("dexcom-g6", "Dexcom G6");
    List<Reading> readings = new ArrayList<>();
    Instant start = f.clock.instant().minus(Duration.ofHours(4));
    for (int i = 0; i < 40; i++) {
      readings.add(Reading.builder(FATHER, ObservationTypes.BLOOD_GLUCOSE).values("mmol/L", 2.8 - i * 0.01)
          .at(start.plus(Duration.ofMinutes(5L * i)), ZoneOffset.ofHours(8)).source(cgm).build());
    }
    f.records.observations().importReadings(FATHER, FATHER, readings);
    Alert a = unresolved(FATHER).get(0);
    assertThat(a.condition()).isEqualTo("hypoglycaemia");
    assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(a.evidence()).hasSize(Alert.MAX_EVIDENCE);
    assertThat(a.evidence().get(0).effectiveAt()).isEqualTo(start);
    assertThat(a.evidence().get(4).effectiveAt()).isEqualTo(start.plus(Duration.ofMinutes(20)));
    assertThat(a.evidence().get(19).effectiveAt()).isEqualTo(start.plus(Duration.ofMinutes(5L * 39)));
    assertThat(queue.notices()).hasSize(1);
  }

  @Test
  @DisplayName("readings from a registered clinic source are judged by the clinic thresholds (140/90, not 135/85)")
  void clinicSetting() {
    Source clinic = Source.imported("clinic-his", "Community clinic");
    bp(FATHER, clinic, 139, 89);
    assertThat(unresolved(FATHER)).isEmpty();
    bp(DAUGHTER, CUFF, 139, 89); // she is 15: adult thresholds do not apply
    assertThat(unresolved(DAUGHTER)).isEmpty();
    f.clock.advance(Duration.ofMinutes(10));
    bp(FATHER, CUFF, 136, 86);
    assertThat(unresolved(FATHER)).singleElement().extracting(Alert::ruleKey).isEqualTo("bp.home");
  }

  @Test
  @DisplayName("the son's high fever goes to the queue; his guardian sees it with her guardian consent")
  void childFever() {
    record(SON, Reading.builder(SON, ObservationTypes.BODY_TEMPERATURE).values("Cel", 39.4)
        .context(ObservationContext.NONE.withSite(MeasurementSite.AXILLARY)).at(f.clock.instant(), ZoneOffset.ofHours(8))
        .source(CUFF));
    assertThat(queue.notices()).singleElement().satisfies(n -> {
      assertThat(n.subject()).isEqualTo(SON);
      assertThat(n.condition()).isEqualTo("fever");
      assertThat(n.severity()).isEqualTo(AlertSeverity.HIGH);
    });
    assertThat(triage.alertsOf(MOTHER, SON)).isEmpty();
    f.shareSonAsGuardian(Family4.people(MOTHER), HEALTH_VITAL_SIGNS);
    assertThat(triage.alertsOf(MOTHER, SON)).hasSize(1);
    assertThat(triage.alertsOf(FATHER, SON)).isEmpty();
  }

  @Test
  @DisplayName("weight gain above her WS/T 801-2022 band raises a LOW alert for her dashboard, not for review")
  void weightGain() {
    motherPregnant();
    record(MOTHER, Reading.builder(MOTHER, ObservationTypes.BODY_WEIGHT).values("kg", 68.2)
        .at(f.clock.instant(), ZoneOffset.ofHours(8)).source(CUFF));
    assertThat(unresolved(MOTHER)).singleElement().satisfies(a -> {
      assertThat(a.condition()).isEqualTo("pregnancy-weight-gain-above-band");
      assertThat(a.severity()).isEqualTo(AlertSeverity.LOW);
      assertThat(a.dataCategory()).isEqualTo("health.pregnancy");
    });
    assertThat(queue.notices()).isEmpty();
    assertThat(f.records.calendar().weightGain(MOTHER, MOTHER)).get().satisfies(s -> {
      assertThat(s.gainKg()).isCloseTo(8.2, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(s.band().highKg()).isCloseTo(7.76, org.assertj.core.data.Offset.offset(1e-9));
    });
  }

  @Test
  @DisplayName("the review worklist puts CRITICAL before HIGH, oldest first within a severity")
  void worklist() {
    bp(FATHER, CUFF, 165, 95); // HIGH
    f.clock.advance(Duration.ofMinutes(1));
    record(SON, Reading.builder(SON, ObservationTypes.BODY_TEMPERATURE).values("Cel", 39.5)
        .at(f.clock.instant(), ZoneOffset.ofHours(8)).source(CUFF)); // HIGH, later
    f.clock.advance(Duration.ofMinutes(1));
    record(MOTHER, Reading.builder(MOTHER, ObservationTypes.BLOOD_GLUCOSE).values("mmol/L", 2.7)
        .context(ObservationContext.NONE.withMeal(MealRelation.BEFORE_LUNCH))
        .at(f.clock.instant(), ZoneOffset.ofHours(8)).source(CUFF)); // CRITICAL
    var page = triage.awaitingReview(PageRequest.first(2));
    assertThat(page.items()).extracting(Alert::subject).containsExactly(MOTHER, FATHER);
    assertThat(triage.awaitingReview(PageRequest.first(2).next(page)).items()).extracting(Alert::subject)
        .containsExactly(SON);
  }

  @Test
  @DisplayName("alert changes are published as events with ids and severities, never values")
  void events() {
    List<AlertChanged> seen = new CopyOnWriteArrayList<>();
    events.subscribe(AlertChanged.class, seen::add);
    bp(FATHER, CUFF, 165, 95);
    Alert a = unresolved(FATHER).get(0);
    triage.acknowledge(new AcknowledgeAlert(f.key(), a.id(), NURSE));
    assertThat(seen).extracting(AlertChanged::status).contains(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
    assertThat(seen).allSatisfy(e -> assertThat(e.toString()).doesNotContain("165"));
  }

  @Test
  @DisplayName("evaluations of the same readings racing on 8 threads make one alert and one notice")
  void concurrentEvaluation() throws Exception {
    List<Reading> readings = List.of(Reading.builder(FATHER, ObservationTypes.OXYGEN_SATURATION).values("%", 87)
        .at(f.clock.instant(), ZoneOffset.ofHours(8)).source(CUFF).build());
    Family4 g = new Family4(b -> b.alertSink(queue).evaluationHorizon(Duration.ofDays(7)));
    g.records.observations().importReadings(FATHER, FATHER, readings);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Alert>>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> g.records.triage().evaluate(FATHER, ObservationTypes.OXYGEN_SATURATION,
            g.clock.instant().minusSeconds(60), g.clock.instant())));
      }
      for (Future<List<Alert>> r : runs) {
        r.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(g.records.triage().alertsOf(FATHER, FATHER)).hasSize(1);
    assertThat(queue.notices()).hasSize(1);
  }

  @Test
  @DisplayName("alert evidence keeps the readings' values and offsets for the reviewer")
  void evidence() {
    bp(FATHER, CUFF, 165, 95);
    AlertEvidence e = unresolved(FATHER).get(0).evidence().get(0);
    assertThat(e.values()).extracting(v -> v.value()).containsExactly(165.0, 95.0);
    assertThat(e.unit()).isEqualTo("mm[Hg]");
    assertThat(e.offset()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(e.ruleKey()).isEqualTo("bp.grade2");
    assertThat(e.toString()).doesNotContain("165");
  }
}
