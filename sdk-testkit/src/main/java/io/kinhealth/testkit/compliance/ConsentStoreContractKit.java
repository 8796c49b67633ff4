package io.kinhealth.testkit.compliance;

import static io.kinhealth.testkit.compliance.ComplianceSamples.T0;
import static io.kinhealth.testkit.compliance.ComplianceSamples.consent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentId;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentStatus;
import io.kinhealth.compliance.consent.Withdrawal;
import io.kinhealth.compliance.spi.ConsentStore;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link ConsentStore} (see its javadoc): idempotent inserts keyed by the caller, withdrawals
 * under optimistic concurrency, paged reads by subject, and writes that roll back with their transaction. Extend it
 * and supply a fresh, empty store (and, for a durable store, the transaction runner it takes part in).
 */
public abstract class ConsentStoreContractKit {
  private static final PersonId ALICE = PersonId.of("kit-alice");
  private static final PersonId BOB = PersonId.of("kit-bob");

  protected abstract ConsentStore createStore();

  /** The transaction runner the store takes part in; the in-memory one by default. */
  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private ConsentStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static IdempotencyKey key(String k) {
    return IdempotencyKey.of(k);
  }

  private static Withdrawal withdrawal(PersonId by) {
    return new Withdrawal(T0.plusSeconds(60), by, ConsentChannel.APP, "user_request");
  }

  @Nested
  @DisplayName("insert")
  class Insert {
    @Test
    @DisplayName("stores a record that is found again by id, unchanged")
    void roundTrip() {
      ConsentRecord r = consent("c-1", ALICE, T0);
      assertThat(store.insert(r, key("k-1"))).isEqualTo(r);
      assertThat(store.find(ConsentId.of("c-1"))).contains(r);
      assertThat(store.find(ConsentId.of("c-unknown"))).isEmpty();
    }

    @Test
    @DisplayName("a replay with the same grant returns the first record; another grant under the key is a conflict")
    void idempotent() {
      ConsentRecord r = consent("c-1", ALICE, T0);
      store.insert(r, key("k-1"));
      ConsentRecord replay = consent("c-2", ALICE, T0);
      assertThat(store.insert(replay, key("k-1"))).isEqualTo(r);
      assertThat(store.find(ConsentId.of("c-2"))).isEmpty();
      assertThatThrownBy(() -> store.insert(consent("c-3", ALICE, T0.plusSeconds(1)), key("k-1")))
          .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    @DisplayName("a second record with an existing id is a conflict")
    void duplicateId() {
      store.insert(consent("c-1", ALICE, T0), key("k-1"));
      assertThatThrownBy(() -> store.insert(consent("c-1", BOB, T0), key("k-2")))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("consent.duplicate_id"));
    }

    @Test
    @DisplayName("an insert inside a transaction that rolls back leaves nothing, and its key may be used again")
    void rollback() {
      TransactionRunner tx = transactionRunner();
      assertThatThrownBy(() -> tx.execute(() -> {
        store.insert(consent("c-1", ALICE, T0), key("k-1"));
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(store.find(ConsentId.of("c-1"))).isEmpty();
      ConsentRecord other = consent("c-2", ALICE, T0.plusSeconds(5));
      assertThat(store.insert(other, key("k-1"))).isEqualTo(other);
    }
  }

  @Nested
  @DisplayName("withdraw")
  class Withdraw {
    @Test
    @DisplayName("moves the record to WITHDRAWN at the next version, keeping its grant")
    void withdraws() {
      ConsentRecord r = store.insert(consent("c-1", ALICE, T0), key("k-1"));
      ConsentRecord w = store.withdraw(r.id(), 1, withdrawal(ALICE), key("w-1"));
      assertThat(w.status()).isEqualTo(ConsentStatus.WITHDRAWN);
      assertThat(w.version()).isEqualTo(2);
      assertThat(w.grant()).isEqualTo(r.grant());
      assertThat(w.withdrawal()).isEqualTo(withdrawal(ALICE));
      assertThat(store.find(r.id())).contains(w);
    }

    @Test
    @DisplayName("a stale expected version is a conflict and changes nothing")
    void optimisticConcurrency() {
      ConsentRecord r = store.insert(consent("c-1", ALICE, T0), key("k-1"));
      assertThatThrownBy(() -> store.withdraw(r.id(), 7, withdrawal(ALICE), key("w-1")))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("consent.version_conflict"));
      assertThat(store.find(r.id())).contains(r);
    }

    @Test
    @DisplayName("a replay returns the first result even though the version moved on; another payload conflicts")
    void idempotent() {
      ConsentRecord r = store.insert(consent("c-1", ALICE, T0), key("k-1"));
      ConsentRecord w = store.withdraw(r.id(), 1, withdrawal(ALICE), key("w-1"));
      Withdrawal later = new Withdrawal(T0.plusSeconds(600), ALICE, ConsentChannel.APP, "user_request");
      assertThat(store.withdraw(r.id(), 1, later, key("w-1"))).isEqualTo(w);
      assertThatThrownBy(() -> store.withdraw(r.id(), 2,
          new Withdrawal(T0.plusSeconds(600), ALICE, ConsentChannel.PHONE, null), key("w-1")))
          .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    @DisplayName("an unknown id is NOT_FOUND")
    void unknown() {
      assertThatThrownBy(() -> store.withdraw(ConsentId.of("nope"), 1, withdrawal(ALICE), key("w-1")))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a withdrawal inside a rolled-back transaction is undone")
    void rollback() {
      ConsentRecord r = store.insert(consent("c-1", ALICE, T0), key("k-1"));
      assertThatThrownBy(() -> transactionRunner().execute(() -> {
        store.withdraw(r.id(), 1, withdrawal(ALICE), key("w-1"));
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(store.find(r.id())).contains(r);
    }
  }

  @Nested
  @DisplayName("findBySubject")
  class FindBySubject {
    @Test
    @DisplayName("pages one subject's records in ascending id order, optionally by status")
    void pages() {
      for (int i = 0; i < 7; i++) {
        store.insert(consent("c-a" + i, ALICE, T0.plusSeconds(i)), key("ka-" + i));
        store.insert(consent("c-b" + i, BOB, T0.plusSeconds(i)), key("kb-" + i));
      }
      store.withdraw(ConsentId.of("c-a3"), 1, withdrawal(ALICE), key("w-3"));
      List<String> all = new ArrayList<>();
      PageRequest page = PageRequest.first(3);
      int pages = 0;
      while (true) {
        Page<ConsentRecord> p = store.findBySubject(ALICE, null, page);
        assertThat(p.items().size()).isLessThanOrEqualTo(3);
        p.items().forEach(r -> all.add(r.id().value()));
        pages++;
        if (!p.hasNext()) {
          break;
        }
        page = page.next(p);
      }
      assertThat(all).containsExactly("c-a0", "c-a1", "c-a2", "c-a3", "c-a4", "c-a5", "c-a6");
      assertThat(pages).isGreaterThanOrEqualTo(3);
      assertThat(store.findBySubject(ALICE, ConsentStatus.ACTIVE, PageRequest.first(100)).items())
          .extracting(r -> r.id().value()).doesNotContain("c-a3").hasSize(6);
      assertThat(store.findBySubject(ALICE, ConsentStatus.WITHDRAWN, PageRequest.first(100)).items())
          .extracting(r -> r.id().value()).containsExactly("c-a3");
      assertThat(store.findBySubject(PersonId.of("kit-nobody"), null, PageRequest.first(10)).items()).isEmpty();
    }
  }
}
