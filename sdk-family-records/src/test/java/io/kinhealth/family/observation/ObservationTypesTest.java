package io.kinhealth.family.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ObservationTypesTest {
  private final ObservationTypes types = ObservationTypes.defaults();

  @Test
  @DisplayName("the default registry is versioned, cites its sources and holds the eleven home-device types")
  void defaultsAreVersionedData() {
    assertThat(types.version()).isEqualTo("observation-types/2026.1");
    assertThat(types.sources()).isNotEmpty();
    assertThat(types.all()).extracting(ObservationType::key).containsExactly("blood-pressure", "heart-rate",
        "fetal-heart-rate", "oxygen-saturation", "body-temperature", "body-weight", "body-height",
        "body-mass-index", "blood-glucose", "steps", "fetal-movements");
  }

  @Test
  @DisplayName("fetal heart rate is its own type coded 55283-6, never the heart rate code 8867-4")
  void fetalHeartRateIsNotHeartRate() {
    ObservationType fetal = types.get(ObservationTypes.FETAL_HEART_RATE);
    assertThat(fetal.coding().code()).isEqualTo("55283-6");
    assertThat(fetal.component(ComponentType.VALUE).coding().code()).isEqualTo("55283-6");
    assertThat(fetal.dataCategory()).isEqualTo("health.pregnancy");
    assertThat(types.get(ObservationTypes.HEART_RATE).coding().code()).isEqualTo("8867-4");
    assertThat(types.findByCode(Coding.LOINC, "55283-6")).contains(fetal);
    assertThat(fetal).isNotEqualTo(types.get(ObservationTypes.HEART_RATE));
  }

  @Test
  @DisplayName("blood pressure is the 85354-9 panel with systolic 8480-6 and diastolic 8462-4 in mm[Hg]")
  void bloodPressureHasComponents() {
    ObservationType bp = types.get(ObservationTypes.BLOOD_PRESSURE);
    assertThat(bp.coding().code()).isEqualTo("85354-9");
    assertThat(bp.components()).extracting(ComponentType::key).containsExactly("systolic", "diastolic");
    assertThat(bp.components()).extracting(c -> c.coding().code()).containsExactly("8480-6", "8462-4");
    assertThat(bp.canonicalUnit()).isEqualTo("mm[Hg]");
    assertThat(bp.contextFields()).contains(ContextField.MEASUREMENT_SITE, ContextField.BODY_POSITION,
        ContextField.GESTATIONAL_AGE);
  }

  @Test
  @DisplayName("the canonical units are the UCUM ones of the domain handbook")
  void canonicalUnits() {
    assertThat(types.get("heart-rate").canonicalUnit()).isEqualTo("/min");
    assertThat(types.get("oxygen-saturation").canonicalUnit()).isEqualTo("%");
    assertThat(types.get("oxygen-saturation").additionalCodings()).extracting(Coding::code).containsExactly("59408-5");
    assertThat(types.get("body-temperature").canonicalUnit()).isEqualTo("Cel");
    assertThat(types.get("body-weight").canonicalUnit()).isEqualTo("kg");
    assertThat(types.get("body-height").canonicalUnit()).isEqualTo("cm");
    assertThat(types.get("body-mass-index").canonicalUnit()).isEqualTo("kg/m2");
    assertThat(types.get("blood-glucose").canonicalUnit()).isEqualTo("mmol/L");
    assertThat(types.get("blood-glucose").coding().code()).isEqualTo("15074-8");
  }

  @Test
  @DisplayName("glucose carries the more specific LOINC code of its context: fasting, capillary fasting, 2 h OGTT")
  void glucoseCodeFollowsContext() {
    ObservationType glucose = types.get(ObservationTypes.BLOOD_GLUCOSE);
    assertThat(glucose.codingFor(ObservationContext.NONE).code()).isEqualTo("15074-8");
    assertThat(glucose.codingFor(ObservationContext.NONE.withMeal(MealRelation.FASTING)).code()).isEqualTo("14771-0");
    assertThat(glucose.codingFor(ObservationContext.NONE.withMeal(MealRelation.FASTING)
        .withSpecimen(Specimen.CAPILLARY_BLOOD)).code()).isEqualTo("14770-2");
    assertThat(glucose.codingFor(ObservationContext.NONE.withMeal(MealRelation.OGTT_75G_2H)).code())
        .isEqualTo("14995-5");
    assertThat(glucose.codingFor(ObservationContext.NONE.withMeal(MealRelation.AFTER_LUNCH)).code())
        .isEqualTo("15074-8");
  }

  @Test
  @DisplayName("an unknown type key is a validation error on the type field that lists the known keys")
  void unknownType() {
    assertThatThrownBy(() -> types.get("blood-sugar"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo("observation.type.unknown");
          assertThat(e.field()).contains("type");
          assertThat(e.getMessage()).contains("blood-glucose");
        });
  }

  @Test
  @DisplayName("a host can add its own type next to the defaults without touching them")
  void hostTypes() {
    ObservationType respiration = ObservationType.builder("respiratory-rate")
        .display("Respiratory rate", "呼吸频率")
        .coding(Coding.loinc("9279-1", "Respiratory rate"))
        .component(new ComponentType(ComponentType.VALUE, Coding.loinc("9279-1", "Respiratory rate"), "/min",
            ValueRange.of(2, 100), 2, null))
        .unit("/min", 1, 0)
        .build();
    ObservationTypes extended = ObservationTypes.builder(types).add(respiration).build();
    assertThat(extended.get("respiratory-rate").displayZh()).isEqualTo("呼吸频率");
    assertThat(extended.all()).hasSize(types.all().size() + 1);
    assertThat(types.find("respiratory-rate")).isEmpty();
  }
}
