package io.kinhealth.testkit.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.AccountLine;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.HoldState;
import io.kinhealth.referral.ledger.JournalEntry;
import io.kinhealth.referral.ledger.LedgerAccount;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.spi.LedgerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link LedgerStore} (see its javadoc): accounts created once with a zero balance, optimistic
 * balance and hold updates, entries and lines idempotent by their keys, range reads that page in their documented
 * order with stable cursors, and writes that roll back with their transaction. Extend it and supply a fresh, empty
 * store (and, for a durable store, the transaction runner it takes part in).
 */
public abstract class LedgerStoreContractKit {
  protected abstract LedgerStore createStore();

  /** The transaction runner the store takes part in; the in-memory one by default. */
  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
  static final AccountId WECHAT = AccountId.provider("wechat");
  static final AccountId DOCTOR = AccountId.earnings(PartyId.of("dr-li"));

  private LedgerStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static JournalEntry entry(String id, long fen) {
    EntryRequest request = EntryRequest.builder(EntryId.of(id))
        .add(Transfer.post(WECHAT, DOCTOR, Money.ofMinor(fen))).build();
    return new JournalEntry(request.id(), T0, request, request.transfers());
  }

  private static Hold hold(String id, Instant expiresAt) {
    return new Hold(HoldId.of(id), EntryId.of("e-" + id), WECHAT, DOCTOR, Money.ofMinor(100), T0, expiresAt,
        HoldState.PENDING, null, null, 0);
  }

  private static AccountLine line(AccountId account, long sequence, Instant at, long credit, long balance) {
    return new AccountLine(account, sequence, EntryId.of("e" + sequence), at, Money.CNY, 0, credit, balance);
  }

  @Nested
  @DisplayName("accounts and balances")
  class Accounts {
    @Test
    @DisplayName("an account is created with a zero balance at version 0 and found again")
    void create() {
      LedgerAccount a = LedgerAccount.of(DOCTOR);
      assertThat(store.createAccount(a)).isEqualTo(a);
      assertThat(store.findAccount(DOCTOR)).contains(a);
      assertThat(store.findBalance(DOCTOR)).contains(AccountBalance.empty(a));
      assertThat(store.findAccount(WECHAT)).isEmpty();
      assertThat(store.findBalance(WECHAT)).isEmpty();
    }

    @Test
    @DisplayName("creating it again with the same terms returns it; with other terms is an idempotency conflict")
    void idempotentCreate() {
      store.createAccount(LedgerAccount.of(DOCTOR));
      assertThat(store.createAccount(LedgerAccount.of(DOCTOR))).isEqualTo(LedgerAccount.of(DOCTOR));
      assertThatThrownBy(() -> store.createAccount(LedgerAccount.of(DOCTOR).unbounded()))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThat(store.findAccount(DOCTOR)).contains(LedgerAccount.of(DOCTOR));
    }

    @Test
    @DisplayName("a balance update applies only on the expected version, one version up")
    void optimistic() {
      store.createAccount(LedgerAccount.of(DOCTOR));
      AccountBalance v0 = store.findBalance(DOCTOR).orElseThrow();
      AccountBalance v1 = v0.plus(0, 0, 0, 500);
      store.updateBalance(v1, 0);
      assertThat(store.findBalance(DOCTOR)).contains(v1);
      assertThatThrownBy(() -> store.updateBalance(v0.plus(0, 0, 0, 1), 0))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("ledger.version_conflict"));
      assertThatThrownBy(() -> store.updateBalance(v1.plus(0, 0, 0, 1).plus(0, 0, 0, 1), 1))
          .isInstanceOf(ConflictException.class);
      assertThat(store.findBalance(DOCTOR)).contains(v1);
    }

