package io.kinhealth.family.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.support.Readings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RowTableTest {
  private static final List<Observation> VALUES = new ArrayList<>();

  static {
    for (int i = 0; i < 8; i++) {
      VALUES.add(Readings.glucose(PersonId.of("p-table"), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
          Source.device("meter", "Meter"), 5));
    }
  }

  @Test
  @DisplayName("behaves as a map under random puts, probes, removals and reservations (seeded)")
  void behavesAsAMap() {
    for (long seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      RowTable table = new RowTable();
      Map<String, Observation> expected = new HashMap<>();
      int keySpace = 1 + random.nextInt(3000);
      for (int op = 0; op < 6000; op++) {
        String key = "k-" + random.nextInt(keySpace) + (random.nextBoolean() ? "" : "-suffix-that-is-long");
        Observation value = VALUES.get(random.nextInt(VALUES.size()));
        switch (random.nextInt(6)) {
          case 0, 1 -> assertThat(table.putIfAbsent(key, value)).as("seed %d", seed)
              .isEqualTo(expected.putIfAbsent(key, value));
          case 2 -> {
            long probe = table.probe(key);
            assertThat(RowTable.found(probe)).as("seed %d", seed).isEqualTo(expected.containsKey(key));
            if (RowTable.found(probe)) {
              assertThat(table.valueAt(probe)).isSameAs(expected.get(key));
            } else {
              table.insertAt(probe, key, value);
              expected.put(key, value);
            }
          }
          case 3 -> {
            Observation current = expected.get(key);
            Observation which = random.nextBoolean() && current != null ? current : value;
            table.remove(key, which);
            if (current == which) {
              expected.remove(key);
            }
          }
          case 4 -> table.reserve(random.nextInt(2000));
          default -> assertThat(table.get(key)).as("seed %d", seed).isSameAs(expected.get(key));
        }
        assertThat(table.size()).as("seed %d", seed).isEqualTo(expected.size());
      }
      for (Map.Entry<String, Observation> e : expected.entrySet()) {
        assertThat(table.get(e.getKey())).as("seed %d", seed).isSameAs(e.getValue());
      }
    }
  }

  @Test
  @DisplayName("equal strings hash alike whatever their origin; the hash is never the empty-slot marker")
  void hashes() {
    assertThat(RowTable.hash(new String("obs-000000000001".toCharArray()))).isEqualTo(RowTable.hash("obs-000000000001"));
    Random random = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      char[] chars = new char[random.nextInt(70)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) ('0' + random.nextInt(75));
      }
      assertThat(RowTable.hash(new String(chars))).isNotZero();
    }
  }
}
