package io.kinhealth.testkit.family;

import static io.kinhealth.testkit.family.FamilySamples.MEMBER;
import static io.kinhealth.testkit.family.FamilySamples.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.family.calendar.MenstrualPeriod;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.calendar.PregnancyOutcome;
import io.kinhealth.family.spi.CalendarStore;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link CalendarStore} (see its javadoc): periods unique per member and day, idempotent adds and
 * removals, the latest periods before a date newest first, pregnancies with versions and digests, rollback. Extend it
 * and supply a fresh, empty store.
 */
public abstract class CalendarStoreContractKit {
  protected abstract CalendarStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private CalendarStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static IdempotencyKey key() {
    return IdempotencyKey.of("kit-" + FamilySamples.newId());
  }

  private static final LocalDate D = LocalDate.of(2026, 1, 1);

  @Nested
  @DisplayName("the cycle log")
  class Periods {
    @Test
    @DisplayName("recent periods come newest first, before the given day, at most the limit, one member's only")
    void recent() {
      for (int i = 0; i < 8; i++) {
        store.addPeriod(key(), new MenstrualPeriod(MEMBER, D.plusDays(28L * i), null));
      }
      store.addPeriod(key(), new MenstrualPeriod(OWNER, D.plusDays(3), null));
      assertThat(store.recentPeriods(MEMBER, D.plusDays(28L * 5), 3)).extracting(MenstrualPeriod::start)
          .containsExactly(D.plusDays(28L * 4), D.plusDays(28L * 3), D.plusDays(28L * 2));
      assertThat(store.recentPeriods(MEMBER, D, 3)).isEmpty();
    }

    @Test
    @DisplayName("adding is idempotent per key; one period per member and day; removal tells whether it removed")
    void uniqueness() {
      IdempotencyKey k = key();
      MenstrualPeriod p = new MenstrualPeriod(MEMBER, D, D.plusDays(4));
      assertThat(store.addPeriod(k, p)).isEqualTo(p);
      assertThat(store.addPeriod(k, p)).isEqualTo(p);
      assertThatThrownBy(() -> store.addPeriod(k, new MenstrualPeriod(MEMBER, D.plusDays(1), null)))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThatThrownBy(() -> store.addPeriod(key(), new MenstrualPeriod(MEMBER, D, null)))
          .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("reason", "calendar.period.exists");
      IdempotencyKey removal = key();
      assertThat(store.removePeriod(removal, MEMBER, D)).isTrue();
      assertThat(store.removePeriod(removal, MEMBER, D)).isTrue();
      assertThat(store.removePeriod(key(), MEMBER, D)).isFalse();
      assertThat(store.recentPeriods(MEMBER, D.plusDays(1), 5)).isEmpty();
    }

    @Test
    @DisplayName("an add inside a transaction that fails is undone")
    void rollback() {
      assertThatThrownBy(() -> transactionRunner().execute(() -> {
        store.addPeriod(key(), new MenstrualPeriod(MEMBER, D, null));
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(store.recentPeriods(MEMBER, D.plusDays(1), 5)).isEmpty();
    }
  }

  @Nested
  @DisplayName("pregnancies")
  class Pregnancies {
    @Test
    @DisplayName("a new pregnancy is version 1, an update needs the stored version, replays return it as stored")
    void versions() {
      Pregnancy p = FamilyRiskSamples.pregnancy(MEMBER, D);
      IdempotencyKey k = key();
      Pregnancy stored = store.savePregnancy(k, "register", p, 0);
      assertThat(stored.version()).isEqualTo(1);
      Pregnancy ended = store.savePregnancy(key(), "end", stored.ended(D.plusDays(270), PregnancyOutcome.LIVE_BIRTH),
          1);
      assertThat(ended.version()).isEqualTo(2);
      assertThat(store.savePregnancy(k, "register", p, 0)).isEqualTo(ended);
      assertThatThrownBy(() -> store.savePregnancy(k, "other", p, 0)).isInstanceOf(IdempotencyConflictException.class);
      assertThatThrownBy(() -> store.savePregnancy(key(), "stale", stored, 1))
          .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("reason", "pregnancy.version_conflict");
      assertThat(store.findPregnancy(p.id())).contains(ended);
      assertThat(store.findWrite(k)).get().extracting(w -> w.resultId()).isEqualTo(p.id().value());
    }

    @Test
    @DisplayName("a member's pregnancies come latest first")
    void listing() {
      Pregnancy first = store.savePregnancy(key(), "a", FamilyRiskSamples.pregnancy(MEMBER, D), 0);
      Pregnancy second = store.savePregnancy(key(), "b", FamilyRiskSamples.pregnancy(MEMBER, D.plusYears(2)), 0);
      store.savePregnancy(key(), "c", FamilyRiskSamples.pregnancy(OWNER, D), 0);
      assertThat(store.pregnanciesOf(MEMBER)).containsExactly(second, first);
    }
  }
}
