package io.kinhealth.family.risk;

import static io.kinhealth.family.support.RiskFixture.T0;
import static io.kinhealth.family.support.RiskFixture.bp;
import static io.kinhealth.family.support.RiskFixture.glucose;
import static io.kinhealth.family.support.RiskFixture.movements;
import static io.kinhealth.family.support.RiskFixture.single;
import static io.kinhealth.family.support.RiskFixture.temperature;
import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.observation.GestationalAge;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.support.RiskFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden boundary cases: every threshold of the default rule table, one step below and at (or above) it. */
@DisplayName("Risk rules at their thresholds")
class RiskRuleBoundaryTest {

  @Nested
  @DisplayName("adult blood pressure")
  class AdultBloodPressure {
    @ParameterizedTest(name = "clinic {0}/{1} -> {2}")
    @CsvSource({
        "139, 89, none",
        "140, 89, bp.grade1.clinic:MODERATE",
        "139, 90, bp.grade1.clinic:MODERATE",
        "159, 99, bp.grade1.clinic:MODERATE",
        "160, 99, bp.grade2:HIGH",
        "159, 100, bp.grade2:HIGH",
        "179, 109, bp.grade2:HIGH",
        "180, 109, bp.grade3:CRITICAL",
        "150, 110, bp.grade3:CRITICAL",
        "135, 85, none"})
    void clinic(double systolic, double diastolic, String expected) {
      RiskFixture f = new RiskFixture().clinic();
      assertThat(f.ruleOf(bp(T0, systolic, diastolic))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "home {0}/{1} -> {2}")
    @CsvSource({
        "134, 84, none",
        "135, 84, bp.home:MODERATE",
        "134, 85, bp.home:MODERATE",
        "140, 90, bp.home:MODERATE",
        "160, 90, bp.grade2:HIGH",
        "181, 90, bp.grade3:CRITICAL"})
    void home(double systolic, double diastolic, String expected) {
      assertThat(new RiskFixture().ruleOf(bp(T0, systolic, diastolic))).isEqualTo(expected);
    }

    @Test
    @DisplayName("the adult thresholds apply from the 18th birthday; an unknown birth date counts as an adult")
    void age() {
      LocalDate today = LocalDate.of(2026, 11, 25);
      assertThat(new RiskFixture().born(today.minusYears(18).plusDays(1)).ruleOf(bp(T0, 150, 95))).isEqualTo("none");
      assertThat(new RiskFixture().born(today.minusYears(18)).ruleOf(bp(T0, 150, 95)))
          .isEqualTo("bp.home:MODERATE");
      assertThat(new RiskFixture().born(null).ruleOf(bp(T0, 150, 95))).isEqualTo("bp.home:MODERATE");
    }

    @Test
    @DisplayName("a pregnant member is judged by the pregnancy thresholds, not the home 135/85")
    void pregnantNotAdultRules() {
      RiskFixture f = new RiskFixture().pregnantAt(GestationalAge.of(26, 0));
      assertThat(f.ruleOf(bp(T0, 138, 88))).isEqualTo("none");
    }
  }

  @Nested
  @DisplayName("hypertension in pregnancy")
  class Pregnancy {
    private final RiskFixture f = new RiskFixture().pregnantAt(GestationalAge.of(26, 0));

    @Test
    @DisplayName("one reading of 140/90 after week 20 awaits confirmation (LOW); 139/89 is nothing")
    void single() {
      assertThat(f.ruleOf(bp(T0, 139, 89))).isEqualTo("none");
      assertThat(f.ruleOf(bp(T0, 140, 89))).isEqualTo("pregnancy.bp.hypertension?:LOW");
      assertThat(f.ruleOf(bp(T0, 130, 90))).isEqualTo("pregnancy.bp.hypertension?:LOW");
    }

