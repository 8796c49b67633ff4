package io.kinhealth.compliance.retention;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.util.Set;

/** Place a legal hold on a subject's data (all of it when {@code categories} is empty). */
public record PlaceLegalHold(IdempotencyKey idempotencyKey, PersonId subjectId, Set<DataCategory> categories,
    String reason, String caseReference) {
  public PlaceLegalHold {
    Check.notNull(idempotencyKey, "idempotencyKey");
    Check.notNull(subjectId, "subjectId");
    categories = categories == null ? Set.of() : Set.copyOf(Check.noNulls(categories, "categories"));
    reason = Check.text(reason, "reason", 100);
  }
}
