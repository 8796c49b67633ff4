package io.kinhealth.testkit.compliance;

import static io.kinhealth.testkit.compliance.ComplianceSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.rights.RefusalReason;
import io.kinhealth.compliance.rights.SubjectRequest;
import io.kinhealth.compliance.rights.SubjectRequestId;
import io.kinhealth.compliance.rights.SubjectRequestType;
import io.kinhealth.compliance.spi.SubjectRequestStore;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SubjectRequestStore}: idempotent inserts and updates, optimistic concurrency, due-date
 * paging, paging by subject, rollback. Extend it and supply an empty store.
 */
public abstract class SubjectRequestStoreContractKit {
  private static final PersonId ALICE = PersonId.of("kit-alice");
  private static final LocalDate DUE = LocalDate.of(2026, 12, 16);

  protected abstract SubjectRequestStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private SubjectRequestStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static SubjectRequest request(String id, SubjectRequestType type, LocalDate due) {
    return SubjectRequest.received(SubjectRequestId.of(id), ALICE, type, T0, due);
  }

  @Test
  @DisplayName("inserts idempotently and finds by id")
  void insert() {
    SubjectRequest r = store.insert(request("r-1", SubjectRequestType.ACCESS, DUE), IdempotencyKey.of("k-1"));
    assertThat(store.insert(request("r-2", SubjectRequestType.ACCESS, DUE), IdempotencyKey.of("k-1"))).isEqualTo(r);
    assertThatThrownBy(() -> store.insert(request("r-3", SubjectRequestType.DELETION, DUE), IdempotencyKey.of("k-1")))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThat(store.find(SubjectRequestId.of("r-1"))).contains(r);
    assertThat(store.find(SubjectRequestId.of("r-2"))).isEmpty();
  }

  @Test
  @DisplayName("updates only the next version; replays return the first result")
  void update() {
    SubjectRequest r = store.insert(request("r-1", SubjectRequestType.ACCESS, DUE), IdempotencyKey.of("k-1"));
    SubjectRequest done = r.completed(T0.plusSeconds(60));
    assertThat(store.update(done, IdempotencyKey.of("u-1"))).isEqualTo(done);
    assertThat(store.update(r.completed(T0.plusSeconds(99)), IdempotencyKey.of("u-1"))).isEqualTo(done);
    assertThatThrownBy(() -> store.update(r.refused(RefusalReason.AFFECTS_OTHERS, T0), IdempotencyKey.of("u-2")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo("rights.version_conflict"));
    assertThatThrownBy(() -> store.update(request("r-9", SubjectRequestType.ACCESS, DUE).completed(T0),
        IdempotencyKey.of("u-3"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("pages open requests due by a date, earliest first, and a subject's requests")
  void paging() {
    for (int i = 0; i < 6; i++) {
      store.insert(request("r-" + i, SubjectRequestType.COPY, DUE.plusDays(5 - i)), IdempotencyKey.of("k-" + i));
    }
    SubjectRequest closed = store.find(SubjectRequestId.of("r-5")).orElseThrow();
    store.update(closed.completed(T0), IdempotencyKey.of("u-5"));
    List<String> ids = new ArrayList<>();
    PageRequest page = PageRequest.first(2);
    while (true) {
      Page<SubjectRequest> p = store.openDueBy(DUE.plusDays(3), page);
      p.items().forEach(r -> ids.add(r.id().value()));
      if (!p.hasNext()) {
        break;
      }
      page = page.next(p);
    }
    assertThat(ids).containsExactly("r-4", "r-3", "r-2");
    assertThat(store.findBySubject(ALICE, PageRequest.first(100)).items()).hasSize(6);
    assertThat(store.findBySubject(PersonId.of("kit-bob"), PageRequest.first(100)).items()).isEmpty();
  }

  @Test
  @DisplayName("writes inside a rolled-back transaction are undone")
  void rollback() {
    assertThatThrownBy(() -> transactionRunner().execute(() -> {
      store.insert(request("r-1", SubjectRequestType.ACCESS, DUE), IdempotencyKey.of("k-1"));
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.find(SubjectRequestId.of("r-1"))).isEmpty();
  }
}
