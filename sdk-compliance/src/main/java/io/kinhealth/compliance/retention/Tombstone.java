package io.kinhealth.compliance.retention;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * What remains after the host erased a record: which record, whose, of what category and purpose, why and when.
 * It proves the erasure (and stops a sweep from listing the record again) without keeping any of the data.
 *
 * @param recordRef the host's opaque reference to the erased record (never the data itself)
 */
public record Tombstone(String recordRef, PersonId subjectId, DataCategory category, Purpose purpose,
    ErasureReason reason, Instant erasedAt) {
  public Tombstone {
    recordRef = Check.text(recordRef, "recordRef", 200);
    Check.notNull(subjectId, "subjectId");
    Check.notNull(category, "category");
    Check.notNull(purpose, "purpose");
    Check.notNull(reason, "reason");
    Check.notNull(erasedAt, "erasedAt");
  }
}