    @Test
    @DisplayName("a second reading 4 hours later confirms it (HIGH); 3 h 59 min later does not")
    void confirmation() {
      Observation first = bp(T0, 142, 91);
      assertThat(f.ruleOf(bp(T0.plus(Duration.ofHours(4)).minusSeconds(60), 141, 90), first))
          .isEqualTo("pregnancy.bp.hypertension?:LOW");
      Observation second = bp(T0.plus(Duration.ofHours(4)), 141, 90);
      List<RiskFinding> confirmed = f.judge(second, first);
      assertThat(confirmed).singleElement().satisfies(x -> {
        assertThat(x.ruleKey()).isEqualTo("pregnancy.bp.hypertension");
        assertThat(x.severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(x.awaitingConfirmation()).isFalse();
        assertThat(x.evidence()).containsExactly(second, first);
        assertThat(x.dataCategory()).isEqualTo("health.pregnancy");
      });
    }

    @Test
    @DisplayName("a late-arriving earlier reading confirms as well (order does not matter)")
    void orderIndependent() {
      Observation later = bp(T0.plus(Duration.ofHours(5)), 145, 92);
      Observation earlier = bp(T0, 141, 90);
      assertThat(f.ruleOf(earlier, later)).isEqualTo("pregnancy.bp.hypertension:HIGH");
      assertThat(f.ruleOf(later, earlier)).isEqualTo("pregnancy.bp.hypertension:HIGH");
    }

    @Test
    @DisplayName("readings more than 7 days apart, or one below 140/90, do not confirm each other")
    void window() {
      Observation first = bp(T0, 145, 95);
      assertThat(f.ruleOf(bp(T0.plus(Duration.ofDays(7)).plusSeconds(1), 145, 95), first))
          .isEqualTo("pregnancy.bp.hypertension?:LOW");
      assertThat(f.ruleOf(bp(T0.plus(Duration.ofHours(6)), 145, 95), bp(T0, 139, 89)))
          .isEqualTo("pregnancy.bp.hypertension?:LOW");
    }

    @Test
    @DisplayName("the severe range (160 and/or 110) is CRITICAL on a single reading; 159/109 is not")
    void severe() {
      assertThat(f.ruleOf(bp(T0, 160, 100))).isEqualTo("pregnancy.bp.severe:CRITICAL");
      assertThat(f.ruleOf(bp(T0, 150, 110))).isEqualTo("pregnancy.bp.severe:CRITICAL");
      assertThat(f.ruleOf(bp(T0, 159, 109))).isEqualTo("pregnancy.bp.hypertension?:LOW");
      RiskFixture early = new RiskFixture().pregnantAt(GestationalAge.of(12, 0));
      assertThat(early.ruleOf(bp(T0, 165, 95))).isEqualTo("pregnancy.bp.severe:CRITICAL");
    }

    @Test
    @DisplayName("week 19+6 is chronic hypertension in pregnancy; week 20+0 starts the pregnancy rule")
    void week20() {
      RiskFixture before = new RiskFixture().pregnantAt(GestationalAge.of(19, 6));
      assertThat(before.ruleOf(bp(T0, 140, 90))).isEqualTo("pregnancy.bp.before20:MODERATE");
      RiskFixture at = new RiskFixture().pregnantAt(GestationalAge.of(20, 0));
      assertThat(at.ruleOf(bp(T0, 140, 90))).isEqualTo("pregnancy.bp.hypertension?:LOW");
    }

    @Test
    @DisplayName("a gestational age on the reading itself makes the member pregnant without a calendar")
    void readingCarriesGestationalAge() {
      RiskFixture noCalendar = new RiskFixture();
      Observation o = RiskFixture.reading(ObservationTypes.BLOOD_PRESSURE, T0,
          ObservationContext.NONE.withGestationalAge(GestationalAge.of(30, 2)), "mm[Hg]", 141, 91);
      assertThat(noCalendar.ruleOf(o)).isEqualTo("pregnancy.bp.hypertension?:LOW");
    }
  }

