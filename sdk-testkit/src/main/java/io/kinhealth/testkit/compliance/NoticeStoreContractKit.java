package io.kinhealth.testkit.compliance;

import static io.kinhealth.testkit.compliance.ComplianceSamples.T0;
import static io.kinhealth.testkit.compliance.ComplianceSamples.notice;
import static io.kinhealth.testkit.compliance.ComplianceSamples.noticeContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.spi.NoticeStore;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
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
 * The contract of a {@link NoticeStore}: immutable versions that follow one another, idempotent inserts, newest-first
 * paging, rollback with the transaction. Extend it and supply a fresh, empty store.
 */
public abstract class NoticeStoreContractKit {
  private static final NoticeId ID = NoticeId.of("kit-notice");

  protected abstract NoticeStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private NoticeStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private PrivacyNotice publish(int versions) {
    PrivacyNotice n = store.insert(notice(ID, "v1"), IdempotencyKey.of("n-1"));
    for (int v = 2; v <= versions; v++) {
      n = store.insert(PrivacyNotice.next(n, noticeContent("v" + v), T0.plusSeconds(v)), IdempotencyKey.of("n-" + v));
    }
    return n;
  }

  @Test
  @DisplayName("stores versions that are found by number and the newest is the latest")
  void versions() {
    PrivacyNotice v3 = publish(3);
    assertThat(store.latest(ID)).contains(v3);
    assertThat(store.find(ID, 1).orElseThrow().content().text()).isEqualTo("v1");
    assertThat(store.find(ID, 4)).isEmpty();
    assertThat(store.latest(NoticeId.of("kit-none"))).isEmpty();
  }

  @Test
  @DisplayName("a replay with the same content returns the first version; other content under the key conflicts")
  void idempotent() {
    PrivacyNotice v1 = publish(1);
    PrivacyNotice again = PrivacyNotice.next(v1, noticeContent("v1"), T0.plusSeconds(9));
    assertThat(store.insert(again, IdempotencyKey.of("n-1"))).isEqualTo(v1);
    assertThat(store.latest(ID)).contains(v1);
    assertThatThrownBy(() -> store.insert(PrivacyNotice.next(v1, noticeContent("other"), T0),
        IdempotencyKey.of("n-1"))).isInstanceOf(IdempotencyConflictException.class);
  }

  @Test
  @DisplayName("an existing version or a gap in versions is a conflict")
  void conflicts() {
    PrivacyNotice v1 = publish(1);
    PrivacyNotice v2 = PrivacyNotice.next(v1, noticeContent("v2"), T0);
    store.insert(v2, IdempotencyKey.of("n-2"));
    assertThatThrownBy(() -> store.insert(PrivacyNotice.next(v1, noticeContent("v2b"), T0),
        IdempotencyKey.of("n-2b"))).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.reason()).isEqualTo("notice.version_exists"));
    PrivacyNotice v4 = PrivacyNotice.next(PrivacyNotice.next(v2, noticeContent("v3"), T0), noticeContent("v4"), T0);
    assertThatThrownBy(() -> store.insert(v4, IdempotencyKey.of("n-4")))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("notice.version_gap"));
  }

  @Test
  @DisplayName("pages versions newest first")
  void paging() {
    publish(5);
    List<Integer> seen = new ArrayList<>();
    PageRequest page = PageRequest.first(2);
    while (true) {
      Page<PrivacyNotice> p = store.versions(ID, page);
      p.items().forEach(n -> seen.add(n.version()));
      if (!p.hasNext()) {
        break;
      }
      page = page.next(p);
    }
    assertThat(seen).containsExactly(5, 4, 3, 2, 1);
  }

  @Test
  @DisplayName("an insert inside a rolled-back transaction is undone")
  void rollback() {
    assertThatThrownBy(() -> transactionRunner().execute(() -> {
      store.insert(notice(ID, "v1"), IdempotencyKey.of("n-1"));
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.latest(ID)).isEmpty();
  }
}
