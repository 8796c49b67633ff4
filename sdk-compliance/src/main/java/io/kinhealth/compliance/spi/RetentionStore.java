package io.kinhealth.compliance.spi;

import io.kinhealth.compliance.retention.LegalHold;
import io.kinhealth.compliance.retention.LegalHoldId;
import io.kinhealth.compliance.retention.Tombstone;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where legal holds and erasure tombstones live. The in-memory default is
 * {@code io.kinhealth.compliance.memory.InMemoryRetentionStore}; {@code RetentionStoreContractKit} checks an
 * implementation.
 *
 * <p>Contract: {@link #placeHold} stores a new hold (version 1); replaying its key with the same subject,
 * categories, reason and case returns the first hold, anything else under the key throws
 * {@code IdempotencyConflictException}. {@link #releaseHold} sets the release time if the stored version equals
 * {@code expectedVersion} (else {@code ConflictException} {@code legal_hold.version_conflict}; unknown id:
 * {@code NotFoundException}); replaying its key returns the first result. {@link #activeHolds} lists a subject's
 * unreleased holds (a handful; one indexed read). {@link #insertTombstone} stores one tombstone per record
 * reference: replaying the key with an equal tombstone (time aside) returns the first, a second tombstone for the
 * same record under another key throws {@code ConflictException} {@code erasure.already_recorded}. Writes roll back
 * with their transaction.
 */
public interface RetentionStore {
  LegalHold placeHold(LegalHold hold, IdempotencyKey key);

  LegalHold releaseHold(LegalHoldId id, long expectedVersion, Instant releasedAt, IdempotencyKey key);

  Optional<LegalHold> findHold(LegalHoldId id);

  List<LegalHold> activeHolds(PersonId subjectId);

  Tombstone insertTombstone(Tombstone tombstone, IdempotencyKey key);

  Optional<Tombstone> findTombstone(String recordRef);

  /** A subject's tombstones in the order they were recorded. */
  Page<Tombstone> tombstonesOf(PersonId subjectId, PageRequest page);
}
