package io.kinhealth.referral.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.referral.Ledger;
import io.kinhealth.referral.TestClock;
import io.kinhealth.referral.memory.InMemoryLedgerStore;
import io.kinhealth.referral.party.PartyId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The ledger")
class LedgerTest {
  final TestClock clock = TestClock.at("2026-11-25T02:00:00Z");
  final InMemoryLedgerStore store = new InMemoryLedgerStore();
  final Ledger ledger = Ledger.builder().store(store).clock(clock).build();
  static final AccountId WECHAT = AccountId.provider("wechat");
  static final AccountId CLEARING = AccountId.clearing("orders");
  static final AccountId DOCTOR = AccountId.earnings(PartyId.of("dr-li"));
  static final AccountId PLATFORM = AccountId.platform("platform");

  static Money yuan(long y) {
    return Money.ofYuan(y);
  }

  EntryRequest entry(String id, Transfer... transfers) {
    EntryRequest.Builder b = EntryRequest.builder(EntryId.of(id));
    for (Transfer t : transfers) {
      b.add(t);
    }
    return b.build();
  }

  @BeforeEach
  void open() {
    ledger.open(LedgerAccount.of(WECHAT));
    ledger.open(LedgerAccount.of(CLEARING));
    ledger.open(LedgerAccount.of(DOCTOR));
    ledger.open(LedgerAccount.of(PLATFORM).unbounded());
    ledger.post(entry("in", Transfer.post(WECHAT, CLEARING, yuan(100))));
  }

  @Test
  @DisplayName("posts balanced entries and always sums to zero")
  void balanced() {
    ledger.post(entry("split", Transfer.post(CLEARING, DOCTOR, yuan(30)), Transfer.post(CLEARING, PLATFORM, yuan(70))));
    assertThat(ledger.balance(DOCTOR).posted()).isEqualTo(yuan(30));
    assertThat(ledger.balance(CLEARING).posted()).isEqualTo(yuan(0));
    assertThat(ledger.balance(WECHAT).posted()).isEqualTo(yuan(100));
    assertThat(ledger.balance(WECHAT).net()).isEqualTo(yuan(-100));
    LedgerCheck check = ledger.check();
    assertThat(check.isSound()).isTrue();
    assertThat(check.accounts()).isEqualTo(4);
    assertThat(check.postedSums()).containsEntry(Money.CNY, 0L);
  }

  @Nested
  @DisplayName("keeps every balance within its bound")
  class Bounds {
    @Test
    @DisplayName("refusing an entry that would overdraw an account, with no partial effect")
    void noOverdraft() {
      assertThatThrownBy(() -> ledger.post(entry("too-much", Transfer.post(CLEARING, PLATFORM, yuan(60)),
          Transfer.post(CLEARING, DOCTOR, yuan(41)))))
          .isInstanceOfSatisfying(LimitExceededException.class,
              e -> assertThat(e.reason()).isEqualTo("ledger.balance.insufficient"));
      assertThat(ledger.balance(PLATFORM).posted()).isEqualTo(yuan(0));
      assertThat(ledger.entry(EntryId.of("too-much"))).isEmpty();
      assertThat(ledger.balance(CLEARING).version()).isEqualTo(1);
    }

    @Test
    @DisplayName("allowing a bounded overdraft up to its limit, and an unbounded account any balance")
    void overdraft() {
      AccountId agent = AccountId.earnings(PartyId.of("agent"));
      ledger.open(LedgerAccount.of(agent).withOverdraft(yuan(5)));
      ledger.post(entry("od1", Transfer.post(agent, PLATFORM, yuan(5))));
      assertThat(ledger.balance(agent).posted()).isEqualTo(yuan(-5));
      assertThatThrownBy(() -> ledger.post(entry("od2", Transfer.post(agent, PLATFORM, Money.ofMinor(1)))))
          .isInstanceOf(LimitExceededException.class);
      ledger.post(entry("od3", Transfer.post(PLATFORM, CLEARING, yuan(1_000))));
      assertThat(ledger.balance(PLATFORM).posted()).isEqualTo(yuan(-995));
      assertThat(ledger.check().isSound()).isTrue();
    }

