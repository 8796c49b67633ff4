package io.kinhealth.compliance.retention;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/** A record the host holds, as a retention sweep sees it: reference, owner, category, purpose, when collected. */
public record HeldRecord(String recordRef, PersonId subjectId, DataCategory category, Purpose purpose,
    Instant collectedAt) {
  public HeldRecord {
    recordRef = Check.text(recordRef, "recordRef", 200);
    Check.notNull(subjectId, "subjectId");
    Check.notNull(category, "category");
    Check.notNull(purpose, "purpose");
    Check.notNull(collectedAt, "collectedAt");
  }
}
