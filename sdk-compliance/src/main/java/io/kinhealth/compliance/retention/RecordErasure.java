package io.kinhealth.compliance.retention;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.validation.Check;

/** Report that the host erased a record; the SDK keeps a {@link Tombstone} and an audit entry. */
public record RecordErasure(IdempotencyKey idempotencyKey, HeldRecord record, ErasureReason reason) {
  public RecordErasure {
    Check.notNull(idempotencyKey, "idempotencyKey");
    Check.notNull(record, "record");
    Check.notNull(reason, "reason");
  }
}
