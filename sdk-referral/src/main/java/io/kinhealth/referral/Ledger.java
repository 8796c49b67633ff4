package io.kinhealth.referral;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
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
import io.kinhealth.referral.ledger.LedgerCheck;
import io.kinhealth.referral.ledger.NormalSide;
import io.kinhealth.referral.ledger.Statement;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.ledger.TransferKind;
import io.kinhealth.referral.memory.InMemoryLedgerStore;
import io.kinhealth.referral.spi.LedgerStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A double-entry ledger in the TigerBeetle / Formance model, over a {@link LedgerStore}.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>every entry balances: each {@link Transfer} debits one account and credits another by the same amount, so in
 *       each currency the posted and the pending nets of all accounts always sum to zero ({@link #check()});
 *   <li>an entry is all or nothing: its transfers, balance changes, holds and statement lines are written in one
 *       {@link TransactionRunner} transaction (joining the caller's, if any);
 *   <li>no balance goes beyond its account's bound ({@link LedgerAccount#overdraftLimit()}); pending holds count
 *       against it, and bounds are checked on the balances after the whole entry;
 *   <li>entry ids are chosen by the caller: posting an id again with an equal request returns the first entry
 *       unchanged; with another request it throws {@link IdempotencyConflictException};
 *   <li>entries are immutable; holds move once from {@code PENDING} to {@code POSTED}, {@code VOIDED} or
 *       {@code EXPIRED}; a hold past its expiry cannot be posted and is released by {@link #expireHolds(int)}.
 * </ul>
 *
 * <p>Thread-safe and stateless between calls; build once with {@link #builder()}. With a durable store, two writers
 * racing on one account make one of them fail with {@link ConflictException} (reason
 * {@code ledger.version_conflict}): retry the whole operation with the same entry id.
 */
public final class Ledger {
  private final LedgerStore store;
  private final TransactionRunner transactions;
  private final Clock clock;

  private Ledger(LedgerStore store, TransactionRunner transactions, Clock clock) {
    this.store = store;
    this.transactions = transactions;
    this.clock = clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Opens an account with a zero balance; opening it again with the same terms returns it. */
  public LedgerAccount open(LedgerAccount account) {
    Check.notNull(account, "account");
    return transactions.inTransaction(() -> store.createAccount(account));
  }

  public Optional<LedgerAccount> account(AccountId id) {
    return store.findAccount(Check.notNull(id, "id"));
  }

  /** The account's balance. */
  public AccountBalance balance(AccountId id) {
    return store.findBalance(Check.notNull(id, "id")).orElseThrow(() -> accountNotFound("id"));
  }

  public Optional<JournalEntry> entry(EntryId id) {
    return store.findEntry(Check.notNull(id, "id"));
  }

  public Optional<Hold> hold(HoldId id) {
    return store.findHold(Check.notNull(id, "id"));
  }

  /** Records an entry; see the class description for idempotency, bounds and atomicity. */
  public JournalEntry post(EntryRequest request) {
    Check.notNull(request, "request");
    return transactions.inTransaction(() -> apply(request, false));
  }

  /**
   * Releases up to {@code limit} pending holds whose expiry has passed, each in its own entry (id
   * {@code expire:<hold>}, a {@code EXPIRE_HOLD} transfer). Returns how many expired. Safe to run from several nodes.
   */
  public int expireHolds(int limit) {
    Check.inRange(limit, 1, PageRequest.MAX_LIMIT, "limit");
    Instant now = clock.instant();
    Page<Hold> due = store.pendingHoldsExpiringBy(now, PageRequest.first(limit));
    int expired = 0;
    for (Hold h : due.items()) {
      boolean done = transactions.inTransaction(() -> {
        Optional<Hold> current = store.findHold(h.id());
        if (current.isEmpty() || current.get().state() != HoldState.PENDING) {
          return false; // resolved meanwhile
        }
        EntryRequest request = EntryRequest.builder(EntryId.derive("expire", h.id().value()))
            .add(Transfer.voidHold(h.id())).metadata("reason", "expired").build();
        apply(request, true);
        return true;
      });
      if (done) {
        expired++;
      }
    }
    return expired;
  }

  /** A statement of the account's posted movements in {@code [from, to)}, one page at a time. */
  public Statement statement(AccountId account, Instant from, Instant to, PageRequest page) {
    Check.notNull(account, "account");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.notNull(page, "page");
    Check.that(!to.isBefore(from), "to", "ledger.statement.period", "the period ends before it starts");
    LedgerAccount acc = store.findAccount(account).orElseThrow(() -> accountNotFound("account"));
    Money zero = Money.zero(acc.currency());
    Money opening = store.lastLineBefore(account, from).map(AccountLine::balanceAfter).orElse(zero);
    Money closing = store.lastLineBefore(account, to).map(AccountLine::balanceAfter).orElse(zero);
    return new Statement(account, from, to, opening, closing, store.lines(account, from, to, page));
  }

  /** Reads every balance and checks that the ledger sums to zero and that every balance is within its bound. */
  public LedgerCheck check() {
    Map<Currency, Long> posted = new HashMap<>();
    Map<Currency, Long> pending = new HashMap<>();
    List<AccountId> outOfBounds = new ArrayList<>();
    long count = 0;
    PageRequest request = PageRequest.first(1_000);
    while (true) {
      Page<AccountBalance> page = store.balances(request);
      for (AccountBalance b : page.items()) {
        count++;
        posted.merge(b.currency(), b.netMinor(), Math::addExact);
        pending.merge(b.currency(), b.creditsPending() - b.debitsPending(), Math::addExact);
        long limit = store.findAccount(b.account()).map(LedgerAccount::overdraftLimit).orElse(0L);
        if (!b.withinBound(limit)) {
          outOfBounds.add(b.account());
        }
      }
      if (!page.hasNext()) {
        break;
      }
      request = request.next(page);
    }
    return new LedgerCheck(count, posted, pending, outOfBounds);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Per-account changes an entry makes, applied together after every transfer has been checked. */
  private static final class Delta {
    final LedgerAccount account;
    long debitsPending;
    long debitsPosted;
    long creditsPending;
    long creditsPosted;

    Delta(LedgerAccount account) {
      this.account = account;
    }
  }

  /** The accounts an entry touches; entries touch few, so a list searched linearly beats a map. */
  private static final class Deltas {
    private final List<Delta> list = new ArrayList<>(4);

    Delta get(AccountId id) {
      for (int i = 0; i < list.size(); i++) {
        Delta d = list.get(i);
        AccountId own = d.account.id();
        if (own == id || own.equals(id)) {
          return d;
        }
      }
      return null;
    }

    Delta add(Delta d) {
      list.add(d);
      return d;
    }

    List<Delta> inAccountOrder() {
      list.sort((a, b) -> a.account.id().compareTo(b.account.id()));
      return list;
    }
  }

  private JournalEntry apply(EntryRequest request, boolean expiry) {
    Optional<JournalEntry> existing = store.findEntry(request.id());
    if (existing.isPresent()) {
      if (!existing.get().request().equals(request)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "id",
            "entry " + request.id() + " was first posted with a different request");
      }
      return existing.get();
    }
    Instant now = clock.instant();
    Deltas deltas = new Deltas();
    List<Transfer> resolved = new ArrayList<>(request.transfers().size());
    boolean changed = false; // whether any transfer resolves differently from how it was requested
    List<Hold> newHolds = new ArrayList<>();
    List<Hold> resolvedHolds = new ArrayList<>();
    List<Transfer> transfers = request.transfers();
    for (int i = 0; i < transfers.size(); i++) {
      Transfer t = transfers.get(i);
      String field = "transfers[" + i + "]";
      switch (t.kind()) {
        case POST -> {
          long a = amountIn(deltas, t.debit(), t.credit(), t.amount(), field);
          deltas.get(t.debit()).debitsPosted += a;
          deltas.get(t.credit()).creditsPosted += a;
          resolved.add(t);
        }
        case HOLD -> {
          long a = amountIn(deltas, t.debit(), t.credit(), t.amount(), field);
          if (store.findHold(t.hold()).isPresent()) {
            throw new ConflictException("ledger.hold.exists", field + ".hold", "hold " + t.hold() + " already exists");
          }
          if (t.expiresAt() != null && !t.expiresAt().isAfter(now)) {
            throw new ValidationException(field + ".expiresAt", "ledger.hold.expiry_past",
                "a hold must expire in the future");
          }
          deltas.get(t.debit()).debitsPending += a;
          deltas.get(t.credit()).creditsPending += a;
          newHolds.add(new Hold(t.hold(), request.id(), t.debit(), t.credit(), t.amount(), now, t.expiresAt(),
              HoldState.PENDING, null, null, 0));
          resolved.add(t);
        }
        case POST_HOLD, VOID_HOLD -> {
          Hold h = store.findHold(t.hold()).orElseThrow(() -> new NotFoundException("ledger.hold.not_found",
              field + ".hold", "no hold " + t.hold()));
          if (h.state() != HoldState.PENDING) {
            throw new InvalidStateException("ledger.hold.not_pending", field + ".hold",
                "hold " + h.id() + " is already " + h.state());
          }
          long held = h.amount().minor();
          amountIn(deltas, h.debit(), h.credit(), h.amount(), field);
          Delta debit = deltas.get(h.debit());
          Delta credit = deltas.get(h.credit());
          changed = true;
          debit.debitsPending -= held;
          credit.creditsPending -= held;
          if (t.kind() == TransferKind.POST_HOLD) {
            if (h.isExpiredAt(now)) {
              throw new InvalidStateException("ledger.hold.expired", field + ".hold",
                  "hold " + h.id() + " expired and can no longer be posted");
            }
            Money amount = t.amount() == null ? h.amount() : t.amount();
            if (!amount.currency().equals(h.amount().currency())) {
              throw new ValidationException(field + ".amount", "money.currency_mismatch",
                  "the amount is in another currency than the hold");
            }
            if (amount.minor() > held) {
              throw new ValidationException(field + ".amount", "ledger.hold.amount_exceeded",
                  "cannot post more than the hold's amount");
            }
            debit.debitsPosted += amount.minor();
            credit.creditsPosted += amount.minor();
            resolvedHolds.add(h.resolve(HoldState.POSTED, amount, request.id()));
            resolved.add(new Transfer(TransferKind.POST_HOLD, h.debit(), h.credit(), amount, h.id(), null));
          } else {
            TransferKind kind = expiry ? TransferKind.EXPIRE_HOLD : TransferKind.VOID_HOLD;
            resolvedHolds.add(h.resolve(expiry ? HoldState.EXPIRED : HoldState.VOIDED, null, request.id()));
            resolved.add(new Transfer(kind, h.debit(), h.credit(), h.amount(), h.id(), null));
          }
        }
        default -> throw new ValidationException(field + ".kind", "ledger.transfer.kind", "unsupported kind");
      }
    }

    // Balances in account order (the lock order on a durable store), bounds checked on the final figures.
    for (Delta d : deltas.inAccountOrder()) {
      AccountId id = d.account.id();
      AccountBalance before = store.findBalance(id).orElseThrow(() -> accountNotFound("transfers"));
      AccountBalance after;
      try {
        after = before.plus(d.debitsPending, d.debitsPosted, d.creditsPending, d.creditsPosted);
      } catch (ArithmeticException e) {
        throw new ValidationException("transfers", "money.overflow", "account " + id + " would overflow");
      }
      if (exposure(after) > exposure(before) && !after.withinBound(d.account.overdraftLimit())) {
        throw new LimitExceededException("ledger.balance.insufficient", "transfers",
            "account " + id + " would go beyond its bound");
      }
      store.updateBalance(after, before.version());
      if (d.debitsPosted != 0 || d.creditsPosted != 0) {
        store.insertLine(new AccountLine(id, after.version(), request.id(), now, d.account.currency(),
            d.debitsPosted, d.creditsPosted, after.postedMinor()));
      }
    }
    for (Hold h : newHolds) {
      store.insertHold(h);
    }
    for (Hold h : resolvedHolds) {
      store.updateHold(h, h.version() - 1);
    }
    return store.insertEntry(new JournalEntry(request.id(), now, request, changed ? resolved : transfers));
  }

  /** Opens the two accounts' deltas, checks their currency, and returns the amount in minor units. */
  private long amountIn(Deltas deltas, AccountId debit, AccountId credit, Money amount, String field) {
    Delta d = delta(deltas, debit, field + ".debit");
    Delta c = delta(deltas, credit, field + ".credit");
    if (!d.account.currency().equals(amount.currency()) || !c.account.currency().equals(amount.currency())) {
      throw new ValidationException(field + ".amount", "money.currency_mismatch",
          "the amount's currency differs from an account's");
    }
    return amount.minor();
  }

  private Delta delta(Deltas deltas, AccountId id, String field) {
    Delta d = deltas.get(id);
    if (d == null) {
      LedgerAccount account = store.findAccount(id).orElseThrow(() -> new NotFoundException(
          "ledger.account.not_found", field, "no account " + id));
      d = deltas.add(new Delta(account));
    }
    return d;
  }

  /** How far what has gone (or is held to go) out exceeds what has settled in. */
  private static long exposure(AccountBalance b) {
    return b.normalSide() == NormalSide.CREDIT
        ? b.debitsPosted() + b.debitsPending() - b.creditsPosted()
        : b.creditsPosted() + b.creditsPending() - b.debitsPosted();
  }

  private static NotFoundException accountNotFound(String field) {
    return new NotFoundException("ledger.account.not_found", field, "no such account");
  }

  /** Builds a {@link Ledger}; every part has an in-memory default. */
  public static final class Builder {
    private LedgerStore store;
    private TransactionRunner transactions;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder store(LedgerStore store) {
      this.store = Check.notNull(store, "store");
      return this;
    }

    public Builder transactions(TransactionRunner transactions) {
      this.transactions = Check.notNull(transactions, "transactions");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Check.notNull(clock, "clock");
      return this;
    }

    public Ledger build() {
      return new Ledger(store != null ? store : new InMemoryLedgerStore(),
          transactions != null ? transactions : new InMemoryTransactionRunner(), clock);
    }
  }
}
