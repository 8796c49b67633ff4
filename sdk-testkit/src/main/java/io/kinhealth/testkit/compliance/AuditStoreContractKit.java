package io.kinhealth.testkit.compliance;

import static io.kinhealth.testkit.compliance.ComplianceSamples.auditRecord;
import static io.kinhealth.testkit.compliance.ComplianceSamples.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.compliance.spi.AuditStore;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link AuditStore}: an append-only chain that accepts only the next entry, idempotent appends,
 * ascending paging overall and by subject, and rollback with the transaction. Extend it and supply an empty store.
 */
public abstract class AuditStoreContractKit {
  protected abstract AuditStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private AuditStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private List<AuditEntry> appendMany(int n) {
    List<AuditEntry> out = new ArrayList<>();
    AuditEntry last = null;
    for (int i = 1; i <= n; i++) {
      last = store.append(next(last, auditRecord(i % 2 == 0 ? "kit-even" : "kit-odd", i)),
          IdempotencyKey.of("a-" + i));
      out.add(last);
    }
    return out;
  }

  @Test
  @DisplayName("appends the next entry and returns it; last() is the newest")
  void appends() {
    assertThat(store.last()).isEmpty();
    List<AuditEntry> entries = appendMany(3);
    assertThat(entries).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
    assertThat(store.last()).contains(entries.get(2));
  }

  @Test
  @DisplayName("refuses an entry that does not continue the chain (wrong sequence or previous hash)")
  void onlyTheNextEntry() {
    List<AuditEntry> entries = appendMany(2);
    AuditEntry stale = next(entries.get(0), auditRecord("kit-odd", 99));
    assertThatThrownBy(() -> store.append(stale, IdempotencyKey.of("x-1")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo("audit.sequence_conflict"));
    AuditEntry forged = new AuditEntry(3, entries.get(1).recordedAt(), auditRecord(null, 3), "f".repeat(64),
        "e".repeat(64));
    assertThatThrownBy(() -> store.append(forged, IdempotencyKey.of("x-2")))
        .isInstanceOf(ConflictException.class);
    assertThat(store.last()).contains(entries.get(1));
  }

  @Test
  @DisplayName("a replay with an equal record returns the first entry; another record under the key conflicts")
  void idempotent() {
    List<AuditEntry> entries = appendMany(2);
    AuditEntry replay = next(entries.get(1), auditRecord("kit-odd", 1));
    assertThat(store.append(replay, IdempotencyKey.of("a-1"))).isEqualTo(entries.get(0));
    assertThat(store.last()).contains(entries.get(1));
    assertThatThrownBy(() -> store.append(next(entries.get(1), auditRecord("kit-odd", 42)),
        IdempotencyKey.of("a-1"))).isInstanceOf(IdempotencyConflictException.class);
  }

  @Test
  @DisplayName("reads pages in ascending sequence from any starting point, and a subject's entries alone")
  void reads() {
    appendMany(11);
    List<Long> seen = new ArrayList<>();
    PageRequest page = PageRequest.first(4);
    while (true) {
      Page<AuditEntry> p = store.read(3, page);
      p.items().forEach(e -> seen.add(e.sequence()));
      if (!p.hasNext()) {
        break;
      }
      page = page.next(p);
    }
    assertThat(seen).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    List<Long> even = new ArrayList<>();
    page = PageRequest.first(2);
    while (true) {
      Page<AuditEntry> p = store.findBySubject(PersonId.of("kit-even"), page);
      p.items().forEach(e -> even.add(e.sequence()));
      if (!p.hasNext()) {
        break;
      }
      page = page.next(p);
    }
    assertThat(even).containsExactly(2L, 4L, 6L, 8L, 10L);
  }

  @Test
  @DisplayName("stored entries keep their fields, so their hashes still verify")
  void fieldsSurvive() {
    for (AuditEntry e : appendMany(5)) {
      AuditEntry stored = store.read(e.sequence(), PageRequest.first(1)).items().get(0);
      assertThat(stored).isEqualTo(e);
      assertThat(stored.isIntact()).isTrue();
    }
  }

  @Test
  @DisplayName("an append inside a rolled-back transaction is undone, and the chain continues from before it")
  void rollback() {
    List<AuditEntry> entries = appendMany(2);
    assertThatThrownBy(() -> transactionRunner().execute(() -> {
      store.append(next(entries.get(1), auditRecord(null, 3)), IdempotencyKey.of("a-3"));
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.last()).contains(entries.get(1));
    assertThat(store.append(next(entries.get(1), auditRecord(null, 3)), IdempotencyKey.of("a-3")).sequence())
        .isEqualTo(3);
  }
}