    @Test
    @DisplayName("balances page in account-id order")
    void balancesPage() {
      List<AccountId> ids = new ArrayList<>();
      for (int i = 0; i < 23; i++) {
        AccountId id = AccountId.earnings(PartyId.of("p" + (char) ('a' + i)));
        store.createAccount(LedgerAccount.of(id));
        ids.add(id);
      }
      store.createAccount(LedgerAccount.of(WECHAT));
      ids.add(WECHAT);
      List<AccountId> read = Pages.all(store::balances, 5).stream().map(AccountBalance::account).toList();
      assertThat(read).containsExactlyElementsOf(ids.stream().sorted().toList());
    }
  }

  @Nested
  @DisplayName("journal entries")
  class Entries {
    @Test
    @DisplayName("an entry is stored once and found by id; the same request again returns it")
    void insert() {
      JournalEntry e = entry("e1", 100);
      assertThat(store.insertEntry(e)).isEqualTo(e);
      assertThat(store.findEntry(EntryId.of("e1"))).contains(e);
      assertThat(store.insertEntry(e)).isEqualTo(e);
      assertThat(store.findEntry(EntryId.of("e2"))).isEmpty();
    }

    @Test
    @DisplayName("the same id with another request is an idempotency conflict and keeps the first")
    void conflict() {
      store.insertEntry(entry("e1", 100));
      assertThatThrownBy(() -> store.insertEntry(entry("e1", 101))).isInstanceOf(IdempotencyConflictException.class);
      assertThat(store.findEntry(EntryId.of("e1"))).contains(entry("e1", 100));
    }
  }

  @Nested
  @DisplayName("holds")
  class Holds {
    @Test
    @DisplayName("a hold is inserted once, found by id, and updated only on the expected version")
    void lifecycle() {
      Hold h = hold("h1", null);
      store.insertHold(h);
      store.insertHold(h);
      assertThat(store.findHold(HoldId.of("h1"))).contains(h);
      assertThatThrownBy(() -> store.insertHold(hold("h1", T0.plusSeconds(1))))
          .isInstanceOf(IdempotencyConflictException.class);
      Hold posted = h.resolve(HoldState.POSTED, Money.ofMinor(100), EntryId.of("post"));
      store.updateHold(posted, 0);
      assertThat(store.findHold(HoldId.of("h1"))).contains(posted);
      assertThatThrownBy(() -> store.updateHold(h.resolve(HoldState.VOIDED, null, EntryId.of("v")), 0))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("ledger.version_conflict"));
    }

    @Test
    @DisplayName("pending holds expiring by an instant page by expiry then id; resolved and open-ended ones never")
    void expiring() {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String id = "h" + (char) ('a' + (11 - i));
        store.insertHold(hold(id, T0.plus(Duration.ofMinutes(i % 4))));
      }
      store.insertHold(hold("never", null));
      store.insertHold(hold("later", T0.plus(Duration.ofHours(1))));
      Hold resolved = hold("done", T0);
      store.insertHold(resolved);
      store.updateHold(resolved.resolve(HoldState.VOIDED, null, EntryId.of("v")), 0);
      List<Hold> due = Pages.all(p -> store.pendingHoldsExpiringBy(T0.plus(Duration.ofMinutes(3)), p), 5);
      assertThat(due).hasSize(12).isSortedAccordingTo((a, b) -> {
        int c = a.expiresAt().compareTo(b.expiresAt());
        return c != 0 ? c : a.id().value().compareTo(b.id().value());
      });
      assertThat(due).extracting(Hold::state).containsOnly(HoldState.PENDING);
      assertThat(Pages.all(p -> store.pendingHoldsExpiringBy(T0.minusSeconds(1), p), 5)).isEmpty();
      expected.add("later");
      assertThat(Pages.all(p -> store.pendingHoldsExpiringBy(T0.plus(Duration.ofDays(1)), p), 100))
          .extracting(h -> h.id().value()).containsAll(expected).doesNotContain("never", "done");
    }
  }

  @Nested
  @DisplayName("statement lines")
  class Lines {
    @Test
    @DisplayName("page in sequence order within a period, and the last line before an instant is the balance then")
    void period() {
      for (int i = 1; i <= 10; i++) {
        store.insertLine(line(DOCTOR, i * 2L, T0.plus(Duration.ofHours(i)), 100, 100L * i));
      }
      store.insertLine(line(WECHAT, 1, T0.plus(Duration.ofHours(3)), 5, 5));
      List<AccountLine> lines = Pages.all(p -> store.lines(DOCTOR, T0.plus(Duration.ofHours(3)),
          T0.plus(Duration.ofHours(8)), p), 2);
      assertThat(lines).extracting(AccountLine::sequence).containsExactly(6L, 8L, 10L, 12L, 14L);
      assertThat(store.lastLineBefore(DOCTOR, T0.plus(Duration.ofHours(3)))).get()
          .extracting(AccountLine::sequence).isEqualTo(4L);
      assertThat(store.lastLineBefore(DOCTOR, T0)).isEmpty();
      assertThat(store.lastLineBefore(DOCTOR, T0.plus(Duration.ofDays(1)))).get()
          .extracting(AccountLine::balanceAfter).isEqualTo(Money.ofMinor(1000));
    }

    @Test
    @DisplayName("a line is keyed by account and sequence: the same line again is a no-op, another is a conflict")
    void keyed() {
      AccountLine l = line(DOCTOR, 1, T0, 100, 100);
      store.insertLine(l);
      store.insertLine(l);
      assertThatThrownBy(() -> store.insertLine(line(DOCTOR, 1, T0, 101, 101)))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThat(Pages.all(p -> store.lines(DOCTOR, T0, T0.plusSeconds(1), p), 10)).containsExactly(l);
    }
  }

  @Test
  @DisplayName("every write made in a transaction that fails is rolled back")
  void rollback() {
    TransactionRunner tx = transactionRunner();
    store.createAccount(LedgerAccount.of(DOCTOR));
    Hold h = hold("h1", T0.plusSeconds(60));
    store.insertHold(h);
    AccountBalance before = store.findBalance(DOCTOR).orElseThrow();
    assertThatThrownBy(() -> tx.execute(() -> {
      store.createAccount(LedgerAccount.of(WECHAT));
      store.updateBalance(before.plus(0, 0, 0, 700), before.version());
      store.insertEntry(entry("e1", 700));
      store.insertHold(hold("h2", T0.plusSeconds(60)));
      store.updateHold(h.resolve(HoldState.POSTED, Money.ofMinor(100), EntryId.of("p")), 0);
      store.insertLine(line(DOCTOR, 1, T0, 700, 700));
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.findAccount(WECHAT)).isEmpty();
    assertThat(store.findBalance(DOCTOR)).contains(before);
    assertThat(store.findEntry(EntryId.of("e1"))).isEmpty();
    assertThat(store.findHold(HoldId.of("h2"))).isEmpty();
    assertThat(store.findHold(HoldId.of("h1"))).contains(h);
    assertThat(store.lastLineBefore(DOCTOR, T0.plusSeconds(1))).isEmpty();
    assertThat(Pages.all(p -> store.pendingHoldsExpiringBy(T0.plusSeconds(60), p), 10)).containsExactly(h);
  }
}
