package io.kinhealth.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgeTest {
  @Test
  @DisplayName("a person has n completed years from the nth birthday on")
  void completedYears() {
    LocalDate born = LocalDate.of(2012, 6, 1);
    assertThat(Age.completedYears(born, LocalDate.of(2026, 5, 31))).isEqualTo(13);
    assertThat(Age.completedYears(born, LocalDate.of(2026, 6, 1))).isEqualTo(14);
    assertThat(Age.completedYears(born, LocalDate.of(2011, 1, 1))).isZero();
    assertThat(Age.isUnder(born, 14, LocalDate.of(2026, 5, 31))).isTrue();
    assertThat(Age.isUnder(born, 14, LocalDate.of(2026, 6, 1))).isFalse();
  }

  @Test
  @DisplayName("someone born on 29 February has a birthday on 1 March in common years and on 29 February in leap years")
  void leapDayBirths() {
    LocalDate born = LocalDate.of(2012, 2, 29);
    assertThat(Age.birthday(born, 14)).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(Age.birthday(born, 16)).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(Age.completedYears(born, LocalDate.of(2026, 2, 28))).isEqualTo(13);
    assertThat(Age.completedYears(born, LocalDate.of(2026, 3, 1))).isEqualTo(14);
    for (int years = 0; years <= 100; years++) {
      LocalDate birthday = Age.birthday(born, years);
      assertThat(Age.completedYears(born, birthday)).as("years %d", years).isEqualTo(years);
      assertThat(Age.completedYears(born, birthday.minusDays(1))).as("years %d", years)
          .isEqualTo(Math.max(0, years - 1));
    }
  }
}
