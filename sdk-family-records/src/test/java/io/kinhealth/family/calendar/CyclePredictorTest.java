package io.kinhealth.family.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hand-computed forecasts; 2024 is a leap year, so February has 29 days. */
@DisplayName("Cycle forecasts")
class CyclePredictorTest {
  private final CyclePredictor predictor = CyclePredictor.defaults();

  private static List<LocalDate> dates(String... iso) {
    List<LocalDate> out = new ArrayList<>();
    for (String s : iso) {
      out.add(LocalDate.parse(s));
    }
    return out;
  }

  @Test
  @DisplayName("28-day cycles: next period 28 days on, ovulation 14 days before it, window the 6 days ending on it")
  void regular28() {
    CycleForecast f = predictor.forecast(dates("2024-01-01", "2024-01-29", "2024-02-26"));
    assertThat(f.learnedCycleLength()).isEqualTo(28);
    assertThat(f.cyclesUsed()).isEqualTo(2);
    assertThat(f.nextPeriodStart()).isEqualTo("2024-03-25");
    assertThat(f.ovulation()).isEqualTo("2024-03-11");
    assertThat(f.fertileWindowStart()).isEqualTo("2024-03-06");
    assertThat(f.fertileWindowEnd()).isEqualTo("2024-03-11");
  }

  @Test
  @DisplayName("21-day cycles across 29 February")
  void short21() {
    CycleForecast f = predictor.forecast(dates("2024-02-12", "2024-01-22", "2024-01-01"));
    assertThat(f.learnedCycleLength()).isEqualTo(21);
    assertThat(f.nextPeriodStart()).isEqualTo("2024-03-04");
    assertThat(f.ovulation()).isEqualTo("2024-02-19");
    assertThat(f.fertileWindowStart()).isEqualTo("2024-02-14");
    assertThat(f.fertileWindowEnd()).isEqualTo("2024-02-19");
  }

  @Test
  @DisplayName("35-day cycles across 29 February")
  void long35() {
    CycleForecast f = predictor.forecast(dates("2023-12-03", "2024-01-07", "2024-02-11"));
    assertThat(f.learnedCycleLength()).isEqualTo(35);
    assertThat(f.nextPeriodStart()).isEqualTo("2024-03-17");
    assertThat(f.ovulation()).isEqualTo("2024-03-03");
    assertThat(f.fertileWindowStart()).isEqualTo("2024-02-27");
    assertThat(f.fertileWindowEnd()).isEqualTo("2024-03-03");
  }

  @Test
  @DisplayName("irregular cycles (26, 30, 28): the median predicts, the window spans shortest to longest")
  void irregular() {
    CycleForecast f = predictor.forecast(dates("2024-01-01", "2024-01-27", "2024-02-26", "2024-03-25"));
    assertThat(f.learnedCycleLength()).isEqualTo(28);
    assertThat(f.shortestCycle()).isEqualTo(26);
    assertThat(f.longestCycle()).isEqualTo(30);
    assertThat(f.nextPeriodStart()).isEqualTo("2024-04-22");
    assertThat(f.fertileWindowStart()).isEqualTo("2024-04-01"); // 25 Mar + 26 - 14 - 5
    assertThat(f.fertileWindowEnd()).isEqualTo("2024-04-10"); // 25 Mar + 30 - 14
    assertThat(f.isInFertileWindow(f.ovulation())).isTrue();
  }

  @Test
  @DisplayName("with one period logged the default 28 days is used; a forgotten entry (56 days) is left out")
  void defaultsAndGaps() {
    CycleForecast one = predictor.forecast(dates("2024-03-01"));
    assertThat(one.isLearned()).isFalse();
    assertThat(one.nextPeriodStart()).isEqualTo("2024-03-29");
    // cycles of 29, 30 and then 58 days (a period not logged): the 58 is left out
    CycleForecast gap = predictor.forecast(dates("2024-01-01", "2024-01-30", "2024-02-29", "2024-04-27"));
    assertThat(gap.cyclesUsed()).isEqualTo(2);
    assertThat(gap.learnedCycleLength()).isEqualTo(30);
    assertThat(gap.nextPeriodStart()).isEqualTo("2024-05-27");
    // a genuinely long cycle pattern (40, 42, 41) is learned, not discarded
    assertThat(predictor.forecast(dates("2024-01-01", "2024-02-10", "2024-03-23", "2024-05-03"))
        .learnedCycleLength()).isEqualTo(41);
  }

  @Test
  @DisplayName("only the latest cycles count: the member's cycle lengthening from 26 to 32 days is learned")
  void learnsRecentCycles() {
    List<LocalDate> starts = new ArrayList<>();
    LocalDate d = LocalDate.of(2023, 1, 1);
    for (int i = 0; i < 8; i++) {
      starts.add(d);
      d = d.plusDays(26);
    }
    for (int i = 0; i < 6; i++) {
      starts.add(d);
      d = d.plusDays(32);
    }
    starts.add(d);
    assertThat(predictor.forecast(starts).learnedCycleLength()).isEqualTo(32);
  }

  @Test
  @DisplayName("property: for regular cycles of 21-35 days, forecasts are consistent whatever the order (seeded)")
  void property() {
    long seed = 42L;
    Random random = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      int length = 21 + random.nextInt(15);
      LocalDate start = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2_000));
      List<LocalDate> starts = new ArrayList<>();
      for (int c = 0; c < 2 + random.nextInt(6); c++) {
        starts.add(start.plusDays((long) c * length));
      }
      Collections.shuffle(starts, random);
      CycleForecast f = predictor.forecast(starts);
      LocalDate last = Collections.max(starts);
      assertThat(f.learnedCycleLength()).as("seed %d case %d", seed, i).isEqualTo(length);
      assertThat(ChronoUnit.DAYS.between(last, f.nextPeriodStart())).as("seed %d", seed).isEqualTo(length);
      assertThat(ChronoUnit.DAYS.between(f.ovulation(), f.nextPeriodStart())).as("seed %d", seed).isEqualTo(14);
      assertThat(ChronoUnit.DAYS.between(f.fertileWindowStart(), f.fertileWindowEnd())).as("seed %d", seed)
          .isEqualTo(5);
      assertThat(f.fertileWindowEnd()).as("seed %d", seed).isEqualTo(f.ovulation());
    }
  }
}
