package io.kinhealth.testkit.family;

import static io.kinhealth.testkit.family.FamilySamples.MEMBER;
import static io.kinhealth.testkit.family.FamilySamples.OWNER;
import static io.kinhealth.testkit.family.FamilySamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.spi.ObservationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link ObservationStore} (see its javadoc): idempotent appends compared by content,
 * all-or-nothing batches, row-by-row batches that report each row's outcome, time-range reads in (time, id) order a page at a time with a stable cursor, latest
 * readings, and writes that roll back with their transaction. Extend it and supply a fresh, empty store.
 */
public abstract class ObservationStoreContractKit {
  protected abstract ObservationStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private ObservationStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static IdempotencyKey key() {
    return IdempotencyKey.of("kit-" + FamilySamples.newId());
  }

  private static final Comparator<Observation> ORDER = Comparator.comparing(Observation::effectiveAt)
      .thenComparing(o -> o.id().value());

  private List<Observation> readAll(Instant from, Instant to, int pageSize) {
    List<Observation> out = new ArrayList<>();
    Page<Observation> page = store.findRange(MEMBER, "heart-rate", from, to, PageRequest.first(pageSize));
    out.addAll(page.items());
    while (page.hasNext()) {
      page = store.findRange(MEMBER, "heart-rate", from, to, PageRequest.first(pageSize).next(page));
      out.addAll(page.items());
    }
    return out;
  }

  @Nested
  @DisplayName("appending")
  class Appending {
    @Test
    @DisplayName("an appended observation is found by id")
    void append() {
      Observation o = FamilySamples.bloodPressure(MEMBER, T0, 120, 80);
      assertThat(store.append(key(), o)).isEqualTo(o);
      assertThat(store.find(o.id())).contains(o);
    }

