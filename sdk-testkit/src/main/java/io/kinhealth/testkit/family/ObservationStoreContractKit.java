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
 * all-or-nothing batches, time-range reads in (time, id) order a page at a time with a stable cursor, latest
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
