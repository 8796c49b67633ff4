package io.kinhealth.family.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.support.Readings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotalsSweepTest {
  private static final PersonId FATHER = PersonId.of("p-father");
  private static final Instant T0 = Instant.parse("2026-05-10T00:00:00Z");
  private static final Source WATCH = Source.device("mi-band-8", "Xiaomi Mi Band 8");
  private static final Source PHONE = Source.app("wechat-sport", "WeChat Sport");

  private final TotalsSweep sweep = new TotalsSweep(SourcePriorities.defaults());

  private static Observation steps(int fromMin, int toMin, Source source, double count) {
    return Readings.total(FATHER, ObservationTypes.STEPS, T0.plusSeconds(fromMin * 60L), T0.plusSeconds(toMin * 60L),
        source, count);
  }

  @Test
  @DisplayName("the watch wins the half hour both counted; the phone keeps the half hour only it saw: 600 + 900")
  void highestPriorityWinsEachStretch() {
    Observation phone = steps(0, 60, PHONE, 1200);
    Observation watch = steps(30, 90, WATCH, 900);
    List<TotalSegment> segments = sweep.sweep(List.of(phone, watch));
    assertThat(segments).extracting(s -> s.record().source().id()).containsExactly("wechat-sport", "mi-band-8",
        "mi-band-8");
    assertThat(segments.get(0).value()).isCloseTo(600, within(1e-9));
    assertThat(sweep.total(List.of(phone, watch))).isCloseTo(1500, within(1e-9));
  }

  @Test
  @DisplayName("without overlap nothing is removed; a point count covered by a better source is dropped")
  void pointsAndGaps() {
    assertThat(sweep.total(List.of(steps(0, 10, PHONE, 100), steps(20, 30, WATCH, 50)))).isEqualTo(150);
    Observation kicks = Readings.total(FATHER, ObservationTypes.STEPS, T0.plusSeconds(300), T0.plusSeconds(300),
        PHONE, 7);
    assertThat(sweep.total(List.of(kicks))).isEqualTo(7);
    assertThat(sweep.total(List.of(kicks, steps(0, 10, WATCH, 100)))).isEqualTo(100);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 99, 2026})
  @DisplayName("the total never depends on the order records arrive in and never exceeds the sum of any source")
  void orderIndependent(long seed) {
    Random random = new Random(seed);
    List<Source> sources = List.of(WATCH, PHONE, Source.app("huawei-health", "Huawei Health"));
    List<Observation> records = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      int from = random.nextInt(24 * 60);
      records.add(steps(from, from + 1 + random.nextInt(90), sources.get(random.nextInt(3)), random.nextInt(2000)));
    }
    double expected = sweep.total(records);
    double allSources = records.stream().mapToDouble(Observation::value).sum();
    assertThat(expected).as("seed %d", seed).isLessThan(allSources);
    for (int round = 0; round < 20; round++) {
      List<Observation> shuffled = new ArrayList<>(records);
      Collections.shuffle(shuffled, random);
      assertThat(sweep.total(shuffled)).as("seed %d round %d", seed, round).isCloseTo(expected, within(1e-6));
    }
  }
}
