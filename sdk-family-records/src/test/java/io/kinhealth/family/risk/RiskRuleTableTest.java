package io.kinhealth.family.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.observation.GestationalAge;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.support.RiskFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Risk rule tables")
class RiskRuleTableTest {
  private final RiskRuleTable defaults = RiskRuleTable.defaults();

  @Test
  @DisplayName("the default table is versioned and every rule cites one of its sources and says how it was checked")
  void citations() {
    assertThat(defaults.version()).isEqualTo("risk-rules/2026.1");
    assertThat(defaults.rules()).hasSizeGreaterThan(25).allSatisfy(r -> {
      assertThat(defaults.sources()).containsKey(r.source());
      assertThat(r.review()).isNotNull();
    });
    assertThat(defaults.sources().get("HDP-2020")).contains("4 hours");
    assertThat(defaults.fetalMovements()).get().extracting(FetalMovementRule::review)
        .isEqualTo(RuleReview.NEEDS_CLINICIAN_SIGN_OFF);
    assertThat(defaults.weightGain()).get().extracting(WeightGainRule::review).isEqualTo(RuleReview.UNVERIFIED);
    assertThat(WeightGainStandard.defaults().review()).isEqualTo(RuleReview.UNVERIFIED);
  }

  @Test
  @DisplayName("values the SDK chose where the sources are silent are marked for a clinician's sign-off")
  void sdkChoicesMarked() {
    for (String key : List.of("fever.core.low", "fever.infant", "fhr.high", "fhr.low", "bp.grade2", "bp.grade3")) {
      assertThat(defaults.rule(key)).get().extracting(RiskRule::review).as(key)
          .isEqualTo(RuleReview.NEEDS_CLINICIAN_SIGN_OFF);
    }
    assertThat(defaults.rule("pregnancy.bp.hypertension").orElseThrow().note()).contains("7 days");
  }

  @Test
  @DisplayName("a host loads its own table; the engine then applies its thresholds")
  void hostTable() throws Exception {
    String json = """
        {"version": "hospital-x/2027.1", "sources": {"X": "Hospital X protocol 12"},
         "rules": [{"key": "spo2.x", "condition": "low-oxygen-saturation", "type": "oxygen-saturation",
           "display": "SpO2 below 93", "severity": "HIGH", "criteria": [{"component": "value", "op": "<", "value": 93}],
           "source": "X", "review": "CITED"}]}
        """;
    RiskRuleTable table = RiskRuleTable.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    RiskEngine engine = RiskEngine.of(table, ObservationTypes.defaults(), WeightGainStandard.defaults());
    RiskFixture f = new RiskFixture();
    assertThat(engine.evaluate(RiskFixture.single(ObservationTypes.OXYGEN_SATURATION, RiskFixture.T0, "%", 93),
        List.of(), f::contextOf)).isEmpty();
    assertThat(engine.evaluate(RiskFixture.single(ObservationTypes.OXYGEN_SATURATION, RiskFixture.T0, "%", 92),
        List.of(), f::contextOf)).singleElement().satisfies(x -> {
          assertThat(x.severity()).isEqualTo(AlertSeverity.HIGH);
          assertThat(x.rulesVersion()).isEqualTo("hospital-x/2027.1");
        });
    assertThat(engine.watches(ObservationTypes.BLOOD_PRESSURE)).isFalse();
  }

  @Test
  @DisplayName("a host replaces one rule of the defaults; the version says the table was changed")
  void replaceRule() {
    RiskRule level1 = defaults.rule("glucose.hypo.level1").orElseThrow();
    RiskRule stricter = new RiskRule(level1.key(), level1.condition(), level1.observationType(), level1.display(),
        AlertSeverity.HIGH, level1.match(), level1.criteria(), level1.scope(), null, null, level1.source(),
        level1.review(), "triaged at this hospital");
    RiskRuleTable table = RiskRuleTable.builder(defaults).rule(stricter).build();
    assertThat(table.version()).isEqualTo("risk-rules/2026.1+host");
    assertThat(table.rule("glucose.hypo.level1")).get().extracting(RiskRule::severity).isEqualTo(AlertSeverity.HIGH);
    assertThat(table.rules()).hasSameSizeAs(defaults.rules());
  }

  @Test
  @DisplayName("malformed tables are refused naming the field: unknown source, operator, type or component")
  void malformed() {
    assertThatThrownBy(() -> RiskRuleTable.builder("v1").rule(defaults.rule("spo2.low").orElseThrow()).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("source");
    String badOperator = """
        {"version": "v", "sources": {"S": "s"}, "rules": [{"key": "k", "condition": "c", "type": "heart-rate",
          "display": "d", "severity": "HIGH", "criteria": [{"component": "value", "op": "=>", "value": 1}],
          "source": "S", "review": "CITED"}]}""";
    assertThatThrownBy(() -> RiskRuleTable.load(new ByteArrayInputStream(badOperator.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).contains("operator"));
    RiskRule wrongComponent = new RiskRule("k", "c", ObservationTypes.HEART_RATE, "d", AlertSeverity.LOW,
        RiskRule.Match.ANY, List.of(new Criterion("systolic", Operator.GE, 1)), null, null, null, "S",
        RuleReview.CITED, null);
    RiskRuleTable table = RiskRuleTable.builder("v").source("S", "s").rule(wrongComponent).build();
    assertThatThrownBy(() -> RiskEngine.of(table, ObservationTypes.defaults(), WeightGainStandard.defaults()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("component");
  }

  @Test
  @DisplayName("a rule scope cannot both exclude pregnancy and name gestational weeks")
  void contradictoryScope() {
    assertThatThrownBy(() -> new RuleScope(null, null, true, null, null, null, false, 20, null, false))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("history is read as far as the rules look: 7 days for blood pressure, none for SpO2")
  void historyNeeded() {
    RiskEngine engine = RiskEngine.defaults();
    assertThat(engine.historyNeeded(ObservationTypes.BLOOD_PRESSURE)).hasDays(7);
    assertThat(engine.historyNeeded(ObservationTypes.OXYGEN_SATURATION)).isZero();
    assertThat(engine.historyNeeded(ObservationTypes.FETAL_MOVEMENTS).toHours()).isEqualTo(12 + 4 * 24);
    assertThat(engine.watches(ObservationTypes.STEPS)).isFalse();
  }

  @Test
  @DisplayName("summaries are not judged: a daily average below 3.0 raises nothing")
  void summariesSkipped() {
    RiskFixture f = new RiskFixture().pregnantAt(GestationalAge.of(26, 0));
    var avg = io.kinhealth.family.support.Readings.NORMALISER.normalise(io.kinhealth.family.observation.Reading
        .builder(RiskFixture.MEMBER, ObservationTypes.BLOOD_GLUCOSE).values("mmol/L", 2.5)
        .at(RiskFixture.T0, java.time.ZoneOffset.ofHours(8)).until(RiskFixture.T0.plusSeconds(86_000))
        .statistic(io.kinhealth.family.observation.DescriptiveStatistic.AVERAGE).source(RiskFixture.HOME_CUFF).build());
    assertThat(f.judge(avg)).isEmpty();
  }
}
