package io.kinhealth.family.dashboard;

import static io.kinhealth.family.support.Family4.DAUGHTER;
import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.FATHER_BORN;
import static io.kinhealth.family.support.Family4.MOTHER;
import static io.kinhealth.family.support.Family4.MOTHER_BORN;
import static io.kinhealth.family.support.Family4.SON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.FamilyDashboard;
import io.kinhealth.family.RecordReading;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.ViewerStanding;
import io.kinhealth.family.memory.InMemoryObservationStore;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.spi.ObservationStore;
import io.kinhealth.family.support.Family4;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FamilyDashboardTest {
  private static final Source CUFF = Source.device("omron", "Omron");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  /** Alerts for everyone, in two categories: the dashboard must show only what the viewer may see. */
  private final List<OpenAlert> alerts = new ArrayList<>();
  private final Family4 f = new Family4(b -> b.alertFeed((subject, categories, limit) -> alerts.stream()
      .filter(a -> a.subject().equals(subject)).toList()));

  private void reading(PersonId actor, PersonId who, String type, LocalDate day, String unit, double... values) {
    f.records.observations().record(new RecordReading(f.key(), actor, Reading.builder(who, type).values(unit, values)
        .at(OffsetDateTime.of(day.atTime(8, 0), ZoneOffset.ofHours(8))).source(CUFF).build()));
  }

  @BeforeEach
  void data() {
    for (int d = 0; d < 90; d++) { // 90 days of one reading a day: the value rises by 0.01 a day
      LocalDate day = TODAY.minusDays(89 - d);
      reading(MOTHER, MOTHER, "blood-glucose", day, "mmol/L", 5.0 + 0.01 * d);
      reading(FATHER, FATHER, "blood-pressure", day, "mmHg", 120 + (d % 2), 80);
      reading(DAUGHTER, DAUGHTER, "heart-rate", day, "bpm", 70);
      reading(MOTHER, SON, "body-temperature", day, "Cel", 36.6);
    }
    f.share(FATHER, FATHER_BORN, MOTHER, StandardCategories.HEALTH_VITAL_SIGNS);
    f.share(FATHER, FATHER_BORN, DAUGHTER, StandardCategories.HEALTH_VITAL_SIGNS);
    f.share(MOTHER, MOTHER_BORN, DAUGHTER, StandardCategories.HEALTH_VITAL_SIGNS);
    f.shareSonAsGuardian(Family4.people(MOTHER, FATHER, DAUGHTER), StandardCategories.HEALTH_VITAL_SIGNS);
    Instant raised = f.clock.instant().minus(Duration.ofHours(1));
    alerts.add(new OpenAlert("a-1", DAUGHTER, "heart-rate", "health.vital_signs", AlertSeverity.HIGH,
        "heart_rate.resting_high", raised));
    alerts.add(new OpenAlert("a-2", FATHER, "blood-pressure", "health.vital_signs", AlertSeverity.MODERATE,
        "bp.home.grade_1", raised));
    alerts.add(new OpenAlert("a-3", FATHER, "fetal-heart-rate", "health.pregnancy", AlertSeverity.HIGH,
        "fhr.out_of_range", raised));
  }

  @Test
  @DisplayName("the mother sees herself, her husband and her son; the teenager who shares nothing is hidden")
  void mothersView() {
    FamilyDashboardView view = f.records.dashboard().view(MOTHER, f.family);
    assertThat(view.members()).extracting(MemberCard::member).containsExactly(MOTHER, FATHER, DAUGHTER, SON);
    MemberCard self = view.card(MOTHER).orElseThrow();
    assertThat(self.visibility()).isEqualTo(Visibility.SELF);
    TypeSummary glucose = self.type("blood-glucose").orElseThrow();
    assertThat(glucose.latest().value()).isCloseTo(5.89, within(1e-9));
    assertThat(glucose.trend(7, "value").mean()).isCloseTo(5.86, within(1e-9));
    assertThat(glucose.trend(30, "value").count()).isEqualTo(30);
    assertThat(glucose.trend(90, "value").daysWithData()).isEqualTo(90);
    assertThat(glucose.trend(90, "value").slopePerDay()).isCloseTo(0.01, within(1e-9));
    assertThat(glucose.trend(90, "value").timeInRange()).isEqualTo(1.0);

    MemberCard father = view.card(FATHER).orElseThrow();
    assertThat(father.visibility()).isEqualTo(Visibility.PARTIAL); // vital signs yes, pregnancy no
    assertThat(father.relationship()).isEqualTo(KinshipRole.HUSB);
    assertThat(father.type("blood-pressure").orElseThrow().trend(30, "systolic").mean()).isCloseTo(120.5, within(1e-9));
    assertThat(father.type("blood-pressure").orElseThrow().trend(30, "systolic").sd()).isCloseTo(
        Math.sqrt(30 * 0.25 / 29), within(1e-9));
    assertThat(father.openAlerts()).extracting(OpenAlert::id).containsExactly("a-2");

    MemberCard daughter = view.card(DAUGHTER).orElseThrow();
    assertThat(daughter.visibility()).isEqualTo(Visibility.HIDDEN);
    assertThat(daughter.types()).isEmpty();
    assertThat(daughter.openAlerts()).isEmpty();
    assertThat(daughter.standing()).isEqualTo(ViewerStanding.RELATIVE);

    MemberCard son = view.card(SON).orElseThrow();
    assertThat(son.standing()).isEqualTo(ViewerStanding.GUARDIAN_OF_CHILD);
    assertThat(son.type("body-temperature")).isPresent();
  }

  @Test
  @DisplayName("the teenager sees her parents and brother, who share with her, and her own alert")
  void teenagersView() {
    FamilyDashboardView view = f.records.dashboard().view(DAUGHTER, f.family);
    assertThat(view.members().get(0).member()).isEqualTo(DAUGHTER);
    assertThat(view.card(DAUGHTER).orElseThrow().openAlerts()).extracting(OpenAlert::id).containsExactly("a-1");
    assertThat(view.card(MOTHER).orElseThrow().type("blood-glucose")).isPresent();
    assertThat(view.card(FATHER).orElseThrow().type("blood-pressure")).isPresent();
    assertThat(view.card(SON).orElseThrow().type("body-temperature")).isPresent();
  }

  @Test
  @DisplayName("when the father withdraws, his card is hidden at the next view; each view decides afresh")
  void withdrawalHidesAtOnce() {
    assertThat(f.records.dashboard().view(MOTHER, f.family, List.of("blood-pressure")).card(FATHER).orElseThrow()
        .visibility()).isEqualTo(Visibility.SHARED);
    f.consents.consentsOf(FATHER, io.kinhealth.core.spi.PageRequest.first(10)).items().forEach(c ->
        f.consents.withdrawConsent(io.kinhealth.compliance.WithdrawConsent.of(f.key(), c.id(), FATHER,
            io.kinhealth.compliance.consent.ConsentChannel.APP)));
    MemberCard father = f.records.dashboard().view(MOTHER, f.family, List.of("blood-pressure")).card(FATHER)
        .orElseThrow();
    assertThat(father.visibility()).isEqualTo(Visibility.HIDDEN);
    assertThat(father.types()).isEmpty();
  }

  @Test
  @DisplayName("a new reading shows on the next view: latest value and today's trend")
  void freshReadings() {
    FamilyDashboard dashboard = f.records.dashboard();
    double before = dashboard.view(MOTHER, f.family).card(MOTHER).orElseThrow().type("blood-glucose").orElseThrow()
        .trend(7, "value").mean();
    f.records.observations().record(new RecordReading(f.key(), MOTHER, Reading.builder(MOTHER, "blood-glucose")
        .values("mmol/L", 9.0).at(OffsetDateTime.of(TODAY.atTime(9, 30), ZoneOffset.ofHours(8))).source(CUFF)
        .build()));
    TypeSummary after = dashboard.view(MOTHER, f.family).card(MOTHER).orElseThrow().type("blood-glucose")
        .orElseThrow();
    assertThat(after.latest().value()).isEqualTo(9.0);
    assertThat(after.trend(7, "value").count()).isEqualTo(8);
    assertThat(after.trend(7, "value").mean()).isGreaterThan(before);
  }

  @Test
  @DisplayName("at midnight in the member's zone the windows move on: yesterday's summary is not reused")
  void windowsMoveAtMidnight() {
    FamilyDashboard dashboard = f.records.dashboard();
    assertThat(dashboard.view(MOTHER, f.family).card(MOTHER).orElseThrow().type("blood-glucose").orElseThrow()
        .trend(7, "value").count()).isEqualTo(7);
    f.clock.set(TODAY.plusDays(1).atStartOfDay(io.kinhealth.core.model.Zones.CHINA).toInstant().plusSeconds(60));
    TypeSummary tomorrow = dashboard.view(MOTHER, f.family).card(MOTHER).orElseThrow().type("blood-glucose")
        .orElseThrow();
    assertThat(tomorrow.trend(7, "value").count()).isEqualTo(6);
    assertThat(tomorrow.trend(90, "value").daysWithData()).isEqualTo(89);
  }

  @Test
  @DisplayName("views between writes show what a dashboard with cold caches computes from the store (seeded)")
  void liveEqualsCold() {
    ObservationStore shared = new InMemoryObservationStore();
    Family4 live = sharing(new Family4(b -> b.observationStore(shared)));
    List<String> types = List.of("blood-pressure", "blood-glucose", "body-temperature", "steps");
    for (long seed = 1; seed <= 6; seed++) {
      Random random = new Random(seed);
      for (int round = 0; round < 12; round++) {
        List<Reading> batch = new ArrayList<>();
        PersonId who = random.nextBoolean() ? FATHER : random.nextBoolean() ? MOTHER : SON;
        PersonId actor = who.equals(SON) ? MOTHER : who;
        for (int i = 1 + random.nextInt(random.nextBoolean() ? 2 : 40); i > 0; i--) {
          LocalDate day = TODAY.minusDays(random.nextInt(random.nextBoolean() ? 3 : 95));
          OffsetDateTime at = OffsetDateTime.of(day.atTime(random.nextInt(10), random.nextInt(60)),
              ZoneOffset.ofHours(8));
          Source source = random.nextBoolean() ? CUFF : Source.app("phone", "Phone");
          Reading.Builder r = switch (types.get(random.nextInt(types.size()))) {
            case "blood-pressure" -> Reading.builder(who, "blood-pressure").values("mmHg", 110 + random.nextInt(30),
                70 + random.nextInt(10));
            case "blood-glucose" -> Reading.builder(who, "blood-glucose").values("mmol/L",
                4 + random.nextInt(50) / 10.0);
            case "body-temperature" -> Reading.builder(who, "body-temperature").values("Cel",
                36.3 + random.nextInt(5) / 10.0);
            default -> Reading.builder(who, "steps").values("steps", random.nextInt(3000))
                .until(at.toInstant().plusSeconds(600L + random.nextInt(7200)));
          };
          batch.add(r.at(at).source(source).build());
        }
        if (batch.size() == 1) {
          live.records.observations().record(new RecordReading(live.key(), actor, batch.get(0)));
        } else {
          live.records.observations().importReadings(actor, who, batch);
        }
        if (random.nextInt(3) > 0) {
          FamilyDashboardView now = live.records.dashboard().view(MOTHER, live.family);
          Family4 fresh = sharing(new Family4(b -> b.observationStore(shared)));
          FamilyDashboardView cold = fresh.records.dashboard().view(MOTHER, fresh.family);
          assertThat(summaries(now)).as("seed %d round %d", seed, round).isEqualTo(summaries(cold));
        }
      }
    }
  }

  private static Family4 sharing(Family4 family) {
    family.share(FATHER, FATHER_BORN, MOTHER, StandardCategories.HEALTH_VITAL_SIGNS);
    family.shareSonAsGuardian(Family4.people(MOTHER), StandardCategories.HEALTH_VITAL_SIGNS);
    return family;
  }

  private static List<String> summaries(FamilyDashboardView view) {
    List<String> out = new ArrayList<>();
    for (MemberCard card : view.members()) {
      for (TypeSummary t : card.types()) {
        out.add(card.member() + " " + t.type().key() + " latest " + t.latest().id() + " " + t.trends().stream()
            .map(tr -> List.of(tr.days(), tr.component(), tr.daysWithData(), tr.count(), tr.mean(), tr.sd(), tr.min(),
                tr.max(), tr.slopePerDay(), String.valueOf(tr.timeInRange())).toString()).toList());
      }
    }
    return out;
  }

  @Test
  @DisplayName("only members see a family's dashboard")
  void membersOnly() {
    assertThatThrownBy(() -> f.records.dashboard().view(PersonId.of("p-stranger"), f.family))
        .isInstanceOf(ForbiddenException.class);
    assertThat(Set.of(FamilyDashboard.WINDOWS.toArray())).containsExactlyInAnyOrder(7, 30, 90);
  }
}
