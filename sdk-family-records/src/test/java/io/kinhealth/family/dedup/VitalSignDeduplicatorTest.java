package io.kinhealth.family.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.observation.SourceKind;
import io.kinhealth.family.support.Readings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VitalSignDeduplicatorTest {
  private static final PersonId MOTHER = PersonId.of("p-mother");
  private static final Instant T0 = Instant.parse("2026-05-10T00:30:00Z");
  private static final Source CUFF = Source.device("omron-hem-7136", "Omron HEM-7136");
  private static final Source APP = Source.app("huawei-health", "Huawei Health");
  private static final Source TYPED = Source.manual("mother-phone");
  private static final ObservationType BP = Readings.TYPES.get(ObservationTypes.BLOOD_PRESSURE);

  private final VitalSignDeduplicator dedup = new VitalSignDeduplicator(DedupPolicy.defaults());

  private static Observation bp(Instant at, Source source, double sys, double dia) {
    return Readings.sample(MOTHER, ObservationTypes.BLOOD_PRESSURE, at, ZoneOffset.ofHours(8), source, "mmHg", sys, dia);
  }

  @Test
  @DisplayName("the cuff's reading and the app's copy a minute later collapse to the cuff's; the copy is provenance")
  void deviceBeatsApp() {
    Observation cuff = bp(T0, CUFF, 128, 82);
    Observation copy = bp(T0.plusSeconds(60), APP, 127, 83);
    List<DeduplicatedReading> out = dedup.deduplicate(List.of(copy, cuff), BP);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).kept()).isEqualTo(cuff);
    assertThat(out.get(0).collapsed()).containsExactly(copy);
  }

  @Test
  @DisplayName("outside the ±2 minute window, outside the tolerance, or from the same source, both readings stay")
  void notDuplicates() {
    assertThat(dedup.deduplicate(List.of(bp(T0, CUFF, 128, 82), bp(T0.plusSeconds(121), APP, 128, 82)), BP))
        .hasSize(2);
    assertThat(dedup.deduplicate(List.of(bp(T0, CUFF, 128, 82), bp(T0.plusSeconds(30), APP, 128, 86)), BP))
        .hasSize(2);
    assertThat(dedup.deduplicate(List.of(bp(T0, CUFF, 128, 82), bp(T0.plusSeconds(30), CUFF, 128, 82)), BP))
        .hasSize(2);
    assertThat(dedup.deduplicate(List.of(bp(T0, CUFF, 128, 82), bp(T0.plusSeconds(120), APP, 131, 79)), BP))
        .hasSize(1);
  }

  @Test
  @DisplayName("the window and the tolerance are configurable")
  void configurable() {
    VitalSignDeduplicator wide = new VitalSignDeduplicator(DedupPolicy.builder().window(Duration.ofMinutes(5))
        .tolerance("blood-pressure", "diastolic", 5).build());
    assertThat(wide.deduplicate(List.of(bp(T0, CUFF, 128, 82), bp(T0.plusSeconds(240), APP, 128, 86)), BP))
        .hasSize(1);
  }

  @Test
  @DisplayName("a manual entry loses to a device by default, and wins once the member ranks it first")
  void priorities() {
    Observation typed = bp(T0, TYPED, 128, 82);
    Observation cuff = bp(T0.plusSeconds(20), CUFF, 128, 82);
    assertThat(dedup.deduplicate(List.of(typed, cuff), BP).get(0).kept()).isEqualTo(cuff);
    VitalSignDeduplicator trustTyping = new VitalSignDeduplicator(DedupPolicy.builder()
        .priorities(SourcePriorities.builder().kind(SourceKind.MANUAL, 500).build()).build());
    assertThat(trustTyping.deduplicate(List.of(typed, cuff), BP).get(0).kept()).isEqualTo(typed);
    VitalSignDeduplicator bySource = new VitalSignDeduplicator(DedupPolicy.builder()
        .priorities(SourcePriorities.builder().source("huawei-health", 999).build()).build());
    Observation app = bp(T0.plusSeconds(40), APP, 128, 82);
    assertThat(bySource.deduplicate(List.of(typed, cuff, app), BP)).singleElement()
        .satisfies(r -> assertThat(r.kept()).isEqualTo(app))
        .satisfies(r -> assertThat(r.collapsed()).containsExactlyInAnyOrder(typed, cuff));
  }

  @Test
  @DisplayName("between two sources of equal rank the alphabetically first source id wins, whatever the order")
  void equalRanks() {
    Observation a = bp(T0, Source.device("a-cuff", "A"), 120, 80);
    Observation b = bp(T0.minusSeconds(30), Source.device("b-cuff", "B"), 120, 80);
    assertThat(dedup.deduplicate(List.of(a, b), BP).get(0).kept()).isEqualTo(a);
    assertThat(dedup.deduplicate(List.of(b, a), BP).get(0).kept()).isEqualTo(a);
  }

  @Test
  @DisplayName("summaries are not individual readings and are left out")
  void summariesLeftOut() {
    assertThat(dedup.deduplicate(List.of(bp(T0, CUFF, 120, 80)), BP)).hasSize(1);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 1337, 20260510})
  @DisplayName("shuffling the input any number of ways always gives the same kept readings and provenance")
  void orderIndependence(long seed) {
    Random random = new Random(seed);
    List<Source> sources = List.of(CUFF, APP, TYPED, Source.device("yuwell-ye680", "Yuwell YE680"));
    List<Observation> readings = new ArrayList<>();
    Instant t = T0;
    for (int i = 0; i < 300; i++) {
      t = t.plusSeconds(random.nextInt(240));
      double sys = 110 + random.nextInt(40);
      double dia = 70 + random.nextInt(20);
      int copies = 1 + random.nextInt(3);
      for (int c = 0; c < copies; c++) {
        readings.add(bp(t.plusSeconds(random.nextInt(150) - 75), sources.get(random.nextInt(sources.size())),
            sys + random.nextInt(5) - 2, dia + random.nextInt(5) - 2));
      }
    }
    List<String> expected = describe(dedup.deduplicate(readings, BP));
    assertThat(expected.size()).as("seed %d", seed).isLessThan(readings.size());
    for (int round = 0; round < 40; round++) {
      List<Observation> shuffled = new ArrayList<>(readings);
      Collections.shuffle(shuffled, random);
      assertThat(describe(dedup.deduplicate(shuffled, BP))).as("seed %d round %d", seed, round)
          .isEqualTo(expected);
    }
    int collapsed = 0;
    for (DeduplicatedReading r : dedup.deduplicate(readings, BP)) {
      collapsed += r.collapsed().size();
    }
    assertThat(collapsed + expected.size()).as("seed %d: nothing lost", seed).isEqualTo(readings.size());
  }

  private static List<String> describe(List<DeduplicatedReading> out) {
    return out.stream().map(r -> r.kept().id() + "<-" + r.collapsed().stream().map(o -> o.id().value()).sorted()
        .toList()).toList();
  }
}
