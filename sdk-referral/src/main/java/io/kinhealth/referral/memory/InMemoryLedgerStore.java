package io.kinhealth.referral.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.AccountLine;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.HoldState;
import io.kinhealth.referral.ledger.JournalEntry;
import io.kinhealth.referral.ledger.LedgerAccount;
import io.kinhealth.referral.memory.Codes.AccountSlot;
import io.kinhealth.referral.spi.LedgerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The embedded default {@link LedgerStore}: everything in memory, not durable.
 *
 * <p>Every write records its undo with {@link InMemoryTransactionRunner#recordUndo}, so a rolled-back transaction
 * leaves no trace; entries, holds, lines and accounts follow the shared {@link IdempotencyTable} rule (the same key
 * with an equal value returns what is stored, with another value is an {@code IdempotencyConflictException}),
 * applied here under the store's one monitor. Thread-safe. Statement reads assume the ledger's clock does not run
 * backwards, so an account's lines are in time order.
 *
 * <p>A ledger keeps everything it ever recorded, so the store keeps the journal, holds and statement lines in
 * primitive arrays (ids, accounts and currencies as codes) rather than as objects, and decodes them into equal
 * records when read: retained objects, not the bookkeeping, are what an in-memory ledger spends its time on (every
 * young collection copies them). A write keeps no reference to the caller's objects except account ids.
 */
public final class InMemoryLedgerStore implements LedgerStore {
  private static final Comparator<Hold> BY_EXPIRY =
      Comparator.comparing(Hold::expiresAt).thenComparing(h -> h.id().value());

  private final Codes codes = new Codes();
  private final NavigableSet<AccountId> accountOrder = new TreeSet<>(); // opened accounts, for paging balances
  private final JournalLog journal = new JournalLog(codes);
  private final HoldTable holds = new HoldTable(codes);
  private final TreeSet<Hold> expiring = new TreeSet<>(BY_EXPIRY);

  @Override
  public synchronized LedgerAccount createAccount(LedgerAccount account) {
    Check.notNull(account, "account");
    AccountSlot slot = codes.slot(account.id());
    LedgerAccount existing = slot.account;
    if (existing != null) {
      if (!existing.equals(account)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "account",
            "account " + account.id() + " exists with other terms");
      }
      return existing;
    }
    slot.account = account;
    slot.balance = AccountBalance.empty(account);
    accountOrder.add(account.id());
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        slot.account = null;
        slot.balance = null;
        accountOrder.remove(account.id());
      }
    });
    return account;
  }

  @Override
  public synchronized Optional<LedgerAccount> findAccount(AccountId id) {
    AccountSlot slot = codes.find(id);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.account);
  }

  @Override
  public synchronized Optional<AccountBalance> findBalance(AccountId id) {
    AccountSlot slot = codes.find(id);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.balance);
  }

  @Override
  public synchronized void updateBalance(AccountBalance next, long expectedVersion) {
    Check.notNull(next, "next");
    AccountSlot slot = codes.find(next.account());
    AccountBalance current = slot == null ? null : slot.balance;
    if (current == null) {
      throw new NotFoundException("ledger.account.not_found", "account", "no account " + next.account());
    }
    requireVersion(current.version(), expectedVersion, next.version());
    slot.balance = next;
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        slot.balance = current;
      }
    });
  }

  @Override
  public synchronized Optional<JournalEntry> findEntry(EntryId id) {
    Check.notNull(id, "id");
    int n = journal.find(id);
    return n < 0 ? Optional.empty() : Optional.of(journal.read(n, id));
  }

  @Override
  public synchronized JournalEntry insertEntry(JournalEntry entry) {
    Check.notNull(entry, "entry");
    int n = journal.find(entry.id());
    if (n >= 0) {
      JournalEntry existing = journal.read(n, entry.id());
      if (!existing.request().equals(entry.request())) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "idempotencyKey",
            "this idempotency key was first used with a different payload");
      }
      return existing;
    }
    int appended = journal.append(entry);
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        journal.remove(appended);
      }
    });
    return entry;
  }

  @Override
  public synchronized Optional<Hold> findHold(HoldId id) {
    Check.notNull(id, "id");
    int r = holds.find(id);
    return r < 0 ? Optional.empty() : Optional.of(holds.read(r, id));
  }

  @Override
  public synchronized void insertHold(Hold hold) {
    Check.notNull(hold, "hold");
    int r = holds.find(hold.id());
    if (r >= 0) {
      if (!holds.read(r, hold.id()).equals(hold)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "hold",
            "hold " + hold.id() + " exists with other terms");
      }
      return;
    }
    Check.that(hold.version() == 0, "version", "ledger.version_conflict", "a new hold has version 0");
    int appended = holds.append(hold);
    index(hold);
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        holds.remove(appended);
        unindex(hold);
      }
    });
  }

  @Override
  public synchronized void updateHold(Hold next, long expectedVersion) {
    Check.notNull(next, "next");
    int r = holds.find(next.id());
    if (r < 0) {
      throw new NotFoundException("ledger.hold.not_found", "hold", "no hold " + next.id());
    }
    requireVersion(holds.version(r), expectedVersion, next.version());
    Hold indexed = holds.hasExpiry(r) ? holds.read(r, next.id()) : null; // only holds with an expiry are indexed
    long[] before = holds.snapshot(r);
    holds.replace(r, next);
    unindex(indexed);
    index(next);
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        holds.restore(r, before);
        unindex(next);
        index(indexed);
      }
    });
  }

  private void unindex(Hold hold) {
    if (hold != null && hold.expiresAt() != null) {
      expiring.remove(hold);
    }
  }

  private void index(Hold hold) {
    if (hold != null && hold.state() == HoldState.PENDING && hold.expiresAt() != null) {
      expiring.add(hold);
    }
  }

  @Override
  public synchronized Page<Hold> pendingHoldsExpiringBy(Instant at, PageRequest page) {
    Check.notNull(at, "at");
    Check.notNull(page, "page");
    List<Hold> out = new ArrayList<>();
    String after = page.cursor();
    for (Hold h : expiring) {
      if (h.expiresAt().isAfter(at)) {
        break;
      }
      if (after != null && cursorOf(h).compareTo(after) <= 0) {
        continue;
      }
      if (out.size() == page.limit()) {
        return new Page<>(out, cursorOf(out.get(out.size() - 1)));
      }
      out.add(h);
    }
    return Page.last(out);
  }

  private static String cursorOf(Hold h) {
    // Sorts like BY_EXPIRY: fixed-width epoch seconds (made non-negative over Instant's whole range) and nanos, then
    // the id.
    return String.format("%020d.%09d.%s", h.expiresAt().getEpochSecond() - Instant.MIN.getEpochSecond(),
        h.expiresAt().getNano(), h.id().value());
  }

  @Override
  public synchronized void insertLine(AccountLine line) {
    Check.notNull(line, "line");
    AccountSlot slot = codes.slot(line.account());
    LineLog log = slot.lines;
    if (log == null) {
      log = slot.lines = new LineLog(line.account(), line.currency(), codes.ids);
    }
    if (log.size() > 0 && log.sequence(log.size() - 1) >= line.sequence()) {
      int i = log.indexOfSequence(line.sequence());
      if (i >= 0 && log.sequence(i) == line.sequence() && log.line(i).equals(line)) {
        return;
      }
      throw new IdempotencyConflictException("idempotency.payload_mismatch", "line",
          "account " + line.account() + " already has a line with sequence " + line.sequence());
    }
    Check.that(line.currency().equals(log.currency), "line", "money.currency_mismatch",
        "a line in another currency than its account's");
    log.append(line);
    LineLog appended = log;
    long sequence = line.sequence();
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        appended.remove(sequence);
      }
    });
  }

  @Override
  public synchronized Page<AccountLine> lines(AccountId account, Instant from, Instant to, PageRequest page) {
    Check.notNull(page, "page");
    LineLog log = linesOf(account);
    if (log == null) {
      return Page.last(List.of());
    }
    int start = log.firstAtOrAfter(from);
    if (page.cursor() != null) {
      start = Math.max(start, log.indexOfSequence(parseSequence(page.cursor())) + 1);
    }
    List<AccountLine> out = new ArrayList<>();
    for (int i = start; i < log.size() && log.isBefore(i, to); i++) {
      if (out.size() == page.limit()) {
        return new Page<>(out, Long.toString(out.get(out.size() - 1).sequence()));
      }
      out.add(log.line(i));
    }
    return Page.last(out);
  }

  @Override
  public synchronized Optional<AccountLine> lastLineBefore(AccountId account, Instant at) {
    LineLog log = linesOf(account);
    if (log == null) {
      return Optional.empty();
    }
    int i = log.firstAtOrAfter(at) - 1;
    return i >= 0 ? Optional.of(log.line(i)) : Optional.empty();
  }

  private LineLog linesOf(AccountId account) {
    AccountSlot slot = codes.find(account);
    return slot == null ? null : slot.lines;
  }

  @Override
  public synchronized Page<AccountBalance> balances(PageRequest page) {
    Check.notNull(page, "page");
    NavigableSet<AccountId> view =
        page.cursor() == null ? accountOrder : accountOrder.tailSet(AccountId.parse(page.cursor()), false);
    List<AccountBalance> out = new ArrayList<>(Math.min(page.limit(), view.size()));
    for (AccountId id : view) {
      if (out.size() == page.limit()) {
        return new Page<>(out, out.get(out.size() - 1).account().toString());
      }
      out.add(codes.find(id).balance);
    }
    return Page.last(out);
  }

  /** How many entries the journal holds. */
  public synchronized int entryCount() {
    return journal.size();
  }

  private static long parseSequence(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new ValidationException("cursor", "page.cursor", "not a cursor of this store");
    }
  }

  private static void requireVersion(long stored, long expected, long next) {
    if (stored != expected || next != expected + 1) {
      throw new ConflictException("ledger.version_conflict", "version",
          "stored version " + stored + ", expected " + expected + ", new " + next);
    }
  }
}
