package io.kinhealth.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.spi.IdGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link IdGenerator}: unique, valid as typed-id values, and time-ordered on one thread.
 * Extend it and supply {@link #createGenerator()}.
 */
public abstract class IdGeneratorContractKit {

  protected abstract IdGenerator createGenerator();

  @Test
  @DisplayName("every id is a valid typed-id value")
  void validIds() {
    IdGenerator ids = createGenerator();
    for (int i = 0; i < 1_000; i++) {
      String id = ids.newId();
      assertThat(TypedId.requireValid(id, "id")).isEqualTo(id);
    }
  }

  @Test
  @DisplayName("ids made later on one thread sort after earlier ones")
  void increasing() {
    IdGenerator ids = createGenerator();
    String previous = ids.newId();
    for (int i = 0; i < 100_000; i++) {
      String next = ids.newId();
      assertThat(next).as("id %d", i).isGreaterThan(previous);
      previous = next;
    }
  }

  @Test
  @DisplayName("ids are unique across threads")
  void uniqueAcrossThreads() throws Exception {
    IdGenerator ids = createGenerator();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          Set<String> mine = new HashSet<>();
          for (int i = 0; i < 25_000; i++) {
            mine.add(ids.newId());
          }
          seen.addAll(mine);
          return mine.size();
        }));
      }
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(100_000);
      assertThat(seen).hasSize(100_000);
    } finally {
      pool.shutdownNow();
    }
  }
}
