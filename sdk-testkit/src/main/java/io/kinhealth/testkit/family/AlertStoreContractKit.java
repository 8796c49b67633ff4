package io.kinhealth.testkit.family;

import static io.kinhealth.testkit.family.FamilySamples.MEMBER;
import static io.kinhealth.testkit.family.FamilySamples.OWNER;
import static io.kinhealth.testkit.family.FamilySamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.spi.AlertStore;
import io.kinhealth.family.triage.Alert;
import io.kinhealth.family.triage.AlertStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link AlertStore} (see its javadoc): one unresolved alert per member and condition, idempotent
 * writes keyed by the caller with a request digest, optimistic concurrency by version, the review worklist and the
 * due-action queue in their orders with stable cursors, and writes that roll back with their transaction. Extend it
 * and supply a fresh, empty store.
 */
public abstract class AlertStoreContractKit {
  protected abstract AlertStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private AlertStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static IdempotencyKey key() {
    return IdempotencyKey.of("kit-" + FamilySamples.newId());
  }

  private Alert open(String condition, AlertSeverity severity, Duration after) {
    return store.create(key(), "d-" + FamilySamples.newId(), FamilyRiskSamples.alert(MEMBER, condition, severity,
        T0.plus(after)));
  }

  @Nested
  @DisplayName("one condition, one open alert")
  class OneOpen {
    @Test
    @DisplayName("a created alert is stored at version 1 and found by id, as the latest of its condition")
    void create() {
      Alert a = open("fever", AlertSeverity.HIGH, Duration.ZERO);
      assertThat(a.version()).isEqualTo(1);
      assertThat(store.find(a.id())).contains(a);
      assertThat(store.latest(MEMBER, "fever")).contains(a);
      assertThat(store.unresolved(MEMBER)).containsExactly(a);
      assertThat(store.latest(OWNER, "fever")).isEmpty();
    }

    @Test
    @DisplayName("a second unresolved alert for the member's condition is a conflict; another member's is not")
    void secondOpenRefused() {
      open("fever", AlertSeverity.HIGH, Duration.ZERO);
      assertThatThrownBy(() -> open("fever", AlertSeverity.LOW, Duration.ofMinutes(1)))
          .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("reason", "alert.already_open");
      assertThat(store.create(key(), "d-other", FamilyRiskSamples.alert(OWNER, "fever", AlertSeverity.LOW, T0)))
          .isNotNull();
      assertThat(open("hypoglycaemia", AlertSeverity.CRITICAL, Duration.ZERO)).isNotNull();
      assertThat(store.unresolved(MEMBER)).extracting(Alert::condition).containsExactly("hypoglycaemia", "fever");
    }

    @Test
    @DisplayName("once resolved, the condition takes a new alert; latest is the newest raised")
    void afterResolution() {
      Alert a = open("fever", AlertSeverity.HIGH, Duration.ZERO);
      store.update(key(), "d-resolve", FamilyRiskSamples.resolved(a, T0.plusSeconds(60)), a.version());
      assertThat(store.unresolved(MEMBER)).isEmpty();
      Alert b = open("fever", AlertSeverity.LOW, Duration.ofHours(1));
      assertThat(store.latest(MEMBER, "fever")).contains(b);
      assertThat(store.unresolved(MEMBER)).containsExactly(b);
      Alert closed = store.find(a.id()).orElseThrow();
      assertThatThrownBy(() -> store.update(key(), "d-reopen", FamilyRiskSamples.dueAt(a, T0), closed.version()))
          .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("reason", "alert.resolved");
    }
  }