  @Nested
  @DisplayName("glucose")
  class Glucose {
    @ParameterizedTest(name = "OGTT {0} {1} mmol/L at week 26 -> {2}")
    @CsvSource({
        "OGTT_75G_FASTING, 5.09, none",
        "OGTT_75G_FASTING, 5.10, gdm.ogtt.fasting:HIGH",
        "OGTT_75G_1H, 9.99, none",
        "OGTT_75G_1H, 10.0, gdm.ogtt.1h:HIGH",
        "OGTT_75G_2H, 8.49, none",
        "OGTT_75G_2H, 8.50, gdm.ogtt.2h:HIGH"})
    void ogtt(MealRelation draw, double mmol, String expected) {
      RiskFixture f = new RiskFixture().pregnantAt(GestationalAge.of(26, 0));
      assertThat(f.ruleOf(glucose(T0, draw, mmol))).isEqualTo(expected);
    }

    @Test
    @DisplayName("the OGTT criteria hold at weeks 24+0 to 28+6 only")
    void ogttWeeks() {
      assertThat(new RiskFixture().pregnantAt(GestationalAge.of(23, 6))
          .ruleOf(glucose(T0, MealRelation.OGTT_75G_FASTING, 5.2))).isEqualTo("none");
      assertThat(new RiskFixture().pregnantAt(GestationalAge.of(24, 0))
          .ruleOf(glucose(T0, MealRelation.OGTT_75G_FASTING, 5.2))).isEqualTo("gdm.ogtt.fasting:HIGH");
      assertThat(new RiskFixture().pregnantAt(GestationalAge.of(28, 6))
          .ruleOf(glucose(T0, MealRelation.OGTT_75G_FASTING, 5.2))).isEqualTo("gdm.ogtt.fasting:HIGH");
      assertThat(new RiskFixture().pregnantAt(GestationalAge.of(29, 0))
          .ruleOf(glucose(T0, MealRelation.OGTT_75G_FASTING, 5.2))).isEqualTo("none");
    }

    @Test
    @DisplayName("an everyday fasting reading is judged against the pregnancy target (above 5.3), not the OGTT")
    void pregnancyTargets() {
      RiskFixture f = new RiskFixture().pregnantAt(GestationalAge.of(26, 0));
      assertThat(f.ruleOf(glucose(T0, MealRelation.FASTING, 5.3))).isEqualTo("none");
      assertThat(f.ruleOf(glucose(T0, MealRelation.FASTING, 5.31)))
          .isEqualTo("pregnancy.glucose.fasting_above_target:MODERATE");
      assertThat(f.ruleOf(glucose(T0, MealRelation.TWO_HOURS_POSTPRANDIAL, 6.7))).isEqualTo("none");
      assertThat(f.ruleOf(glucose(T0, MealRelation.TWO_HOURS_POSTPRANDIAL, 6.71)))
          .isEqualTo("pregnancy.glucose.2h_above_target:MODERATE");
      assertThat(new RiskFixture().ruleOf(glucose(T0, MealRelation.FASTING, 5.31))).isEqualTo("none");
    }

    @ParameterizedTest(name = "{0} {1} mmol/L -> {2}")
    @CsvSource({
        "FASTING, 6.99, none",
        "FASTING, 7.0, glucose.diabetes.fasting:MODERATE",
        "OGTT_75G_2H, 11.09, none",
        "OGTT_75G_2H, 11.1, glucose.diabetes.ogtt2h:MODERATE",
        "AFTER_MEAL, 3.9, none",
        "AFTER_MEAL, 3.89, glucose.hypo.level1:MODERATE",
        "BEFORE_DINNER, 3.0, glucose.hypo.level1:MODERATE",
        "BEFORE_DINNER, 2.99, glucose.hypo.level2:CRITICAL"})
    void diabetesAndHypoglycaemia(MealRelation meal, double mmol, String expected) {
      assertThat(new RiskFixture().ruleOf(glucose(T0, meal, mmol))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} mg/dL as entered -> {1}")
    @CsvSource({"70, none", "69, glucose.hypo.level1:MODERATE", "54, glucose.hypo.level1:MODERATE",
        "53, glucose.hypo.level2:CRITICAL"})
    void mgPerDl(double mgPerDl, String expected) {
      // 54 mg/dL is 2.997 mmol/L and 70 mg/dL 3.885 mmol/L: judged by the guideline's own mg/dL figures
      Observation o = RiskFixture.reading(ObservationTypes.BLOOD_GLUCOSE, T0, ObservationContext.NONE, "mg/dL",
          mgPerDl);
      assertThat(new RiskFixture().ruleOf(o)).isEqualTo(expected);
    }

    @Test
    @DisplayName("an OGTT entered in mg/dL uses the IADPSG mg/dL figures (92, 180, 153)")
    void ogttMgPerDl() {
      RiskFixture f = new RiskFixture().pregnantAt(GestationalAge.of(26, 0));
      assertThat(f.ruleOf(RiskFixture.reading(ObservationTypes.BLOOD_GLUCOSE, T0,
          ObservationContext.NONE.withMeal(MealRelation.OGTT_75G_FASTING), "mg/dL", 91))).isEqualTo("none");
      assertThat(f.ruleOf(RiskFixture.reading(ObservationTypes.BLOOD_GLUCOSE, T0,
          ObservationContext.NONE.withMeal(MealRelation.OGTT_75G_FASTING), "mg/dL", 92)))
          .isEqualTo("gdm.ogtt.fasting:HIGH");
    }
  }

