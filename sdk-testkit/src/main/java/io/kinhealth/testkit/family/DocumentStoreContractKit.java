package io.kinhealth.testkit.family;

import static io.kinhealth.testkit.family.FamilySamples.MEMBER;
import static io.kinhealth.testkit.family.FamilySamples.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.family.document.DocumentId;
import io.kinhealth.family.document.HealthDocument;
import io.kinhealth.family.spi.DocumentStore;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DocumentStore} (see its javadoc): idempotent saves compared by content, bytes read back
 * exactly, external documents without bytes, paging latest first with a stable cursor, idempotent erasure, rollback.
 * Extend it and supply a fresh, empty store.
 */
public abstract class DocumentStoreContractKit {
  protected abstract DocumentStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private DocumentStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static IdempotencyKey key() {
    return IdempotencyKey.of("kit-" + FamilySamples.newId());
  }

  private static final LocalDate D = LocalDate.of(2026, 11, 1);

  @Test
  @DisplayName("saved bytes are read back exactly, as a copy")
  void bytes() {
    byte[] bytes = new byte[70_000];
    new Random(3).nextBytes(bytes);
    HealthDocument d = store.save(key(), FamilyRiskSamples.document(MEMBER, D, bytes), bytes);
    bytes[0] ^= 1;
    byte[] read = store.readContent(d.id()).orElseThrow();
    assertThat(FamilyRiskSamples.sha256(read)).isEqualTo(d.sha256());
    read[1] ^= 1;
    assertThat(FamilyRiskSamples.sha256(store.readContent(d.id()).orElseThrow())).isEqualTo(d.sha256());
    assertThat(store.find(d.id())).contains(d);
  }

  @Test
  @DisplayName("an external document has no bytes in the store; bytes are required exactly when it is not external")
  void external() {
    HealthDocument e = FamilyRiskSamples.external(MEMBER, D);
    assertThat(store.save(key(), e, null)).isEqualTo(e);
    assertThat(store.readContent(e.id())).isEmpty();
    byte[] b = "x".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> store.save(key(), FamilyRiskSamples.external(MEMBER, D), b))
        .isInstanceOf(io.kinhealth.core.error.KinHealthException.class);
    assertThatThrownBy(() -> store.save(key(), FamilyRiskSamples.document(MEMBER, D, b), null))
        .isInstanceOf(io.kinhealth.core.error.KinHealthException.class);
  }

  @Test
  @DisplayName("a replayed key with the same document returns the first; another document is a conflict; ids are unique")
  void idempotency() {
    byte[] b = "report".getBytes(StandardCharsets.UTF_8);
    IdempotencyKey k = key();
    HealthDocument first = store.save(k, FamilyRiskSamples.document(MEMBER, D, b), b);
    HealthDocument again = FamilyRiskSamples.document(MEMBER, D, b);
    assertThat(store.save(k, again, b).id()).isEqualTo(first.id());
    assertThat(store.find(again.id())).isEmpty();
    byte[] other = "other".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> store.save(k, FamilyRiskSamples.document(MEMBER, D, other), other))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThatThrownBy(() -> store.save(key(), first, b)).isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("a member's documents page latest date first, then id, with a stable cursor")
  void paging() {
    Random random = new Random(5);
    List<HealthDocument> mine = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      byte[] b = ("doc-" + i).getBytes(StandardCharsets.UTF_8);
      mine.add(store.save(key(), FamilyRiskSamples.document(MEMBER, D.minusDays(random.nextInt(10)), b), b));
    }
    byte[] b = "owner".getBytes(StandardCharsets.UTF_8);
    store.save(key(), FamilyRiskSamples.document(OWNER, D, b), b);
    List<DocumentId> expected = mine.stream().sorted(Comparator.comparing(HealthDocument::documentDate).reversed()
        .thenComparing(d -> d.id().value())).map(HealthDocument::id).toList();
    List<DocumentId> got = new ArrayList<>();
    PageRequest request = PageRequest.first(4);
    while (true) {
      Page<HealthDocument> page = store.documentsOf(MEMBER, request);
      page.items().forEach(d -> got.add(d.id()));
      if (!page.hasNext()) {
        break;
      }
      request = request.next(page);
    }
    assertThat(got).as("seed 5").containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("erasure removes metadata and bytes, is idempotent per key, and rolls back with its transaction")
  void erasure() {
    byte[] b = "scan".getBytes(StandardCharsets.UTF_8);
    HealthDocument d = store.save(key(), FamilyRiskSamples.document(MEMBER, D, b), b);
    assertThatThrownBy(() -> transactionRunner().execute(() -> {
      store.delete(key(), d.id());
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.readContent(d.id())).isPresent();
    IdempotencyKey k = key();
    assertThat(store.delete(k, d.id())).isTrue();
    assertThat(store.delete(k, d.id())).isTrue();
    assertThat(store.delete(key(), d.id())).isFalse();
    assertThat(store.find(d.id())).isEmpty();
    assertThat(store.readContent(d.id())).isEmpty();
  }
}
