package io.kinhealth.compliance.spi;

import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.util.Optional;

/**
 * Where the audit chain lives: append-only. The in-memory default is
 * {@code io.kinhealth.compliance.memory.InMemoryAuditStore}; {@code AuditStoreContractKit} checks an
 * implementation.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #append} stores the entry only if its sequence is the last one plus 1 (1 when empty) and its
 *       previous hash is the last entry's hash ({@link AuditEntry#GENESIS} when empty); otherwise it throws
 *       {@code ConflictException} with reason {@code audit.sequence_conflict} (another writer got there first; the
 *       caller re-chains and retries). This is the single-row insert with a unique sequence of a SQL store.
 *   <li>Replaying a key with an equal {@link AuditEntry#record() record} returns the first entry (whatever the new
 *       entry's sequence); with another record it throws {@code IdempotencyConflictException}.
 *   <li>Entries are never updated or deleted through this interface.
 *   <li>{@link #read} pages in ascending sequence; {@link #findBySubject} pages a subject's entries in ascending
 *       sequence; the cursor is opaque.
 * </ul>
 */
public interface AuditStore {
  AuditEntry append(AuditEntry entry, IdempotencyKey key);

  Optional<AuditEntry> last();

  /** Entries with sequence at least {@code fromSequence}, ascending. */
  Page<AuditEntry> read(long fromSequence, PageRequest page);

  Page<AuditEntry> findBySubject(PersonId subjectId, PageRequest page);
}
