package io.kinhealth.referral.memory;

import io.kinhealth.core.money.Money;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.HoldState;
import java.time.Instant;
import java.util.Arrays;

/**
 * Holds as fixed-width rows of {@code long}s in one array, indexed by hold id: a ledger keeps every hold it ever
 * placed, and a {@link Hold} as objects (with its ids, amounts and instants) is ten of them for the collector to
 * copy. Rows are decoded back into equal {@link Hold}s when read. Not thread-safe: used under the store's monitor.
 */
final class HoldTable {
  private static final HoldState[] STATES = HoldState.values();
  private static final int STRIDE = 11;
  private static final int ID = 0;
  private static final int PLACED_BY = 1;
  private static final int ACCOUNTS = 2; // debit code << 32 | credit code
  private static final int AMOUNT = 3;
  private static final int FLAGS = 4; // amount currency | posted currency << 8 (0xff: none) | state << 16 | expiry << 24
  private static final int PLACED_SECONDS = 5;
  private static final int NANOS = 6; // placed nanos << 32 | expiry nanos
  private static final int EXPIRY_SECONDS = 7;
  private static final int POSTED = 8;
  private static final int RESOLVED_BY = 9; // -1: none
  private static final int VERSION = 10;

  private final Codes codes;
  private final LongRows rows = new LongRows(STRIDE, 64); // including rolled-back rows that were not the last
  private int live;
  private int[] rowOfId = new int[1 << 10]; // id code → row + 1; 0 for none

  HoldTable(Codes codes) {
    this.codes = codes;
  }

  int size() {
    return live;
  }

  /** The row of hold {@code id}, or -1. */
  int find(HoldId id) {
    int code = codes.ids.find(id.value());
    return code < 0 || code >= rowOfId.length ? -1 : rowOfId[code] - 1;
  }

  /** Appends {@code hold} (whose id has no row yet) and returns its row. */
  int append(Hold hold) {
    int idCode = codes.ids.intern(hold.id().value());
    if (idCode >= rowOfId.length) {
      rowOfId = Arrays.copyOf(rowOfId, Math.max(rowOfId.length * 2, idCode + 1));
    }
    int r = rows.append();
    try {
      write(r, hold, idCode);
    } catch (RuntimeException e) {
      rows.truncate(r);
      throw e;
    }
    live++;
    rowOfId[idCode] = r + 1;
    return r;
  }

  /** Overwrites row {@code r} with {@code hold} (the same id). */
  void replace(int r, Hold hold) {
    write(r, hold, (int) rows.get(r, ID));
  }

  /** A copy of row {@code r}, to put back with {@link #restore} on rollback. */
  long[] snapshot(int r) {
    return rows.copy(r);
  }

  void restore(int r, long[] snapshot) {
    rows.restore(r, snapshot);
  }

  /** Takes row {@code r} back out (a rollback); its space is reclaimed when it is the last. */
  void remove(int r) {
    int idCode = (int) rows.get(r, ID);
    if (rowOfId[idCode] == r + 1) {
      rowOfId[idCode] = 0;
      live--;
    }
    if (r == rows.size() - 1) {
      rows.truncate(r);
    }
  }

  long version(int r) {
    return rows.get(r, VERSION);
  }

  boolean hasExpiry(int r) {
    return ((rows.get(r, FLAGS) >>> 24) & 0xff) != 0;
  }

  /** Row {@code r} decoded; {@code id} is its id (the caller's instance is reused). */
  Hold read(int r, HoldId id) {
    long flags = rows.get(r, FLAGS);
    long accounts = rows.get(r, ACCOUNTS);
    long nanos = rows.get(r, NANOS);
    int postedCurrency = (int) ((flags >>> 8) & 0xff);
    boolean expires = ((flags >>> 24) & 0xff) != 0;
    long resolvedBy = rows.get(r, RESOLVED_BY);
    return new Hold(
        id,
        EntryId.of(codes.ids.value((int) rows.get(r, PLACED_BY))),
        codes.account((int) (accounts >>> 32)),
        codes.account((int) accounts),
        Money.ofMinor(rows.get(r, AMOUNT), codes.currency((int) (flags & 0xff))),
        Instant.ofEpochSecond(rows.get(r, PLACED_SECONDS), (int) (nanos >>> 32)),
        expires ? Instant.ofEpochSecond(rows.get(r, EXPIRY_SECONDS), (int) nanos) : null,
        STATES[(int) ((flags >>> 16) & 0xff)],
        postedCurrency == 0xff ? null : Money.ofMinor(rows.get(r, POSTED), codes.currency(postedCurrency)),
        resolvedBy < 0 ? null : EntryId.of(codes.ids.value((int) resolvedBy)),
        rows.get(r, VERSION));
  }

  private void write(int r, Hold h, int idCode) {
    int placedBy = codes.ids.intern(h.placedBy().value());
    int resolvedBy = h.resolvedBy() == null ? -1 : codes.ids.intern(h.resolvedBy().value());
    long debit = codes.slot(h.debit()).code;
    long credit = codes.slot(h.credit()).code;
    long amountCurrency = codes.currency(h.amount().currency());
    long postedCurrency = h.postedAmount() == null ? 0xff : codes.currency(h.postedAmount().currency());
    if (amountCurrency >= 0xff || (h.postedAmount() != null && postedCurrency >= 0xff)) {
      throw new IllegalStateException("too many currencies");
    }
    rows.set(r, ID, idCode);
    rows.set(r, PLACED_BY, placedBy);
    rows.set(r, ACCOUNTS, debit << 32 | credit);
    rows.set(r, AMOUNT, h.amount().minor());
    rows.set(r, FLAGS, amountCurrency | postedCurrency << 8 | (long) h.state().ordinal() << 16
        | (h.expiresAt() != null ? 1L << 24 : 0));
    rows.set(r, PLACED_SECONDS, h.placedAt().getEpochSecond());
    rows.set(r, NANOS, (long) h.placedAt().getNano() << 32 | (h.expiresAt() != null ? h.expiresAt().getNano() : 0));
    rows.set(r, EXPIRY_SECONDS, h.expiresAt() != null ? h.expiresAt().getEpochSecond() : 0);
    rows.set(r, POSTED, h.postedAmount() != null ? h.postedAmount().minor() : 0);
    rows.set(r, RESOLVED_BY, resolvedBy);
    rows.set(r, VERSION, h.version());
  }
}
