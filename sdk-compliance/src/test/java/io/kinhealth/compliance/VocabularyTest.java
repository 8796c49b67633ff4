package io.kinhealth.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.HealthDataClass;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.error.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The vocabulary of categories, purposes, actions and lawful bases")
class VocabularyTest {
  private final Vocabulary v = Vocabulary.standard();

  @Test
  @DisplayName("every health category is sensitive per PIPL art. 28 and maps to GB/T 39725 and fideslang")
  void healthIsSensitive() {
    for (DataCategory c : v.categories()) {
      if (c.isWithin(StandardCategories.HEALTH)) {
        assertThat(c.sensitive()).as(c.code()).isTrue();
        assertThat(c.sensitivitySource()).as(c.code()).hasValueSatisfying(s -> assertThat(s).contains("art. 28"));
        assertThat(c.healthDataClass()).as(c.code()).isNotEqualTo(HealthDataClass.NOT_HEALTH_DATA);
        assertThat(c.fidesKey()).as(c.code()).hasValueSatisfying(k -> assertThat(k).startsWith("user.health"));
      }
    }
    assertThat(StandardCategories.MOBILE.sensitive()).isFalse();
    assertThat(v.requireCategory("financial.account").sensitive()).isTrue();
    assertThat(v.requireCategory("location.precise").sensitive()).isTrue();
  }

  @Test
  @DisplayName("the standard vocabulary has the seven lawful bases of art. 13 and the five actions")
  void basesAndActions() {
    assertThat(v.lawfulBases()).hasSize(7);
    assertThat(v.lawfulBases().stream().filter(b -> b.requiresConsent())).hasSize(1);
    assertThat(v.requireAction("share").separateConsentCitation()).contains("PIPL art. 23");
    assertThat(v.requireAction("disclose").separateConsentCitation()).contains("PIPL art. 25");
    assertThat(v.requireAction("transfer_abroad").separateConsentCitation()).contains("PIPL art. 39");
    assertThat(v.requireAction("use").requiresSeparateConsent()).isFalse();
  }

  @Test
  @DisplayName("hosts extend it; a duplicate code, a missing parent or a non-sensitive child of a sensitive parent "
      + "is refused")
  void extension() {
    Vocabulary mine = Vocabulary.builder().addAll(v)
        .purpose(Purpose.of("coaching", "Health coaching", "健康教练", null))
        .category(DataCategory.builder("health.sleep").name("Sleep", "睡眠").sensitive("PIPL art. 28").build())
        .build();
    assertThat(mine.purpose("coaching")).isPresent();
    assertThat(mine.version()).isEqualTo(v.version() + "+custom");
    assertThatThrownBy(() -> Vocabulary.builder().addAll(v).purpose(Purpose.of("marketing", "x", null, null)))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo("vocabulary.duplicate_code"));
    assertThatThrownBy(() -> Vocabulary.builder().addAll(v)
        .category(DataCategory.builder("pets.dog").name("Dog", "狗").build()).build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo("vocabulary.parent_missing"));
    assertThatThrownBy(() -> Vocabulary.builder().addAll(v)
        .category(DataCategory.builder("health.steps").name("Steps", "步数").build()).build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo("vocabulary.sensitive_parent"));
    assertThatThrownBy(() -> DataCategory.builder("Health..x").name("x", null).build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo("vocabulary.code_format"));
  }

  @Test
  @DisplayName("ancestry follows the dotted codes")
  void ancestry() {
    assertThat(v.selfAndAncestors(StandardCategories.HEALTH_PREGNANCY)).extracting(DataCategory::code)
        .containsExactly("health.pregnancy", "health");
    assertThat(StandardCategories.HEALTH_PREGNANCY.isWithin(StandardCategories.HEALTH)).isTrue();
    assertThat(v.requireCategory("health").isWithin(StandardCategories.HEALTH_PREGNANCY)).isFalse();
    assertThat(DataCategory.builder("healthy").name("x", null).build().isWithin(StandardCategories.HEALTH)).isFalse();
  }
}
