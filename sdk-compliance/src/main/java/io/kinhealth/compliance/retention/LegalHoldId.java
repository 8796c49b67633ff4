package io.kinhealth.compliance.retention;

import io.kinhealth.core.id.TypedId;

/** Identifies a legal hold. */
public record LegalHoldId(String value) implements TypedId {
  public LegalHoldId {
    value = TypedId.requireValid(value, "legalHoldId");
  }

  public static LegalHoldId of(String value) {
    return new LegalHoldId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
