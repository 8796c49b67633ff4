package io.kinhealth.family.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.support.Readings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeriesRowsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Comparator<Observation> ORDER = SeriesRows::compare;

  private static Observation at(long millis) {
    return Readings.glucose(PersonId.of("p-rows"), T0.plusMillis(millis), Source.device("meter", "Meter"), 5);
  }

  @Test
  @DisplayName("holds exactly the rows added, in (time, id) order, whatever mix of appends, late rows and batches")
  void ordered() {
    for (long seed = 1; seed <= 12; seed++) {
      Random random = new Random(seed);
      SeriesRows rows = new SeriesRows();
      TreeSet<Observation> expected = new TreeSet<>(ORDER);
      long tail = 0;
      for (int op = 0; op < 250; op++) {
        switch (random.nextInt(5)) {
          case 0 -> { // an append after everything
            tail += random.nextInt(3);
            Observation o = at(tail);
            rows.add(o);
            expected.add(o);
          }
          case 1 -> { // a late row anywhere
            Observation o = at(random.nextInt((int) tail + 1));
            rows.add(o);
            expected.add(o);
          }
          case 2 -> { // a sorted batch, either after the tail or across it
            int n = 1 + random.nextInt(random.nextBoolean() ? 12 : 700);
            long base = random.nextBoolean() ? tail : random.nextInt((int) tail + 1);
            List<Observation> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
              batch.add(at(base + random.nextInt(n * 2)));
            }
            batch.sort(ORDER);
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
              times[i] = batch.get(i).effectiveAt().toEpochMilli();
              tail = Math.max(tail, times[i] - T0.toEpochMilli());
            }
            rows.addSorted(batch.toArray(new Observation[0]), times, 0, n);
            expected.addAll(batch);
          }
          case 3 -> { // a rollback removes some rows
            Set<Observation> gone = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Observation o : expected) {
              if (random.nextInt(10) == 0) {
                gone.add(o);
              }
            }
            rows.removeAll(gone);
            expected.removeAll(gone);
          }
          default -> {
            if (!expected.isEmpty()) {
              Observation o = expected.ceiling(at(random.nextInt((int) tail + 1))); // a row near a random time
              o = o == null ? expected.last() : o;
              rows.remove(o);
              expected.remove(o);
            }
          }
        }
        assertThat(rows.size()).as("seed %d op %d", seed, op).isEqualTo(expected.size());
      }
      List<Observation> all = new ArrayList<>();
      rows.collect(Long.MIN_VALUE, "", false, Long.MAX_VALUE, Integer.MAX_VALUE, all);
      assertThat(all).as("seed %d", seed).containsExactlyElementsOf(expected);
      List<Observation> newest = new ArrayList<>(expected.descendingSet()).subList(0, Math.min(7, expected.size()));
      assertThat(rows.latest(7)).as("seed %d", seed).containsExactlyElementsOf(newest);
    }
  }

  @Test
  @DisplayName("a range is read a page at a time from a key, exclusive after a cursor, up to an exclusive end")
  void ranges() {
    for (long seed = 1; seed <= 12; seed++) {
      Random random = new Random(seed);
      SeriesRows rows = new SeriesRows();
      List<Observation> all = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        Observation o = at(random.nextInt(2000));
        rows.add(o);
        all.add(o);
      }
      all.sort(ORDER);
      long from = random.nextInt(2000);
      long to = from + random.nextInt(800);
      List<Observation> expected = all.stream().filter(o -> o.effectiveAt().toEpochMilli() >= from
          && o.effectiveAt().toEpochMilli() < to).toList();
      int limit = 1 + random.nextInt(300);
      List<Observation> read = new ArrayList<>();
      List<Observation> page = new ArrayList<>();
      boolean more = rows.collect(from, "", false, to, limit, page);
      read.addAll(page);
      while (more) {
        assertThat(page).hasSize(limit);
        Observation last = page.get(page.size() - 1);
        page = new ArrayList<>();
        more = rows.collect(last.effectiveAt().toEpochMilli(), last.id().value(), true, to, limit, page);
        read.addAll(page);
      }
      assertThat(read).as("seed %d", seed).containsExactlyElementsOf(expected);
    }
  }
}
