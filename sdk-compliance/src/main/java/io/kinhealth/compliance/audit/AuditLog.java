package io.kinhealth.compliance.audit;

import io.kinhealth.compliance.spi.AuditStore;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only, hash-chained audit log of notices, consents, withdrawals and decisions; other modules append
 * their own records (a marketing gate its decisions, family records their reads).
 *
 * <p>Guarantees: {@link #append} chains the record to the last entry inside the caller's transaction (or a new one)
 * and is idempotent per key; appends from this process are serialised, and a race with another writer (the store
 * reports {@code audit.sequence_conflict}) is retried by re-chaining. Inside a caller's transaction a database
 * usually cannot retry (the failed insert spoils the transaction): the conflict then reaches the caller, whose
 * whole operation is retried (the {@link io.kinhealth.compliance.ConsentService} does so). {@link #verify()} walks the whole
 * chain page by page and names the first entry that was altered or removed. Thread-safe.
 */
public final class AuditLog {
  private static final int MAX_ATTEMPTS = 10;
  private static final int PAGE = 500;

  private final AuditStore store;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final ReentrantLock appendLock = new ReentrantLock();

  private AuditLog(AuditStore store, TransactionRunner transactions, Clock clock) {
    this.store = Check.notNull(store, "auditStore");
    this.transactions = Check.notNull(transactions, "transactionRunner");
    this.clock = Check.notNull(clock, "clock");
  }

  /** An audit log over {@code store}; appends run in {@code transactions}, times come from {@code clock}. */
  public static AuditLog of(AuditStore store, TransactionRunner transactions, Clock clock) {
    return new AuditLog(store, transactions, clock);
  }

  /**
   * Appends {@code record} as the next entry and returns it; replaying {@code key} with an equal record returns the
   * first entry.
   *
   * @throws io.kinhealth.core.error.IdempotencyConflictException if the key was used for another record
   * @throws ConflictException if other writers kept winning the race for the next sequence
   */
  public AuditEntry append(AuditRecord record, IdempotencyKey key) {
    Check.notNull(record, "record");
    Check.notNull(key, "idempotencyKey");
    ConflictException last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        return transactions.inTransaction(() -> {
          // Taken inside the transaction so the lock order is always transaction first, then this lock.
          appendLock.lock();
          try {
            AuditEntry previous = store.last().orElse(null);
            return store.append(AuditEntry.chain(previous, record, clock.instant()), key);
          } finally {
            appendLock.unlock();
          }
        });
      } catch (ConflictException e) {
        if (!"audit.sequence_conflict".equals(e.reason())) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /** Entries from {@code fromSequence} on, ascending, one page at a time. */
  public Page<AuditEntry> read(long fromSequence, PageRequest page) {
    return store.read(fromSequence, page);
  }

  /** A subject's entries, ascending (for an access request, PIPL art. 45). */
  public Page<AuditEntry> entriesOf(PersonId subjectId, PageRequest page) {
    return store.findBySubject(subjectId, page);
  }

  /** The current head of the chain, to keep elsewhere; empty while the log is empty. */
  public Optional<AuditCheckpoint> checkpoint() {
    return store.last().map(e -> new AuditCheckpoint(e.sequence(), e.hash()));
  }

  /** Walks the whole chain and reports the first entry that was altered or removed. */
  public AuditVerification verify() {
    return walk(null);
  }

  /**
   * Like {@link #verify()}, and also checks that the entry at {@code checkpoint.sequence} still has the checkpoint's
   * hash, so cutting off the newest entries is detected too.
   */
  public AuditVerification verify(AuditCheckpoint checkpoint) {
    return walk(Check.notNull(checkpoint, "checkpoint"));
  }

  private AuditVerification walk(AuditCheckpoint checkpoint) {
    long expected = 1;
    String previousHash = AuditEntry.GENESIS;
    long checked = 0;
    PageRequest request = PageRequest.first(PAGE);
    while (true) {
      Page<AuditEntry> page = store.read(1, request);
      for (AuditEntry e : page.items()) {
        checked++;
        if (e.sequence() > expected) {
          return AuditVerification.broken(checked, expected, AuditVerification.Problem.REMOVED,
              "audit entry " + expected + " is missing (the next entry is " + e.sequence() + ")");
        }
        if (e.sequence() < expected || !e.previousHash().equals(previousHash) || !e.isIntact()) {
          long bad = e.sequence() < expected ? expected : e.sequence();
          // A link mismatch with an intact entry means the entry before it was altered and its hash re-computed.
          if (e.isIntact() && e.sequence() == expected && expected > 1 && !e.previousHash().equals(previousHash)) {
            bad = expected - 1;
          }
          return AuditVerification.broken(checked, bad, AuditVerification.Problem.ALTERED,
              "audit entry " + bad + " was altered: its hash no longer matches the chain");
        }
        if (checkpoint != null && e.sequence() == checkpoint.sequence() && !e.hash().equals(checkpoint.hash())) {
          return AuditVerification.broken(checked, e.sequence(), AuditVerification.Problem.ALTERED,
              "audit entry " + e.sequence() + " differs from the checkpoint");
        }
        previousHash = e.hash();
        expected++;
      }
      if (!page.hasNext()) {
        break;
      }
      request = request.next(page);
    }
    if (checkpoint != null && expected - 1 < checkpoint.sequence()) {
      return AuditVerification.broken(checked, expected, AuditVerification.Problem.TRUNCATED,
          "audit entries from " + expected + " to " + checkpoint.sequence() + " are gone");
    }
    return AuditVerification.ok(checked);
  }
}
