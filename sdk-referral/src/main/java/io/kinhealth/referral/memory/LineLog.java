package io.kinhealth.referral.memory;

import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.AccountLine;
import io.kinhealth.referral.ledger.EntryId;
import java.time.Instant;
import java.util.Currency;

/**
 * One account's statement lines as rows of primitives, the entry id as its {@link IdTable} code: a ledger keeps many
 * lines, and a line as an object costs the garbage collector far more than its numbers. Lines are rebuilt as
 * {@link AccountLine}s when read. Not thread-safe: used under the store's monitor.
 */
final class LineLog {
  private static final int SEQUENCE = 0;
  private static final int DEBIT = 1;
  private static final int CREDIT = 2;
  private static final int BALANCE = 3;
  private static final int SECONDS = 4;
  private static final int NANOS_ENTRY = 5; // nanos << 32 | entry id code

  final AccountId account;
  final Currency currency;
  private final IdTable ids;
  private final LongRows rows = new LongRows(6, 4);

  LineLog(AccountId account, Currency currency, IdTable ids) {
    this.account = account;
    this.currency = currency;
    this.ids = ids;
  }

  int size() {
    return rows.size();
  }

  long sequence(int i) {
    return rows.get(i, SEQUENCE);
  }

  void append(AccountLine l) {
    long entry = ids.intern(l.entry().value());
    int r = rows.append();
    rows.set(r, SEQUENCE, l.sequence());
    rows.set(r, DEBIT, l.debitMinor());
    rows.set(r, CREDIT, l.creditMinor());
    rows.set(r, BALANCE, l.balanceAfterMinor());
    rows.set(r, SECONDS, l.postedAt().getEpochSecond());
    rows.set(r, NANOS_ENTRY, (long) l.postedAt().getNano() << 32 | entry);
  }

  /** Takes the line with sequence {@code s} back out (a rollback): the last one, unless rollbacks interleave. */
  void remove(long s) {
    int i = indexOfSequence(s);
    if (i < 0 || sequence(i) != s) {
      return;
    }
    if (i == rows.size() - 1) {
      rows.truncate(i);
    } else {
      rows.remove(i);
    }
  }

  AccountLine line(int i) {
    long nanosEntry = rows.get(i, NANOS_ENTRY);
    return new AccountLine(account, rows.get(i, SEQUENCE), EntryId.of(ids.value((int) nanosEntry)),
        Instant.ofEpochSecond(rows.get(i, SECONDS), nanosEntry >>> 32), currency, rows.get(i, DEBIT),
        rows.get(i, CREDIT), rows.get(i, BALANCE));
  }

  boolean isBefore(int i, Instant at) {
    long seconds = rows.get(i, SECONDS);
    return seconds < at.getEpochSecond()
        || (seconds == at.getEpochSecond() && (rows.get(i, NANOS_ENTRY) >>> 32) < at.getNano());
  }

  /** The first line posted at or after {@code at} (lines are in time order). */
  int firstAtOrAfter(Instant at) {
    int lo = 0;
    int hi = rows.size();
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
    int hi = rows.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long at = sequence(mid);
      if (at < s) {
        lo = mid + 1;
      } else if (at > s) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return lo - 1;
  }
}
