package io.kinhealth.compliance.rights;

import io.kinhealth.core.id.TypedId;

/** Identifies a subject request. */
public record SubjectRequestId(String value) implements TypedId {
  public SubjectRequestId {
    value = TypedId.requireValid(value, "subjectRequestId");
  }

  public static SubjectRequestId of(String value) {
    return new SubjectRequestId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
