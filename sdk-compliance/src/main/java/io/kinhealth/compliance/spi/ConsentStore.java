package io.kinhealth.compliance.spi;

import io.kinhealth.compliance.consent.ConsentId;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentStatus;
import io.kinhealth.compliance.consent.Withdrawal;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.util.Optional;

/**
 * Where consent records live. Implement it over the host's database; the in-memory default is
 * {@code io.kinhealth.compliance.memory.InMemoryConsentStore}; {@code ConsentStoreContractKit} in kinhealth-testkit
 * checks an implementation.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #insert}: stores a new record (version 1). Replaying the key with an equal
 *       {@link ConsentRecord#grant() grant} returns the first record unchanged; with another grant it throws
 *       {@code IdempotencyConflictException}. A second record with an existing id throws {@code ConflictException}
 *       (reason {@code consent.duplicate_id}).
 *   <li>{@link #withdraw}: replaces the record by {@code record.withdrawn(withdrawal)} if its stored version equals
 *       {@code expectedVersion}, else throws {@code ConflictException} (reason {@code consent.version_conflict});
 *       an unknown id throws {@code NotFoundException}. Replaying the key for the same consent, channel, person and
 *       reason returns the first result (even though the version has moved on); anything else under that key throws
 *       {@code IdempotencyConflictException}.
 *   <li>{@link #findBySubject}: a subject's records in ascending id order, optionally only those of one status,
 *       one page at a time (maps to an index on subject, status, id).
 *   <li>Writes made inside a {@code TransactionRunner} transaction are rolled back with it.
 * </ul>
 */
public interface ConsentStore {
  ConsentRecord insert(ConsentRecord record, IdempotencyKey key);

  Optional<ConsentRecord> find(ConsentId id);

  ConsentRecord withdraw(ConsentId id, long expectedVersion, Withdrawal withdrawal, IdempotencyKey key);

  /**
   * A subject's records in ascending id order.
   *
   * @param status only records in this status, or null for all
   */
  Page<ConsentRecord> findBySubject(PersonId subjectId, ConsentStatus status, PageRequest page);
}
