package io.kinhealth.family.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ObservationNormaliserTest {
  private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
  private static final PersonId MOTHER = PersonId.of("p-mother");
  private static final OffsetDateTime MORNING = OffsetDateTime.parse("2026-03-01T07:30:00+08:00");

  private final ObservationNormaliser normaliser = new ObservationNormaliser(ObservationTypes.defaults(),
      Clock.fixed(NOW, ZoneOffset.UTC), new UuidV7IdGenerator());

  private Reading.Builder reading(String type, String unit, double... values) {
    return Reading.builder(MOTHER, type).values(unit, values).at(MORNING).source(Source.manual("mother-phone"));
  }

  @Test
  @DisplayName("glucose typed in mg/dL is stored in mmol/L (divided by 18.016) and keeps what was typed")
  void glucoseMgPerDlToMmolPerL() {
    Observation o = normaliser.normalise(reading("blood-glucose", "mg/dL", 100).build());
    assertThat(o.value()).isCloseTo(100 / 18.016, within(1e-12));
    assertThat(o.provenance().originalUnit()).isEqualTo("mg/dL");
    assertThat(o.provenance().originalValues()).containsExactly(100.0);
    assertThat(ObservationNormaliser.convert(o.type(), o.value(), "mg/dL")).isCloseTo(100, within(1e-9));
    Observation same = normaliser.normalise(reading("blood-glucose", "mmol/L", 5.55).build());
    assertThat(same.value()).isEqualTo(5.55);
  }

  @Test
  @DisplayName("°F becomes °C, lb becomes kg, in becomes cm, kPa becomes mm[Hg], 斤 becomes kg")
  void otherConversions() {
    assertThat(normaliser.normalise(reading("body-temperature", "[degF]", 98.6).build()).value())
        .isCloseTo(37.0, within(1e-9));
    assertThat(normaliser.normalise(reading("body-temperature", "F", 212 - 100).build()).value())
        .isCloseTo(44.444, within(1e-3));
    assertThat(normaliser.normalise(reading("body-weight", "lb", 150).build()).value())
        .isCloseTo(68.0388555, within(1e-6));
    assertThat(normaliser.normalise(reading("body-weight", "斤", 120).build()).value()).isEqualTo(60.0);
    assertThat(normaliser.normalise(reading("body-height", "in", 65).build()).value()).isCloseTo(165.1, within(1e-9));
    Observation bp = normaliser.normalise(reading("blood-pressure", "kPa", 16, 10.7).build());
    assertThat(bp.value("systolic")).isCloseTo(120.0, within(0.02));
    assertThat(bp.value("diastolic")).isCloseTo(80.26, within(0.01));
  }

  @Test
  @DisplayName("the instant and the offset the reading carried are both kept")
  void timeAndOffset() {
    Observation o = normaliser.normalise(reading("heart-rate", "bpm", 72).build());
    assertThat(o.effectiveAt()).isEqualTo(Instant.parse("2026-02-28T23:30:00Z"));
    assertThat(o.offset()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(o.localTime()).isEqualTo(MORNING);
    assertThat(o.provenance().recordedAt()).isEqualTo(NOW);
    assertThat(o.provenance().timeBasis()).isEqualTo(TimeBasis.MEASURED);
  }

  @Test
  @DisplayName("an unknown unit is rejected on the unit field, listing the accepted ones")
  void unknownUnit() {
    assertThatThrownBy(() -> normaliser.normalise(reading("blood-glucose", "mg/L", 100).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).contains("unit");
          assertThat(e.reason()).isEqualTo("observation.unit.unknown");
          assertThat(e.getMessage()).contains("mmol/L", "mg/dL");
        });
  }

  @Test
  @DisplayName("an SpO2 of 120% is rejected as implausible on the value field, without echoing the value")
  void implausibleSpO2() {
    assertThatThrownBy(() -> normaliser.normalise(reading("oxygen-saturation", "%", 120).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).contains("value");
          assertThat(e.reason()).isEqualTo("observation.value.implausible");
          assertThat(e.getMessage()).contains("50-100 %").doesNotContain("120");
        });
  }

  @Test
  @DisplayName("implausible glucose is judged after conversion: 1,000 mg/dL is 55.5 mmol/L and is rejected")
  void implausibleAfterConversion() {
    assertThatThrownBy(() -> normaliser.normalise(reading("blood-glucose", "mg/dL", 1000).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason())
            .isEqualTo("observation.value.implausible"));
    assertThat(normaliser.normalise(reading("blood-glucose", "mg/dL", 990).build()).value()).isLessThan(55);
  }

  @Test
  @DisplayName("every problem of a reading is reported at once, each on its own field")
  void allProblemsAtOnce() {
    Reading bad = Reading.builder(null, "blood-pressure").values("mmHg", 70, 120)
        .at(NOW.plusSeconds(3600), null)
        .context(ObservationContext.NONE.withMeal(MealRelation.FASTING))
        .build();
    assertThatThrownBy(() -> normaliser.normalise(bad))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field)
            .containsExactlyInAnyOrder("subject", "values.diastolic", "effectiveAt", "offset", "context.meal",
                "source"));
  }

  @Test
  @DisplayName("a count such as steps needs the period it was counted over")
  void totalsNeedAPeriod() {
    assertThatThrownBy(() -> normaliser.normalise(reading("steps", "steps", 1200).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("effectiveEnd"));
    Observation steps = normaliser.normalise(reading("steps", "steps", 1200)
        .until(MORNING.plusHours(1).toInstant()).build());
    assertThat(steps.knownEnd()).contains(MORNING.plusHours(1).toInstant());
  }

  @Test
  @DisplayName("the wrong number of values and a missing type are clear errors")
  void shapeErrors() {
    assertThatThrownBy(() -> normaliser.normalise(reading("blood-pressure", "mmHg", 120).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).contains("values");
          assertThat(e.getMessage()).contains("systolic, diastolic");
        });
    assertThatThrownBy(() -> normaliser.normalise(Reading.builder(MOTHER, "mood").build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("type"));
  }

  @Test
  @DisplayName("observations never show the subject or values in toString")
  void noPersonalDataInToString() {
    Observation o = normaliser.normalise(reading("blood-glucose", "mmol/L", 7.77).build());
    assertThat(o.toString()).doesNotContain("7.77").doesNotContain("p-mother").contains("blood-glucose");
    assertThat(o.values().get(0).toString()).doesNotContain("7.77");
  }
}
