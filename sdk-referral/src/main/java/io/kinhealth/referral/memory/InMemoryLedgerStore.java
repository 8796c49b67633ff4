package io.kinhealth.referral.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
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
import io.kinhealth.referral.spi.LedgerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The embedded default {@link LedgerStore}: everything in memory, not durable.
 *
 * <p>Every write records its undo with {@link InMemoryTransactionRunner#recordUndo}, so a rolled-back transaction
 * leaves no trace; entries follow the shared {@link IdempotencyTable} rule. Thread-safe (one monitor). Statement
 * reads assume the ledger's clock does not run backwards, so an account's lines are in time order.
 */
public final class InMemoryLedgerStore implements LedgerStore {
  private static final Comparator<Hold> BY_EXPIRY =
      Comparator.comparing(Hold::expiresAt).thenComparing(h -> h.id().value());

  private final Map<AccountId, LedgerAccount> accounts = new HashMap<>();
  private final Map<AccountId, AccountBalance> balances = new HashMap<>();
  private final NavigableSet<AccountId> accountOrder = new TreeSet<>(); // for paging balances in id order
  private final IdempotencyTable<JournalEntry> entries = new IdempotencyTable<>();
  private final Map<HoldId, Hold> holds = new HashMap<>();
  private final TreeSet<Hold> expiring = new TreeSet<>(BY_EXPIRY);
  private final Map<AccountId, LineLog> lines = new HashMap<>();

  @Override
  public synchronized LedgerAccount createAccount(LedgerAccount account) {
    Check.notNull(account, "account");
    LedgerAccount existing = accounts.get(account.id());
    if (existing != null) {
      if (!existing.equals(account)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "account",
            "account " + account.id() + " exists with other terms");
      }
      return existing;
    }
    accounts.put(account.id(), account);
    balances.put(account.id(), AccountBalance.empty(account));
    accountOrder.add(account.id());
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        accounts.remove(account.id());
        balances.remove(account.id());
        accountOrder.remove(account.id());
      }
    });
    return account;
  }

  @Override
  public synchronized Optional<LedgerAccount> findAccount(AccountId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public synchronized Optional<AccountBalance> findBalance(AccountId id) {
    return Optional.ofNullable(balances.get(id));
  }

  @Override
  public synchronized void updateBalance(AccountBalance next, long expectedVersion) {
    Check.notNull(next, "next");
    AccountBalance current = balances.get(next.account());
    if (current == null) {
      throw new NotFoundException("ledger.account.not_found", "account", "no account " + next.account());
    }
    requireVersion(current.version(), expectedVersion, next.version());
    balances.put(next.account(), next);
    InMemoryTransactionRunner.recordUndo(() -> restore(balances, next.account(), current));
  }

  @Override
  public Optional<JournalEntry> findEntry(EntryId id) {
    return entries.find(IdempotencyKey.of(id.value()));
  }

  @Override
  public JournalEntry insertEntry(JournalEntry entry) {
    Check.notNull(entry, "entry");
    return entries.apply(IdempotencyKey.of(entry.id().value()), entry.request(), () -> entry);
  }

  @Override
  public synchronized Optional<Hold> findHold(HoldId id) {
    return Optional.ofNullable(holds.get(id));
  }

  @Override
  public synchronized void insertHold(Hold hold) {
    Check.notNull(hold, "hold");
    Hold existing = holds.get(hold.id());
    if (existing != null) {
      if (!existing.equals(hold)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "hold",
            "hold " + hold.id() + " exists with other terms");
      }
      return;
    }
    Check.that(hold.version() == 0, "version", "ledger.version_conflict", "a new hold has version 0");
    holds.put(hold.id(), hold);
    index(hold);
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        holds.remove(hold.id());
        unindex(hold);
      }
    });
  }

  @Override
  public synchronized void updateHold(Hold next, long expectedVersion) {
    Check.notNull(next, "next");
    Hold current = holds.get(next.id());
    if (current == null) {
      throw new NotFoundException("ledger.hold.not_found", "hold", "no hold " + next.id());
    }
    requireVersion(current.version(), expectedVersion, next.version());
    holds.put(next.id(), next);
    unindex(current);
    index(next);
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        holds.put(current.id(), current);
        unindex(next);
        index(current);
      }
    });
  }

  private void unindex(Hold hold) {
    if (hold.expiresAt() != null) {
      expiring.remove(hold);
    }
  }

  private void index(Hold hold) {
    if (hold.state() == HoldState.PENDING && hold.expiresAt() != null) {
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
    // Sorts like BY_EXPIRY: fixed-width epoch seconds and nanos, then the id.
    return String.format("%020d.%09d.%s", h.expiresAt().getEpochSecond() + 10_000_000_000L,
        h.expiresAt().getNano(), h.id().value());
  }

  @Override
  public synchronized void insertLine(AccountLine line) {
    Check.notNull(line, "line");
    LineLog log = lines.computeIfAbsent(line.account(), k -> new LineLog(line.account(), line.currency()));
    if (log.size > 0 && log.sequence[log.size - 1] >= line.sequence()) {
      int i = log.indexOfSequence(line.sequence());
      if (i >= 0 && log.sequence[i] == line.sequence() && log.line(i).equals(line)) {
        return;
      }
      throw new IdempotencyConflictException("idempotency.payload_mismatch", "line",
          "account " + line.account() + " already has a line with sequence " + line.sequence());
    }
    Check.that(line.currency().equals(log.currency), "line", "money.currency_mismatch",
        "a line in another currency than its account's");
    log.append(line);
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        log.size--;
      }
    });
  }

  @Override
  public synchronized Page<AccountLine> lines(AccountId account, Instant from, Instant to, PageRequest page) {
    Check.notNull(page, "page");
    LineLog log = lines.get(account);
    if (log == null) {
      return Page.last(List.of());
    }
    int start = log.firstAtOrAfter(from);
    if (page.cursor() != null) {
      start = Math.max(start, log.indexOfSequence(parseSequence(page.cursor())) + 1);
    }
    List<AccountLine> out = new ArrayList<>();
    for (int i = start; i < log.size && log.isBefore(i, to); i++) {
      if (out.size() == page.limit()) {
        return new Page<>(out, Long.toString(out.get(out.size() - 1).sequence()));
      }
      out.add(log.line(i));
    }
    return Page.last(out);
  }

  @Override
  public synchronized Optional<AccountLine> lastLineBefore(AccountId account, Instant at) {
    LineLog log = lines.get(account);
    if (log == null) {
      return Optional.empty();
    }
    int i = log.firstAtOrAfter(at) - 1;
    return i >= 0 ? Optional.of(log.line(i)) : Optional.empty();
  }

  /**
   * One account's statement lines in columns of primitives: a ledger keeps many lines, and a line as an object costs
   * the garbage collector far more than its numbers. Lines are rebuilt as {@link AccountLine}s when read.
   */
  private static final class LineLog {
    final AccountId account;
    final Currency currency;
    long[] sequence = new long[8];
    long[] debit = new long[8];
    long[] credit = new long[8];
    long[] balance = new long[8];
    long[] seconds = new long[8];
    int[] nanos = new int[8];
    EntryId[] entries = new EntryId[8];
    int size;

    LineLog(AccountId account, Currency currency) {
      this.account = account;
      this.currency = currency;
    }

    void append(AccountLine l) {
      if (size == sequence.length) {
        int n = size * 2;
        sequence = Arrays.copyOf(sequence, n);
        debit = Arrays.copyOf(debit, n);
        credit = Arrays.copyOf(credit, n);
        balance = Arrays.copyOf(balance, n);
        seconds = Arrays.copyOf(seconds, n);
        nanos = Arrays.copyOf(nanos, n);
        entries = Arrays.copyOf(entries, n);
      }
      sequence[size] = l.sequence();
      debit[size] = l.debitMinor();
      credit[size] = l.creditMinor();
      balance[size] = l.balanceAfterMinor();
      seconds[size] = l.postedAt().getEpochSecond();
      nanos[size] = l.postedAt().getNano();
      entries[size] = l.entry();
      size++;
    }

    AccountLine line(int i) {
      return new AccountLine(account, sequence[i], entries[i], Instant.ofEpochSecond(seconds[i], nanos[i]),
          currency, debit[i], credit[i], balance[i]);
    }

    boolean isBefore(int i, Instant at) {
      return seconds[i] < at.getEpochSecond() || (seconds[i] == at.getEpochSecond() && nanos[i] < at.getNano());
    }

    /** The first line posted at or after {@code at} (lines are in time order). */
    int firstAtOrAfter(Instant at) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (isBefore(mid, at)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The index of the line with {@code s}, else of the last line before it (-1 if none). */
    int indexOfSequence(long s) {
      int lo = 0;
      int hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (sequence[mid] < s) {
          lo = mid + 1;
        } else if (sequence[mid] > s) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return lo - 1;
    }
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
      out.add(balances.get(id));
    }
    return Page.last(out);
  }

  /** How many entries the journal holds. */
  public int entryCount() {
    return entries.size();
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

  private <K, V> void restore(Map<K, V> map, K key, V value) {
    synchronized (this) {
      map.put(key, value);
    }
  }
}