    @Test
    @DisplayName("letting money into an account already beyond its bound")
    void creditsAlwaysAllowed() {
      ledger.post(entry("credit", Transfer.post(CLEARING, DOCTOR, yuan(1))));
      assertThat(ledger.balance(DOCTOR).posted()).isEqualTo(yuan(1));
    }
  }

  @Nested
  @DisplayName("holds money")
  class Holds {
    final HoldId hold = HoldId.of("payout-1");

    @Test
    @DisplayName("as pending on both sides until posted, and held money cannot be spent twice")
    void pending() {
      ledger.post(entry("h", Transfer.hold(hold, CLEARING, DOCTOR, yuan(80))));
      AccountBalance clearing = ledger.balance(CLEARING);
      assertThat(clearing.posted()).isEqualTo(yuan(100));
      assertThat(clearing.reserved()).isEqualTo(yuan(80));
      assertThat(clearing.available()).isEqualTo(yuan(20));
      assertThat(ledger.balance(DOCTOR).pending()).isEqualTo(yuan(80));
      assertThat(ledger.balance(DOCTOR).available()).isEqualTo(yuan(0));
      assertThatThrownBy(() -> ledger.post(entry("x", Transfer.post(CLEARING, PLATFORM, yuan(21)))))
          .isInstanceOf(LimitExceededException.class);
      assertThat(ledger.check().pendingSums()).containsEntry(Money.CNY, 0L);
    }

    @Test
    @DisplayName("posting part of a hold and releasing the rest")
    void partialPost() {
      ledger.post(entry("h", Transfer.hold(hold, CLEARING, DOCTOR, yuan(80))));
      JournalEntry posted = ledger.post(entry("p", Transfer.postHold(hold, yuan(50))));
      assertThat(posted.transfers()).singleElement().satisfies(t -> {
        assertThat(t.debit()).isEqualTo(CLEARING);
        assertThat(t.credit()).isEqualTo(DOCTOR);
        assertThat(t.amount()).isEqualTo(yuan(50));
      });
      assertThat(ledger.balance(DOCTOR).posted()).isEqualTo(yuan(50));
      assertThat(ledger.balance(DOCTOR).pending()).isEqualTo(yuan(0));
      assertThat(ledger.balance(CLEARING).available()).isEqualTo(yuan(50));
      assertThat(ledger.hold(hold)).get().extracting(Hold::state).isEqualTo(HoldState.POSTED);
      assertThatThrownBy(() -> ledger.post(entry("p2", Transfer.voidHold(hold))))
          .isInstanceOfSatisfying(InvalidStateException.class,
              e -> assertThat(e.reason()).isEqualTo("ledger.hold.not_pending"));
      assertThatThrownBy(() -> ledger.post(entry("p3", Transfer.hold(hold, CLEARING, DOCTOR, yuan(1)))))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("ledger.hold.exists"));
    }

    @Test
    @DisplayName("voiding a hold, which moves nothing")
    void voided() {
      ledger.post(entry("h", Transfer.hold(hold, CLEARING, DOCTOR, yuan(80))));
      ledger.post(entry("v", Transfer.voidHold(hold)));
      assertThat(ledger.balance(DOCTOR)).extracting(AccountBalance::postedMinor, AccountBalance::pendingMinor)
          .containsExactly(0L, 0L);
      assertThat(ledger.balance(CLEARING).available()).isEqualTo(yuan(100));
      assertThatThrownBy(() -> ledger.post(entry("big", Transfer.postHold(hold))))
          .isInstanceOf(InvalidStateException.class);
    }

