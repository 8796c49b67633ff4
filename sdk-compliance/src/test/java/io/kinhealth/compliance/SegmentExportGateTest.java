package io.kinhealth.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.anonymity.DeidentificationLevel;
import io.kinhealth.compliance.anonymity.Generalisations;
import io.kinhealth.compliance.anonymity.QuasiIdentifier;
import io.kinhealth.compliance.anonymity.SegmentExport;
import io.kinhealth.compliance.anonymity.SegmentExportGate;
import io.kinhealth.core.error.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

@DisplayName("The k-anonymity segment export gate")
class SegmentExportGateTest {
  private static final List<QuasiIdentifier> QIS = List.of(
      new QuasiIdentifier("age", Generalisations.numeric(5, 10, 20)),
      new QuasiIdentifier("region", Generalisations.regionCode()),
      new QuasiIdentifier("sex", Generalisations.suppressOnly()));
  private static final String[] REGIONS = {"110105", "110108", "310104", "310115", "440305", "440106"};

  private static List<Map<String, Object>> rows(Random random, int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("mobile", "180" + (10_000_000 + random.nextInt(89_999_999)));
      r.put("memberToken", "ps1.h1.tok" + i);
      r.put("age", 18 + random.nextInt(70));
      r.put("region", REGIONS[random.nextInt(REGIONS.length)]);
      r.put("sex", random.nextBoolean() ? "F" : "M");
      r.put("systolic", 100 + random.nextInt(80));
      rows.add(r);
    }
    return rows;
  }

  private static Map<List<Object>, Integer> groups(List<Map<String, Object>> rows) {
    Map<List<Object>, Integer> g = new HashMap<>();
    for (Map<String, Object> r : rows) {
      g.merge(List.of(r.get("age"), r.get("region"), r.get("sex")), 1, Integer::sum);
    }
    return g;
  }

  @RepeatedTest(30)
  @DisplayName("no released group is ever smaller than k, and every input row is released or reported withheld")
  void neverSmallerThanK(RepetitionInfo info) {
    long seed = 51_000L + info.getCurrentRepetition();
    Random random = new Random(seed);
    int k = 2 + random.nextInt(9);
    List<Map<String, Object>> input = rows(random, random.nextInt(400));
    SegmentExport out = SegmentExportGate.of(k, random.nextInt(3) * 0.05).export(input, QIS, Set.of("mobile"),
        Set.of("memberToken"));
    groups(out.rows()).values().forEach(size -> assertThat(size).as("seed %d k %d", seed, k)
        .isGreaterThanOrEqualTo(k));
    assertThat(out.rows().size() + out.suppressedRows()).as("seed %d", seed).isEqualTo(input.size());
    assertThat(out.suppressedGroups().stream().mapToInt(SegmentExport.SuppressedGroup::size).sum())
        .as("seed %d", seed).isEqualTo(out.suppressedRows());
    assertThat(out.rows()).as("seed %d", seed).allSatisfy(r -> assertThat(r).doesNotContainKey("mobile"));
    if (!out.rows().isEmpty()) {
      assertThat(out.smallestGroup()).as("seed %d", seed).isGreaterThanOrEqualTo(k);
    }
  }

  @Test
  @DisplayName("generalises only as far as needed, reports the levels and what it withheld")
  void reportsWhatItDid() {
    List<Map<String, Object>> input = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      input.add(new LinkedHashMap<>(Map.of("age", 30 + i % 5, "region", "110105", "sex", "F")));
      input.add(new LinkedHashMap<>(Map.of("age", 40 + i % 5, "region", "110108", "sex", "F")));
    }
    input.add(new LinkedHashMap<>(Map.of("age", 87, "region", "440305", "sex", "M")));
    SegmentExport out = SegmentExportGate.of(5, 0.05).export(input, QIS, Set.of(), Set.of());
    assertThat(out.levels()).containsEntry("age", 1).containsEntry("region", 0).containsEntry("sex", 0);
    assertThat(out.rows()).hasSize(20);
    assertThat(out.suppressedRows()).isEqualTo(1);
    assertThat(out.suppressedGroups()).singleElement()
        .satisfies(g -> assertThat(g.quasiIdentifiers()).containsExactly("85-89", "440305", "M"));
    assertThat(out.level()).isEqualTo(DeidentificationLevel.ANONYMISED);
    assertThat(out.smallestGroup()).isEqualTo(10);
  }

  @Test
  @DisplayName("pseudonyms left in the export make it de-identified, still personal information (art. 73)")
  void pseudonymsMeanDeidentified() {
    SegmentExport out = SegmentExportGate.ofDefaults().export(rows(new Random(3), 300), QIS, Set.of("mobile"),
        Set.of("memberToken"));
    assertThat(out.level()).isEqualTo(DeidentificationLevel.DE_IDENTIFIED);
    assertThat(out.droppedColumns()).containsExactly("mobile");
    SegmentExport anonymous = SegmentExportGate.ofDefaults().export(rows(new Random(3), 300), QIS,
        Set.of("mobile", "memberToken"), Set.of("memberToken"));
    assertThat(anonymous.level()).isEqualTo(DeidentificationLevel.ANONYMISED);
  }

  @Test
  @DisplayName("fewer than k rows in all release nothing")
  void tooFewRows() {
    SegmentExport out = SegmentExportGate.ofDefaults().export(rows(new Random(1), 4), QIS, Set.of("mobile"),
        Set.of());
    assertThat(out.rows()).isEmpty();
    assertThat(out.suppressedRows()).isEqualTo(4);
    assertThat(out.smallestGroup()).isZero();
  }

  @Test
  @DisplayName("k below 2 or no quasi-identifiers is a validation error")
  void badInput() {
    assertThatThrownBy(() -> SegmentExportGate.of(1, 0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> SegmentExportGate.ofDefaults().export(List.of(), List.of(), Set.of(), Set.of()))
        .isInstanceOf(ValidationException.class);
  }
}