  @Nested
  @DisplayName("fetal heart rate, SpO2, birth weight")
  class Vitals {
    @ParameterizedTest(name = "FHR {0} at week 30 -> {1}")
    @CsvSource({"109, fhr.low:HIGH", "110, none", "160, none", "161, fhr.high:HIGH"})
    void fetalHeartRate(double bpm, String expected) {
      RiskFixture f = new RiskFixture().pregnantAt(GestationalAge.of(30, 0));
      assertThat(f.ruleOf(single(ObservationTypes.FETAL_HEART_RATE, T0, "/min", bpm))).isEqualTo(expected);
    }

    @Test
    @DisplayName("a fast fetal heart before week 20 is normal; with no known week the 110-160 range applies")
    void fetalHeartWeeks() {
      RiskFixture early = new RiskFixture().pregnantAt(GestationalAge.of(12, 0));
      assertThat(early.ruleOf(single(ObservationTypes.FETAL_HEART_RATE, T0, "/min", 170))).isEqualTo("none");
      assertThat(new RiskFixture().ruleOf(single(ObservationTypes.FETAL_HEART_RATE, T0, "/min", 161)))
          .isEqualTo("fhr.high:HIGH");
    }

    @ParameterizedTest(name = "SpO2 {0}% -> {1}")
    @CsvSource({"95, none", "94, spo2.watch:MODERATE", "90, spo2.watch:MODERATE", "89, spo2.low:HIGH"})
    void oxygen(double percent, String expected) {
      assertThat(new RiskFixture().ruleOf(single(ObservationTypes.OXYGEN_SATURATION, T0, "%", percent)))
          .isEqualTo(expected);
    }

    @ParameterizedTest(name = "newborn {0} kg -> {1}")
    @CsvSource({"3.999, none", "4.0, birth_weight.macrosomia:MODERATE", "2.5, none",
        "2.499, birth_weight.low:MODERATE"})
    void birthWeight(double kg, String expected) {
      RiskFixture newborn = new RiskFixture().born(LocalDate.of(2026, 11, 24));
      assertThat(newborn.ruleOf(single(ObservationTypes.BODY_WEIGHT, T0, "kg", kg))).isEqualTo(expected);
    }

    @Test
    @DisplayName("a weighing two days after birth is not the birth weight")
    void notBirthWeight() {
      RiskFixture older = new RiskFixture().born(LocalDate.of(2026, 11, 23));
      assertThat(older.ruleOf(single(ObservationTypes.BODY_WEIGHT, T0, "kg", 4.2))).isEqualTo("none");
    }
  }