    @Test
    @DisplayName("until it expires: it can no longer be posted, and the sweep releases it once")
    void expiry() {
      ledger.post(entry("h", Transfer.hold(hold, CLEARING, DOCTOR, yuan(80), clock.instant().plusSeconds(600))));
      ledger.post(entry("h2", Transfer.hold(HoldId.of("later"), CLEARING, DOCTOR, yuan(10),
          clock.instant().plusSeconds(6000))));
      clock.advance(Duration.ofMinutes(10));
      assertThatThrownBy(() -> ledger.post(entry("late", Transfer.postHold(hold))))
          .isInstanceOfSatisfying(InvalidStateException.class,
              e -> assertThat(e.reason()).isEqualTo("ledger.hold.expired"));
      assertThat(ledger.expireHolds(100)).isEqualTo(1);
      assertThat(ledger.expireHolds(100)).isZero();
      assertThat(ledger.hold(hold)).get().extracting(Hold::state).isEqualTo(HoldState.EXPIRED);
      assertThat(ledger.entry(EntryId.of("expire:payout-1"))).get()
          .satisfies(e -> assertThat(e.transfers().get(0).kind()).isEqualTo(TransferKind.EXPIRE_HOLD));
      assertThat(ledger.balance(DOCTOR).pending()).isEqualTo(yuan(10));
      assertThat(ledger.check().isSound()).isTrue();
    }

