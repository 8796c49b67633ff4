package io.kinhealth.compliance.retention;

import io.kinhealth.core.validation.Check;
import java.time.Instant;

/** A record a sweep says must be erased, why, and since when. */
public record ErasureDue(HeldRecord record, ErasureReason reason, Instant dueSince) {
  public ErasureDue {
    Check.notNull(record, "record");
    Check.notNull(reason, "reason");
    Check.notNull(dueSince, "dueSince");
  }
}
