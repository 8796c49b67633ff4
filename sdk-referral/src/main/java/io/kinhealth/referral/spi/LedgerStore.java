package io.kinhealth.referral.spi;

import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.AccountLine;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.JournalEntry;
import io.kinhealth.referral.ledger.LedgerAccount;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the ledger keeps accounts, balances, holds, journal entries and statement lines. The host implements it
 * over its database (a PostgreSQL implementation maps each method to one indexed read or one single-row write);
 * the embedded default is {@code io.kinhealth.referral.memory.InMemoryLedgerStore}.
 *
 * <p>The {@code io.kinhealth.referral.Ledger} service does the bookkeeping (balancing, bounds, hold states) and
 * calls these methods inside one {@code TransactionRunner} transaction per entry, so a store only has to persist
 * faithfully. Contract (checked by {@code LedgerStoreContractKit} in kinhealth-testkit):
 *
 * <ul>
 *   <li>inserts are idempotent by their natural key: the same key with an equal value is a no-op returning what is
 *       stored; with a different value it throws {@code IdempotencyConflictException};
 *   <li>updates are optimistic: they apply only when the stored version equals {@code expectedVersion} and the new
 *       value's version is one more, else they throw {@code ConflictException} (reason
 *       {@code ledger.version_conflict}) and change nothing;
 *   <li>range reads page in a documented order with an opaque cursor, and never need a whole history in memory;
 *   <li>a store that cannot complete a call throws (any exception) and leaves that call without effect: the
 *       transaction around it rolls everything back.
 * </ul>
 *
 * <p>Methods added in later versions will be {@code default} methods.
 */
public interface LedgerStore {

  /** Creates an account and its zero balance (version 0); see the class contract for repeats. */
  LedgerAccount createAccount(LedgerAccount account);

  Optional<LedgerAccount> findAccount(AccountId id);

  Optional<AccountBalance> findBalance(AccountId id);

  /** Replaces an account's balance if its stored version is {@code expectedVersion}. */
  void updateBalance(AccountBalance next, long expectedVersion);

  Optional<JournalEntry> findEntry(EntryId id);

  /** Appends an entry to the journal; keyed by entry id, compared by its request. Returns the stored entry. */
  JournalEntry insertEntry(JournalEntry entry);

  Optional<Hold> findHold(HoldId id);

  /** Inserts a new hold (version 0), keyed by its id. */
  void insertHold(Hold hold);

  /** Replaces a hold if its stored version is {@code expectedVersion}. */
  void updateHold(Hold next, long expectedVersion);

  /** Pending holds with an expiry at or before {@code at}, ordered by expiry then id. */
  Page<Hold> pendingHoldsExpiringBy(Instant at, PageRequest page);

  /** Appends a statement line, keyed by account and sequence. */
  void insertLine(AccountLine line);

  /** An account's lines posted in {@code [from, to)}, ordered by sequence. */
  Page<AccountLine> lines(AccountId account, Instant from, Instant to, PageRequest page);

  /** The account's last line posted before {@code at} (its settled balance at that instant), if any. */
  Optional<AccountLine> lastLineBefore(AccountId account, Instant at);

  /** Every balance, ordered by account id: for invariant checks and reconciliation. */
  Page<AccountBalance> balances(PageRequest page);
}