    @Test
    @DisplayName("refusing an expiry in the past and unknown holds")
    void refusals() {
      assertThatThrownBy(() -> ledger.post(entry("h", Transfer.hold(hold, CLEARING, DOCTOR, yuan(1),
          clock.instant())))).isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("ledger.hold.expiry_past"));
      assertThatThrownBy(() -> ledger.post(entry("p", Transfer.postHold(hold))))
          .isInstanceOfSatisfying(NotFoundException.class,
              e -> assertThat(e.reason()).isEqualTo("ledger.hold.not_found"));
      assertThatThrownBy(() -> entry("twice", Transfer.postHold(hold), Transfer.voidHold(hold)))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("ledger.hold.repeated"));
    }
  }

  @Nested
  @DisplayName("makes retries safe with caller-chosen entry ids")
  class Idempotency {
    @Test
    @DisplayName("returning the first entry for the same request, with no second effect")
    void replay() {
      EntryRequest r = entry("e1", Transfer.post(CLEARING, DOCTOR, yuan(10)));
      JournalEntry first = ledger.post(r);
      clock.advance(Duration.ofHours(1));
      assertThat(ledger.post(r)).isEqualTo(first);
      assertThat(ledger.balance(DOCTOR).posted()).isEqualTo(yuan(10));
    }

    @Test
    @DisplayName("refusing the same id with another body")
    void conflict() {
      ledger.post(entry("e1", Transfer.post(CLEARING, DOCTOR, yuan(10))));
      assertThatThrownBy(() -> ledger.post(entry("e1", Transfer.post(CLEARING, DOCTOR, yuan(11)))))
          .isInstanceOfSatisfying(IdempotencyConflictException.class,
              e -> assertThat(e.code().name()).isEqualTo("IDEMPOTENCY_CONFLICT"));
      assertThat(ledger.balance(DOCTOR).posted()).isEqualTo(yuan(10));
    }

    @Test
    @DisplayName("deriving the same id from the same cause, short or long")
    void derived() {
      assertThat(EntryId.derive("paid", "order-1")).isEqualTo(EntryId.of("paid:order-1"));
      String longId = "o".repeat(64);
      EntryId d = EntryId.derive("refund", longId, "x");
      assertThat(d.value()).hasSizeLessThanOrEqualTo(64).startsWith("refund:h");
      assertThat(EntryId.derive("refund", longId, "x")).isEqualTo(d);
      assertThat(EntryId.derive("refund", longId, "y")).isNotEqualTo(d);
    }
  }

  @Test
  @DisplayName("refuses unknown accounts, mixed currencies and a transfer to the same account")
  void refusals() {
    assertThatThrownBy(() -> ledger.post(entry("x", Transfer.post(CLEARING, AccountId.earnings(PartyId.of("nobody")),
        yuan(1))))).isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.reason()).isEqualTo("ledger.account.not_found"));
    assertThatThrownBy(() -> ledger.post(entry("y", Transfer.post(CLEARING, DOCTOR,
        Money.ofMinor(1, Currency.getInstance("USD")))))).isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo("money.currency_mismatch"));
    assertThatThrownBy(() -> Transfer.post(CLEARING, CLEARING, yuan(1)))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo("ledger.transfer.same_account"));
    assertThatThrownBy(() -> Transfer.post(CLEARING, DOCTOR, yuan(0))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ledger.open(LedgerAccount.of(DOCTOR).withOverdraft(yuan(1))))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThat(ledger.open(LedgerAccount.of(DOCTOR))).isEqualTo(LedgerAccount.of(DOCTOR));
  }

  @Test
  @DisplayName("gives statements for a period: opening balance, lines, closing balance, in pages")
  void statements() {
    Instant start = clock.instant();
    for (int i = 1; i <= 5; i++) {
      clock.advance(Duration.ofDays(1));
      ledger.post(entry("d" + i, Transfer.post(CLEARING, DOCTOR, yuan(i))));
    }
    clock.advance(Duration.ofDays(1));
    ledger.post(entry("back", Transfer.post(DOCTOR, PLATFORM, yuan(2))));
    Instant from = start.plus(Duration.ofDays(2));
    Instant to = start.plus(Duration.ofDays(6)).plusSeconds(1);
    Statement first = ledger.statement(DOCTOR, from, to, PageRequest.first(2));
    assertThat(first.opening()).isEqualTo(yuan(1));
    assertThat(first.closing()).isEqualTo(yuan(13));
    List<AccountLine> lines = new ArrayList<>(first.lines().items());
    Statement second = ledger.statement(DOCTOR, from, to, PageRequest.first(2).next(first.lines()));
    lines.addAll(second.lines().items());
    assertThat(second.lines().hasNext()).isTrue();
    lines.addAll(ledger.statement(DOCTOR, from, to, PageRequest.first(2).next(second.lines())).lines().items());
    assertThat(lines).extracting(l -> l.entry().value()).containsExactly("d2", "d3", "d4", "d5", "back");
    long movement = lines.stream().mapToLong(l -> l.credit().minor() - l.debit().minor()).sum();
    assertThat(first.opening().minor() + movement).isEqualTo(first.closing().minor());
    assertThat(lines.get(lines.size() - 1).balanceAfter()).isEqualTo(yuan(13));
  }

  @Test
  @DisplayName("sums to zero and stays within bounds after any sequence of random entries")
  void randomEntries() {
    List<AccountId> accounts = new ArrayList<>(List.of(WECHAT, CLEARING, DOCTOR, PLATFORM));
    for (int i = 0; i < 5; i++) {
      AccountId a = AccountId.earnings(PartyId.of("p" + i));
      ledger.open(LedgerAccount.of(a).withOverdraft(Money.ofMinor(i * 100L)));
      accounts.add(a);
    }
    List<HoldId> pending = new ArrayList<>();
    for (long seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      EntryRequest.Builder b = EntryRequest.builder(EntryId.of("r" + seed));
      List<HoldId> placed = new ArrayList<>();
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        AccountId debit = accounts.get(random.nextInt(accounts.size()));
        AccountId credit = accounts.get(random.nextInt(accounts.size()));
        if (debit.equals(credit)) {
          continue;
        }
        Money amount = Money.ofMinor(1 + random.nextInt(5_000));
        if (random.nextInt(4) == 0) {
          HoldId h = HoldId.of("h" + seed + "-" + i);
          b.add(Transfer.hold(h, debit, credit, amount));
          placed.add(h);
        } else {
          b.add(Transfer.post(debit, credit, amount));
        }
      }
      HoldId resolved = null;
      if (!pending.isEmpty() && random.nextBoolean()) {
        resolved = pending.get(random.nextInt(pending.size()));
        b.add(random.nextBoolean() ? Transfer.voidHold(resolved) : Transfer.postHold(resolved));
      }
      if (b.isEmpty()) {
        continue;
      }
      EntryRequest request = b.build();
      try {
        ledger.post(request);
        pending.addAll(placed);
        pending.remove(resolved);
      } catch (LimitExceededException refused) {
        assertThat(ledger.entry(request.id())).as("seed %d", seed).isEmpty();
      }
      LedgerCheck check = ledger.check();
      assertThat(check.isSound()).as("seed %d: %s", seed, check).isTrue();
    }
  }
}