    @Test
    @DisplayName("replaying a key with the same reading (even re-normalised, new id) returns the first one")
    void idempotentByContent() {
      IdempotencyKey k = key();
      Observation first = store.append(k, FamilySamples.heartRate(MEMBER, T0, 70));
      Observation again = FamilySamples.heartRate(MEMBER, T0, 70);
      assertThat(again.id()).isNotEqualTo(first.id());
      assertThat(store.append(k, again)).isEqualTo(first);
      assertThat(store.find(again.id())).isEmpty();
      assertThatThrownBy(() -> store.append(k, FamilySamples.heartRate(MEMBER, T0, 71)))
          .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    @DisplayName("an id is stored once: another observation under a stored id is a conflict")
    void idsAreUnique() {
      Observation o = FamilySamples.heartRate(MEMBER, T0, 70);
      store.append(key(), o);
      Observation sameId = new Observation(o.id(), OWNER, o.type(), o.effectiveAt(), o.offset(), null, o.values(),
          o.context(), o.source(), o.provenance(), null);
      assertThatThrownBy(() -> store.append(key(), sameId)).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("a batch is all or nothing")
    void batches() {
      Observation stored = FamilySamples.heartRate(MEMBER, T0, 70);
      IdempotencyKey k = key();
      store.append(k, stored);
      Observation fresh = FamilySamples.heartRate(MEMBER, T0.plusSeconds(60), 72);
      assertThatThrownBy(() -> store.appendAll(List.of(new ObservationStore.Append(key(), fresh),
          new ObservationStore.Append(k, FamilySamples.heartRate(MEMBER, T0, 99)))))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThat(store.find(fresh.id())).isEmpty();
      assertThat(store.appendAll(List.of(new ObservationStore.Append(key(), fresh)))).containsExactly(fresh);
    }

    @Test
    @DisplayName("appends inside a transaction that fails are undone")
    void rollback() {
      Observation o = FamilySamples.heartRate(MEMBER, T0, 70);
      IdempotencyKey k = key();
      assertThatThrownBy(() -> transactionRunner().execute(() -> {
        store.append(k, o);
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(store.find(o.id())).isEmpty();
      assertThat(readAll(T0.minusSeconds(1), T0.plusSeconds(1), 10)).isEmpty();
      assertThat(store.append(k, FamilySamples.heartRate(MEMBER, T0, 99)).value()).isEqualTo(99);
    }
  }

  @Nested
  @DisplayName("appending a batch row by row (appendEach)")
  class AppendingEach {
    @Test
    @DisplayName("each row reports its outcome; a conflicting key refuses only its own row")
    void outcomes() {
      IdempotencyKey stored = key();
      Observation first = FamilySamples.heartRate(MEMBER, T0, 70);
      store.append(stored, first);
      IdempotencyKey k1 = key();
      IdempotencyKey k2 = key();
      Observation fresh1 = FamilySamples.heartRate(MEMBER, T0.plusSeconds(60), 71);
      Observation fresh2 = FamilySamples.heartRate(MEMBER, T0.minusSeconds(60), 72);
      Observation replay = FamilySamples.heartRate(MEMBER, T0, 70);
      Observation replayOfFresh1 = FamilySamples.heartRate(MEMBER, T0.plusSeconds(60), 71);
      List<ObservationStore.Outcome> outcomes = store.appendEach(List.of(
          new ObservationStore.Append(k1, fresh1),
          new ObservationStore.Append(stored, replay),
          new ObservationStore.Append(stored, FamilySamples.heartRate(MEMBER, T0, 99)),
          new ObservationStore.Append(k2, fresh2),
          new ObservationStore.Append(k1, replayOfFresh1),
          new ObservationStore.Append(k2, FamilySamples.heartRate(MEMBER, T0.minusSeconds(60), 73))));
      assertThat(outcomes).containsExactly(ObservationStore.Outcome.STORED, ObservationStore.Outcome.ALREADY_STORED,
          ObservationStore.Outcome.KEY_CONFLICT, ObservationStore.Outcome.STORED,
          ObservationStore.Outcome.ALREADY_STORED, ObservationStore.Outcome.KEY_CONFLICT);
      assertThat(store.find(fresh1.id())).contains(fresh1);
      assertThat(store.find(replay.id())).isEmpty();
      assertThat(store.find(replayOfFresh1.id())).isEmpty();
      assertThat(readAll(T0.minusSeconds(3600), T0.plusSeconds(3600), 2)).containsExactly(fresh2, first, fresh1);
      assertThat(store.append(k2, FamilySamples.heartRate(MEMBER, T0.minusSeconds(60), 72))).isEqualTo(fresh2);
    }

    @Test
    @DisplayName("an id already taken fails the batch; in a transaction nothing of it stays")
    void idTaken() {
      Observation o = FamilySamples.heartRate(MEMBER, T0, 70);
      store.append(key(), o);
      Observation fresh = FamilySamples.heartRate(MEMBER, T0.plusSeconds(60), 72);
      Observation sameId = new Observation(o.id(), OWNER, o.type(), o.effectiveAt(), o.offset(), null, o.values(),
          o.context(), o.source(), o.provenance(), null);
      IdempotencyKey k = key();
      assertThatThrownBy(() -> transactionRunner().execute(() -> store.appendEach(List.of(
          new ObservationStore.Append(k, fresh), new ObservationStore.Append(key(), sameId)))))
          .isInstanceOf(ConflictException.class);
      assertThat(store.find(fresh.id())).isEmpty();
      assertThat(readAll(T0.minusSeconds(1), T0.plusSeconds(3600), 10)).containsExactly(o);
      Observation other = FamilySamples.heartRate(MEMBER, T0.plusSeconds(120), 80);
      assertThat(store.append(k, other)).isEqualTo(other);
    }

    @Test
    @DisplayName("a batch inside a transaction that fails is undone, keys included")
    void rollback() {
      List<ObservationStore.Append> batch = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        batch.add(new ObservationStore.Append(key(), FamilySamples.heartRate(MEMBER, T0.plusSeconds(i * 7L), 60)));
      }
      assertThatThrownBy(() -> transactionRunner().execute(() -> {
        store.appendEach(batch);
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(readAll(T0.minusSeconds(1), T0.plusSeconds(3600), 10)).isEmpty();
      for (ObservationStore.Append a : batch) {
        assertThat(store.find(a.observation().id())).isEmpty();
      }
      Observation other = FamilySamples.heartRate(MEMBER, T0, 90);
      assertThat(store.appendEach(List.of(new ObservationStore.Append(batch.get(0).key(), other))))
          .containsExactly(ObservationStore.Outcome.STORED);
    }

    @Test
    @DisplayName("a batch ends exactly as appending its rows one at a time would (seeded, out-of-order times)")
    void agreesWithAppend() {
      ObservationStore oneByOne = createStore();
      for (long seed = 1; seed <= 20; seed++) {
        Random random = new Random(seed);
        List<IdempotencyKey> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          keys.add(key());
        }
        for (int round = 0; round < 3; round++) {
          List<ObservationStore.Append> batch = new ArrayList<>();
          for (int i = 0; i < 60; i++) {
            IdempotencyKey k = keys.get(random.nextInt(keys.size()));
            Instant at = T0.plusSeconds(seed * 100_000 + random.nextInt(40) * 60L);
            batch.add(new ObservationStore.Append(k, FamilySamples.heartRate(MEMBER, at, 60 + random.nextInt(3))));
          }
          List<ObservationStore.Outcome> expected = new ArrayList<>();
          for (ObservationStore.Append a : batch) {
            try {
              expected.add(oneByOne.append(a.key(), a.observation()) == a.observation()
                  ? ObservationStore.Outcome.STORED : ObservationStore.Outcome.ALREADY_STORED);
            } catch (IdempotencyConflictException e) {
              expected.add(ObservationStore.Outcome.KEY_CONFLICT);
            }
          }
          assertThat(store.appendEach(batch)).as("seed %d round %d", seed, round).isEqualTo(expected);
        }
      }
      Instant from = T0;
      Instant to = T0.plusSeconds(30 * 100_000);
      List<Observation> expected = new ArrayList<>();
      Page<Observation> page = oneByOne.findRange(MEMBER, "heart-rate", from, to, PageRequest.first(500));
      expected.addAll(page.items());
      while (page.hasNext()) {
        page = oneByOne.findRange(MEMBER, "heart-rate", from, to, PageRequest.first(500).next(page));
        expected.addAll(page.items());
      }
      assertThat(expected).isNotEmpty().isSortedAccordingTo(ORDER);
      assertThat(readAll(from, to, 37)).containsExactlyElementsOf(expected);
    }
  }

  @Nested
  @DisplayName("reading ranges")
  class Ranges {
    @Test
    @DisplayName("a range holds exactly the member's readings of the type with from <= time < to, in order")
    void bounds() {
      Random random = new Random(7);
      List<Observation> mine = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Observation o = FamilySamples.heartRate(MEMBER, T0.plusSeconds(random.nextInt(3600)), 60 + i % 40);
        store.append(key(), o);
        mine.add(o);
      }
      store.append(key(), FamilySamples.heartRate(OWNER, T0.plusSeconds(10), 70));
      store.append(key(), FamilySamples.bloodPressure(MEMBER, T0.plusSeconds(10), 120, 80));
      Instant from = T0.plusSeconds(600);
      Instant to = T0.plusSeconds(1800);
      List<Observation> expected = mine.stream().filter(o -> !o.effectiveAt().isBefore(from)
          && o.effectiveAt().isBefore(to)).sorted(ORDER).toList();
      assertThat(readAll(from, to, 7)).as("seed 7").containsExactlyElementsOf(expected);
      assertThat(readAll(from, to, 10_000)).containsExactlyElementsOf(expected);
      try (var s = store.stream(MEMBER, "heart-rate", from, to, 3)) {
        assertThat(s.toList()).containsExactlyElementsOf(expected);
      }
    }

    @Test
    @DisplayName("a cursor is stable: readings appended behind it are not returned, none is returned twice")
    void stableCursor() {
      for (int i = 0; i < 10; i++) {
        store.append(key(), FamilySamples.heartRate(MEMBER, T0.plusSeconds(i * 60L), 70));
      }
      Page<Observation> first = store.findRange(MEMBER, "heart-rate", T0, T0.plusSeconds(3600), PageRequest.first(5));
      store.append(key(), FamilySamples.heartRate(MEMBER, T0.plusSeconds(30), 71)); // behind the cursor
      Observation ahead = FamilySamples.heartRate(MEMBER, T0.plusSeconds(590), 72);
      store.append(key(), ahead);
      Page<Observation> second = store.findRange(MEMBER, "heart-rate", T0, T0.plusSeconds(3600),
          PageRequest.first(5).next(first));
      List<Observation> all = new ArrayList<>(first.items());
      all.addAll(second.items());
      while (second.hasNext()) {
        second = store.findRange(MEMBER, "heart-rate", T0, T0.plusSeconds(3600), PageRequest.first(5).next(second));
        all.addAll(second.items());
      }
      assertThat(all).hasSize(11).doesNotHaveDuplicates().contains(ahead).isSortedAccordingTo(ORDER);
    }

    @Test
    @DisplayName("latest returns the newest readings first")
    void latest() {
      for (int i = 0; i < 5; i++) {
        store.append(key(), FamilySamples.heartRate(MEMBER, T0.plusSeconds(i * 60L), 60 + i));
      }
      assertThat(store.latest(MEMBER, "heart-rate", 2)).extracting(Observation::value).containsExactly(64.0, 63.0);
      assertThat(store.latest(OWNER, "heart-rate", 2)).isEmpty();
    }
  }
}
