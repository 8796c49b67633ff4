package io.kinhealth.family.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.observation.GestationalAge;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-computed cases: 280 days counted on the calendar, leap days included, cycles of 21, 28 and 35 days. */
@DisplayName("Pregnancy dating")
class PregnancyDatingTest {

  @ParameterizedTest(name = "LMP {0}, {1}-day cycle -> due {2}")
  @CsvSource({
      // 2024 is a leap year: Jan 1 + 280 days passes 29 Feb and lands on 7 Oct (the month shortcut says 8 Oct)
      "2024-01-01, 28, 2024-10-07",
      "2024-01-01, 21, 2024-09-30",
      "2024-01-01, 35, 2024-10-14",
      // a pregnancy spanning 29 Feb 2024: 1 Jun 2023 + 280 days is 7 Mar 2024 (the shortcut says 8 Mar)
      "2023-06-01, 28, 2024-03-07",
      // the same span a year earlier has no leap day: 1 Jun 2022 + 280 days is 8 Mar 2023
      "2022-06-01, 28, 2023-03-08",
      "2023-06-01, 35, 2024-03-14",
      "2023-06-01, 21, 2024-02-29"})
  void dueDate(LocalDate lmp, int cycle, LocalDate due) {
    assertThat(PregnancyDating.dueDate(lmp, cycle)).isEqualTo(due);
    assertThat(PregnancyDating.gestationalAge(lmp, cycle, due)).contains(GestationalAge.of(40, 0));
  }

  @ParameterizedTest(name = "LMP {0}, {1}-day cycle, on {2} -> {3}+{4}")
  @CsvSource({
      "2024-01-01, 28, 2024-01-01, 0, 0",
      "2024-01-01, 28, 2024-02-29, 8, 3",
      "2024-01-01, 28, 2024-03-01, 8, 4",
      "2024-01-01, 35, 2024-07-14, 26, 6",
      "2024-01-01, 21, 2024-07-01, 27, 0",
      "2024-01-01, 35, 2024-01-08, 0, 0",
      "2023-06-01, 28, 2023-11-30, 26, 0"})
  void gestationalAge(LocalDate lmp, int cycle, LocalDate on, int weeks, int days) {
    assertThat(PregnancyDating.gestationalAge(lmp, cycle, on)).contains(GestationalAge.of(weeks, days));
  }

  @Test
  @DisplayName("before the dating start (a long cycle shifts it) there is no gestational age yet")
  void beforeStart() {
    assertThat(PregnancyDating.gestationalAge(LocalDate.of(2024, 1, 1), 35, LocalDate.of(2024, 1, 7))).isEmpty();
    assertThat(PregnancyDating.dateAt(LocalDate.of(2024, 1, 1), 35, GestationalAge.of(0, 0)))
        .isEqualTo(LocalDate.of(2024, 1, 8));
  }

  @ParameterizedTest(name = "{0}+{1} -> {2}")
  @CsvSource({"0, 0, FIRST", "13, 6, FIRST", "14, 0, SECOND", "27, 6, SECOND", "28, 0, THIRD", "41, 3, THIRD"})
  void trimesters(int weeks, int days, Trimester expected) {
    assertThat(Trimester.of(GestationalAge.of(weeks, days))).isEqualTo(expected);
  }

  @Test
  @DisplayName("the week's content key counts completed weeks and stops at 42")
  void contentKeys() {
    assertThat(PregnancyDating.contentKey(GestationalAge.of(26, 3))).isEqualTo("pregnancy.week.26");
    assertThat(PregnancyDating.contentKey(GestationalAge.of(4, 0))).isEqualTo("pregnancy.week.4");
    assertThat(PregnancyDating.contentKey(GestationalAge.of(43, 1))).isEqualTo("pregnancy.week.42");
  }

  @Test
  @DisplayName("a pregnancy goes on until it ends, and at most until 42+6")
  void ongoing() {
    Pregnancy p = Pregnancy.ongoing(PregnancyId.of("preg-1"), PersonId.of("p-1"), LocalDate.of(2024, 1, 1), 28, 55.0,
        162.0, Instant.parse("2024-02-01T00:00:00Z"));
    PregnancyWeek w = p.weekOn(LocalDate.of(2024, 7, 4)).orElseThrow();
    assertThat(w.gestationalAge()).isEqualTo(GestationalAge.of(26, 3));
    assertThat(w.trimester()).isEqualTo(Trimester.SECOND);
    assertThat(w.dueDate()).isEqualTo(LocalDate.of(2024, 10, 7));
    assertThat(w.daysUntilDue()).isEqualTo(95);
    assertThat(w.contentKey()).isEqualTo("pregnancy.week.26");
    assertThat(p.gestationalAgeOn(LocalDate.of(2024, 10, 27))).contains(GestationalAge.of(42, 6));
    assertThat(p.gestationalAgeOn(LocalDate.of(2024, 10, 28))).isEmpty();
    Pregnancy born = p.ended(LocalDate.of(2024, 10, 1), PregnancyOutcome.LIVE_BIRTH);
    assertThat(born.gestationalAgeOn(LocalDate.of(2024, 9, 30))).isPresent();
    assertThat(born.gestationalAgeOn(LocalDate.of(2024, 10, 1))).isEmpty();
    assertThat(p.prePregnancyBmi().getAsDouble()).isCloseTo(55 / (1.62 * 1.62), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(p.toString()).doesNotContain("2024");
  }
}
