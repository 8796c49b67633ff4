package io.kinhealth.compliance.rights;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;

/** A subject asks to exercise a right. */
public record SubmitSubjectRequest(IdempotencyKey idempotencyKey, PersonId subjectId, SubjectRequestType type) {
  public SubmitSubjectRequest {
    Check.notNull(idempotencyKey, "idempotencyKey");
    Check.notNull(subjectId, "subjectId");
    Check.notNull(type, "type");
  }
}
