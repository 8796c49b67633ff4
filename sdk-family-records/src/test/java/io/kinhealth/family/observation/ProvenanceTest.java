package io.kinhealth.family.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");

  private static Provenance provenance(List<Double> originalValues) {
    return new Provenance(NOW, "mg/dL", originalValues, "manual", null, TimeBasis.MEASURED);
  }

  @Test
  @DisplayName("the original values are kept as an immutable copy that later changes to the caller's list do not reach")
  void originalValuesAreAnImmutableCopy() {
    List<Double> given = new ArrayList<>(List.of(100.0, 80.0));
    Provenance p = provenance(given);
    given.set(0, 1.0);
    assertThat(p.originalValues()).containsExactly(100.0, 80.0);
    assertThatThrownBy(() -> p.originalValues().add(3.0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("a null original value is refused with a validation error naming its position, not a null pointer")
  void nullOriginalValueIsRefusedByName() {
    assertThatThrownBy(() -> provenance(Arrays.asList(100.0, null)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).contains("provenance.originalValues[1]");
          assertThat(e.reason()).isEqualTo("required");
        });
  }

  @Test
  @DisplayName("missing or empty original values are refused with a validation error naming the field")
  void missingOrEmptyOriginalValuesAreRefused() {
    assertThatThrownBy(() -> provenance(null)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.field()).contains("provenance.originalValues"));
    assertThatThrownBy(() -> provenance(List.of())).isInstanceOfSatisfying(ValidationException.class, e -> {
      assertThat(e.field()).contains("provenance.originalValues");
      assertThat(e.reason()).isEqualTo("empty");
    });
  }
}