  @Nested
  @DisplayName("fever")
  class Fever {
    @ParameterizedTest(name = "{0} {1} °C -> {2}")
    @CsvSource({
        "AXILLARY, 37.2, none",
        "AXILLARY, 37.3, fever.low:LOW",
        "AXILLARY, 38.0, fever.low:LOW",
        "AXILLARY, 38.1, fever.moderate:MODERATE",
        "AXILLARY, 39.0, fever.moderate:MODERATE",
        "AXILLARY, 39.1, fever.high:HIGH",
        "AXILLARY, 41.0, fever.high:HIGH",
        "AXILLARY, 41.1, fever.extreme:CRITICAL",
        "ORAL, 37.3, fever.low:LOW",
        "RECTAL, 37.7, none",
        "RECTAL, 37.8, fever.core.low:LOW",
        "TYMPANIC, 38.6, fever.core.moderate:MODERATE",
        "RECTAL, 39.6, fever.core.high:HIGH"})
    void bySite(MeasurementSite site, double celsius, String expected) {
      assertThat(new RiskFixture().ruleOf(temperature(T0, site, celsius))).isEqualTo(expected);
    }

    @Test
    @DisplayName("a reading without a site counts as axillary; a °F reading is judged after conversion")
    void unknownSiteAndFahrenheit() {
      RiskFixture f = new RiskFixture();
      Observation noSite = single(ObservationTypes.BODY_TEMPERATURE, T0, "Cel", 37.3);
      assertThat(f.ruleOf(noSite)).isEqualTo("fever.low:LOW");
      // 99.14 °F is 37.3 °C up to floating-point noise
      Observation fahrenheit = single(ObservationTypes.BODY_TEMPERATURE, T0, "[degF]", 99.14);
      assertThat(fahrenheit.value()).isNotEqualTo(37.3).isCloseTo(37.3, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(f.ruleOf(fahrenheit)).isEqualTo("fever.low:LOW");
    }

    @Test
    @DisplayName("38.0 °C in a baby under 3 months is CRITICAL; on the day she turns 3 months it is a low fever")
    void infant() {
      Instant onDay = T0; // 2026-11-25
      RiskFixture under = new RiskFixture().born(LocalDate.of(2026, 8, 26));
      assertThat(under.ruleOf(temperature(onDay, MeasurementSite.AXILLARY, 38.0))).isEqualTo("fever.infant:CRITICAL");
      assertThat(under.ruleOf(temperature(onDay, MeasurementSite.AXILLARY, 37.9))).isEqualTo("fever.low:LOW");
      RiskFixture turned = new RiskFixture().born(LocalDate.of(2026, 8, 25));
      assertThat(turned.ruleOf(temperature(onDay, MeasurementSite.AXILLARY, 38.0))).isEqualTo("fever.low:LOW");
    }
  }

  @Nested
  @DisplayName("fetal movements from week 28")
  class FetalMovements {
    private final RiskFixture f = new RiskFixture().pregnantAt(GestationalAge.of(30, 0));

    @Test
    @DisplayName("a 12-hour count of 10 is normal; 9 is reduced (HIGH); before week 28 it is not judged")
    void twelveHours() {
      assertThat(f.ruleOf(movements(T0, T0.plus(Duration.ofHours(12)), 10))).isEqualTo("none");
      assertThat(f.ruleOf(movements(T0, T0.plus(Duration.ofHours(12)), 9))).isEqualTo("fetal_movements.low:HIGH");
      RiskFixture early = new RiskFixture().pregnantAt(GestationalAge.of(27, 6));
      assertThat(early.ruleOf(movements(T0, T0.plus(Duration.ofHours(12)), 5))).isEqualTo("none");
    }

    @Test
    @DisplayName("three 1-hour counts are scaled to 12 hours; two hours of counting are not enough to judge")
    void sampledHours() {
      Observation morning = movements(T0, T0.plus(Duration.ofHours(1)), 0);
      Observation noon = movements(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(5)), 0);
      Observation evening = movements(T0.plus(Duration.ofHours(9)), T0.plus(Duration.ofHours(10)), 1);
      assertThat(f.ruleOf(noon, morning)).isEqualTo("none"); // only 2 h counted
      assertThat(f.ruleOf(evening, morning, noon)).isEqualTo("fetal_movements.low:HIGH"); // 1 in 3 h -> 4 in 12 h
      Observation busy = movements(T0.plus(Duration.ofHours(9)), T0.plus(Duration.ofHours(10)), 3);
      Observation m2 = movements(T0, T0.plus(Duration.ofHours(1)), 3);
      Observation n2 = movements(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(5)), 3);
      assertThat(f.ruleOf(busy, m2, n2)).isEqualTo("none"); // 9 in 3 h -> 36 in 12 h
    }

