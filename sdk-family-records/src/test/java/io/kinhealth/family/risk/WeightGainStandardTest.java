package io.kinhealth.family.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinhealth.family.observation.GestationalAge;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("WS/T 801-2022 weight-gain bands")
class WeightGainStandardTest {
  private final WeightGainStandard standard = WeightGainStandard.defaults();

  @ParameterizedTest(name = "BMI {0} -> {1}")
  @CsvSource({"18.49, UNDERWEIGHT", "18.5, NORMAL", "23.99, NORMAL", "24.0, OVERWEIGHT", "27.99, OVERWEIGHT",
      "28.0, OBESE", "35, OBESE", "15, UNDERWEIGHT"})
  void categories(double bmi, BmiCategory expected) {
    assertThat(standard.categoryOf(bmi)).isEqualTo(expected);
  }

  @Test
  @DisplayName("a BMI from 61.44 kg at 160 cm is exactly 24.0: overweight")
  void bmiEdgeFromWeightAndHeight() {
    double bmi = 61.44 / (1.6 * 1.6);
    assertThat(bmi).isCloseTo(24.0, within(1e-9));
    assertThat(standard.categoryOf(Math.round(bmi * 1e9) / 1e9)).isEqualTo(BmiCategory.OVERWEIGHT);
  }

  @ParameterizedTest(name = "{0} at {1}+{2}: {3} to {4} kg")
  @CsvSource({
      "NORMAL, 10, 0, 0.0, 2.0",
      "NORMAL, 13, 6, 0.0, 2.0",
      "NORMAL, 14, 0, 0.0, 2.0",
      "NORMAL, 26, 0, 3.12, 7.76",
      "NORMAL, 40, 0, 6.76, 14.0",
      "UNDERWEIGHT, 26, 0, 4.44, 8.72",
      "OVERWEIGHT, 26, 0, 2.64, 6.44",
      "OBESE, 26, 0, 1.80, 5.60",
      "OBESE, 40, 0, 3.90, 9.0"})
  void bands(BmiCategory category, int weeks, int days, double low, double high) {
    WeightGainBand band = standard.band(category, GestationalAge.of(weeks, days));
    assertThat(band.lowKg()).isCloseTo(low, within(1e-9));
    assertThat(band.highKg()).isCloseTo(high, within(1e-9));
    assertThat(band.expectedKg()).isBetween(band.lowKg(), band.highKg());
  }

  @Test
  @DisplayName("the band edges are within; a gram beyond is below or above")
  void classify() {
    WeightGainBand band = standard.band(BmiCategory.NORMAL, GestationalAge.of(26, 0));
    assertThat(band.classify(3.12)).isEqualTo(WeightGainPosition.WITHIN);
    assertThat(band.classify(7.76)).isEqualTo(WeightGainPosition.WITHIN);
    assertThat(band.classify(3.119)).isEqualTo(WeightGainPosition.BELOW);
    assertThat(band.classify(7.761)).isEqualTo(WeightGainPosition.ABOVE);
  }
}