  @Nested
  @DisplayName("writes")
  class Writes {
    @Test
    @DisplayName("a replayed key with its digest returns the alert as stored now; another digest is a conflict")
    void idempotency() {
      IdempotencyKey k = key();
      Alert a = store.create(k, "digest-1", FamilyRiskSamples.alert(MEMBER, "fever", AlertSeverity.HIGH, T0));
      assertThat(store.findWrite(k)).get().satisfies(w -> {
        assertThat(w.requestDigest()).isEqualTo("digest-1");
        assertThat(w.resultId()).isEqualTo(a.id().value());
      });
      Alert updated = store.update(key(), "digest-2", FamilyRiskSamples.dueAt(a, T0.plusSeconds(5)), 1);
      assertThat(store.create(k, "digest-1", FamilyRiskSamples.alert(MEMBER, "x", AlertSeverity.LOW, T0)))
          .isEqualTo(updated);
      assertThatThrownBy(() -> store.create(k, "digest-other", FamilyRiskSamples.alert(MEMBER, "y",
          AlertSeverity.LOW, T0))).isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    @DisplayName("an update needs the stored version; the id must exist; ids are unique")
    void versions() {
      Alert a = open("fever", AlertSeverity.HIGH, Duration.ZERO);
      Alert b = store.update(key(), "d-1", FamilyRiskSamples.dueAt(a, T0), 1);
      assertThat(b.version()).isEqualTo(2);
      assertThatThrownBy(() -> store.update(key(), "d-2", FamilyRiskSamples.dueAt(a, T0), 1))
          .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("reason", "alert.version_conflict");
      assertThatThrownBy(() -> store.update(key(), "d-3", FamilyRiskSamples.alert(MEMBER, "fever",
          AlertSeverity.HIGH, T0), 0)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> store.create(key(), "d-4", FamilyRiskSamples.resolved(a, T0)))
          .isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("writes inside a transaction that fails are undone, the key included")
    void rollback() {
      IdempotencyKey k = key();
      Alert a = FamilyRiskSamples.alert(MEMBER, "fever", AlertSeverity.HIGH, T0);
      assertThatThrownBy(() -> transactionRunner().execute(() -> {
        store.create(k, "d", a);
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(store.find(a.id())).isEmpty();
      assertThat(store.unresolved(MEMBER)).isEmpty();
      assertThat(store.findWrite(k)).isEmpty();
      assertThat(store.create(k, "d", a).version()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("worklists")
  class Worklists {
    @Test
    @DisplayName("awaiting review: unresolved alerts of at least a severity, most severe first, then oldest")
    void awaitingReview() {
      Random random = new Random(11);
      List<Alert> made = new ArrayList<>();
      AlertSeverity[] severities = AlertSeverity.values();
      for (int i = 0; i < 30; i++) {
        made.add(open("c" + i, severities[random.nextInt(severities.length)], Duration.ofMinutes(random.nextInt(500))));
      }
      Alert resolved = made.stream().filter(x -> x.severity() == AlertSeverity.CRITICAL).findFirst().orElseThrow();
      store.update(key(), "d-r", FamilyRiskSamples.resolved(resolved, T0), resolved.version());
      List<Alert> expected = made.stream().filter(x -> x != resolved && x.severity().compareTo(AlertSeverity.HIGH) >= 0)
          .sorted(java.util.Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::raisedAt)
              .thenComparing(x -> x.id().value())).toList();
      List<Alert> got = new ArrayList<>();
      PageRequest request = PageRequest.first(4);
      while (true) {
        Page<Alert> page = store.awaitingReview(AlertSeverity.HIGH, request);
        got.addAll(page.items());
        if (!page.hasNext()) {
          break;
        }
        request = request.next(page);
      }
      assertThat(got).as("seed 11").extracting(Alert::id).containsExactlyElementsOf(expected.stream()
          .map(Alert::id).toList());
      assertThat(got).allMatch(x -> x.status() != AlertStatus.RESOLVED);
    }

    @Test
    @DisplayName("due for action: alerts whose next action is at or before now, by that time")
    void dueForAction() {
      Alert early = open("a", AlertSeverity.HIGH, Duration.ZERO);
      Alert late = open("b", AlertSeverity.HIGH, Duration.ZERO);
      Alert future = open("c", AlertSeverity.HIGH, Duration.ZERO);
      open("d", AlertSeverity.HIGH, Duration.ZERO); // nothing due
      store.update(key(), "d1", FamilyRiskSamples.dueAt(late, T0.plusSeconds(60)), 1);
      store.update(key(), "d2", FamilyRiskSamples.dueAt(early, T0.plusSeconds(30)), 1);
      store.update(key(), "d3", FamilyRiskSamples.dueAt(future, T0.plusSeconds(600)), 1);
      Page<Alert> first = store.dueForAction(T0.plusSeconds(60), PageRequest.first(1));
      assertThat(first.items()).extracting(Alert::id).containsExactly(early.id());
      Page<Alert> second = store.dueForAction(T0.plusSeconds(60), PageRequest.first(1).next(first));
      assertThat(second.items()).extracting(Alert::id).containsExactly(late.id());
      assertThat(second.hasNext()).isFalse();
    }
  }
}