    @Test
    @DisplayName("a drop of half from her own 3-day baseline is acted on; a smaller drop is not")
    void drop() {
      List<Observation> baseline = new ArrayList<>();
      for (int d = 1; d <= 3; d++) {
        Instant day = T0.minus(Duration.ofDays(d));
        baseline.add(movements(day, day.plus(Duration.ofHours(12)), 30));
      }
      Observation half = movements(T0, T0.plus(Duration.ofHours(12)), 15);
      assertThat(f.ruleOf(half, baseline.toArray(Observation[]::new))).isEqualTo("fetal_movements.drop:HIGH");
      Observation less = movements(T0, T0.plus(Duration.ofHours(12)), 16);
      assertThat(f.ruleOf(less, baseline.toArray(Observation[]::new))).isEqualTo("none");
    }
  }

  @Nested
  @DisplayName("pregnancy weight gain (WS/T 801-2022)")
  class WeightGain {
    // 60 kg at 160 cm: BMI 23.4 (normal); band at 26+0 is 0.26*12 = 3.12 to 2 + 0.48*12 = 7.76 kg
    private final RiskFixture f = new RiskFixture().pregnantAt(GestationalAge.of(26, 0));

    @ParameterizedTest(name = "gain {0} kg at 26+0 -> {1}")
    @CsvSource({"7.76, none", "7.78, pregnancy.weight_gain.above_band:LOW", "3.12, none",
        "3.10, pregnancy.weight_gain.below_band:LOW"})
    void band(double gain, String expected) {
      assertThat(f.ruleOf(single(ObservationTypes.BODY_WEIGHT, T0, "kg", 60 + gain))).isEqualTo(expected);
    }

    @Test
    @DisplayName("in the first trimester the band is 0-2 kg")
    void firstTrimester() {
      RiskFixture early = new RiskFixture().pregnantAt(GestationalAge.of(10, 0));
      assertThat(early.ruleOf(single(ObservationTypes.BODY_WEIGHT, T0, "kg", 62.0))).isEqualTo("none");
      assertThat(early.ruleOf(single(ObservationTypes.BODY_WEIGHT, T0, "kg", 62.1)))
          .isEqualTo("pregnancy.weight_gain.above_band:LOW");
      assertThat(early.ruleOf(single(ObservationTypes.BODY_WEIGHT, T0, "kg", 59.9)))
          .isEqualTo("pregnancy.weight_gain.below_band:LOW");
    }
  }

  @Test
  @DisplayName("property: a condition yields one finding, the most severe of the rules that hold (seeded)")
  void oneFindingPerCondition() {
    long seed = 20261125L;
    Random random = new Random(seed);
    RiskFixture clinic = new RiskFixture().clinic();
    for (int i = 0; i < 2_000; i++) {
      double sys = 90 + random.nextInt(120);
      double dia = 50 + random.nextInt(Math.min(80, (int) sys - 49));
      List<RiskFinding> findings = clinic.judge(bp(T0, sys, dia));
      AlertSeverity expected = sys >= 180 || dia >= 110 ? AlertSeverity.CRITICAL
          : sys >= 160 || dia >= 100 ? AlertSeverity.HIGH : sys >= 140 || dia >= 90 ? AlertSeverity.MODERATE : null;
      if (expected == null) {
        assertThat(findings).as("seed %d: %s/%s", seed, sys, dia).isEmpty();
      } else {
        assertThat(findings).as("seed %d: %s/%s", seed, sys, dia).singleElement()
            .extracting(RiskFinding::severity).isEqualTo(expected);
      }
    }
  }
}
