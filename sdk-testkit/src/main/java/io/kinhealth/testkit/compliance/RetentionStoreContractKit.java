package io.kinhealth.testkit.compliance;

import static io.kinhealth.testkit.compliance.ComplianceSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.retention.ErasureReason;
import io.kinhealth.compliance.retention.LegalHold;
import io.kinhealth.compliance.retention.LegalHoldId;
import io.kinhealth.compliance.retention.Tombstone;
import io.kinhealth.compliance.spi.RetentionStore;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link RetentionStore}: idempotent holds and releases under optimistic concurrency, active
 * holds per subject, one tombstone per record, paging and rollback. Extend it and supply an empty store.
 */
public abstract class RetentionStoreContractKit {
  private static final PersonId ALICE = PersonId.of("kit-alice");

  protected abstract RetentionStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private RetentionStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static LegalHold hold(String id, String reason) {
    return new LegalHold(LegalHoldId.of(id), 1, ALICE, Set.of(StandardCategories.HEALTH), reason, "case-1", T0, null);
  }

  private static Tombstone tombstone(String ref) {
    return new Tombstone(ref, ALICE, StandardCategories.HEALTH_VITAL_SIGNS, StandardPurposes.HEALTH_MONITORING,
        ErasureReason.RETENTION_EXPIRED, T0);
  }

  @Test
  @DisplayName("places holds idempotently and lists a subject's active holds")
  void holds() {
    LegalHold h = store.placeHold(hold("h-1", "litigation"), IdempotencyKey.of("k-1"));
    assertThat(store.placeHold(hold("h-2", "litigation"), IdempotencyKey.of("k-1"))).isEqualTo(h);
    assertThatThrownBy(() -> store.placeHold(hold("h-3", "audit"), IdempotencyKey.of("k-1")))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThat(store.activeHolds(ALICE)).containsExactly(h);
    assertThat(store.findHold(LegalHoldId.of("h-1"))).contains(h);
    assertThat(store.activeHolds(PersonId.of("kit-bob"))).isEmpty();
  }

  @Test
  @DisplayName("releases under optimistic concurrency; replays return the first release")
  void release() {
    LegalHold h = store.placeHold(hold("h-1", "litigation"), IdempotencyKey.of("k-1"));
    assertThatThrownBy(() -> store.releaseHold(h.id(), 5, T0.plusSeconds(1), IdempotencyKey.of("r-1")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo("legal_hold.version_conflict"));
    LegalHold r = store.releaseHold(h.id(), 1, T0.plusSeconds(1), IdempotencyKey.of("r-1"));
    assertThat(r.isActive()).isFalse();
    assertThat(r.version()).isEqualTo(2);
    assertThat(store.releaseHold(h.id(), 1, T0.plusSeconds(9), IdempotencyKey.of("r-1"))).isEqualTo(r);
    assertThat(store.activeHolds(ALICE)).isEmpty();
    assertThatThrownBy(() -> store.releaseHold(LegalHoldId.of("nope"), 1, T0, IdempotencyKey.of("r-2")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("keeps one tombstone per record and pages a subject's tombstones in order")
  void tombstones() {
    for (int i = 0; i < 5; i++) {
      store.insertTombstone(tombstone("rec-" + i), IdempotencyKey.of("t-" + i));
    }
    assertThat(store.insertTombstone(tombstone("rec-0"), IdempotencyKey.of("t-0"))).isEqualTo(tombstone("rec-0"));
    assertThatThrownBy(() -> store.insertTombstone(tombstone("rec-0"), IdempotencyKey.of("t-other")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo("erasure.already_recorded"));
    List<String> refs = new ArrayList<>();
    PageRequest page = PageRequest.first(2);
    while (true) {
      Page<Tombstone> p = store.tombstonesOf(ALICE, page);
      p.items().forEach(t -> refs.add(t.recordRef()));
      if (!p.hasNext()) {
        break;
      }
      page = page.next(p);
    }
    assertThat(refs).containsExactly("rec-0", "rec-1", "rec-2", "rec-3", "rec-4");
    assertThat(store.findTombstone("rec-3")).contains(tombstone("rec-3"));
    assertThat(store.findTombstone("rec-9")).isEmpty();
  }

  @Test
  @DisplayName("writes inside a rolled-back transaction are undone")
  void rollback() {
    assertThatThrownBy(() -> transactionRunner().execute(() -> {
      store.placeHold(hold("h-1", "litigation"), IdempotencyKey.of("k-1"));
      store.insertTombstone(tombstone("rec-1"), IdempotencyKey.of("t-1"));
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.activeHolds(ALICE)).isEmpty();
    assertThat(store.findTombstone("rec-1")).isEmpty();
  }
}
