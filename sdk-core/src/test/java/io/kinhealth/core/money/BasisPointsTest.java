package io.kinhealth.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BasisPointsTest {
  @Test
  @DisplayName("covers 0% to 100% in hundredths of a percent")
  void range() {
    assertThat(BasisPoints.percent(7)).isEqualTo(BasisPoints.of(700));
    assertThat(BasisPoints.of(700).complement()).isEqualTo(BasisPoints.of(9300));
    assertThat(BasisPoints.of(700).plus(BasisPoints.of(300)).minus(BasisPoints.of(1000))).isEqualTo(BasisPoints.ZERO);
    assertThat(BasisPoints.FULL.value()).isEqualTo(10_000);
    assertThat(BasisPoints.of(750)).hasToString("750bp");
    assertThatThrownBy(() -> BasisPoints.of(10_001)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> BasisPoints.of(-1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> BasisPoints.FULL.plus(BasisPoints.of(1))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> BasisPoints.percent(101)).isInstanceOf(ValidationException.class);
  }
}
