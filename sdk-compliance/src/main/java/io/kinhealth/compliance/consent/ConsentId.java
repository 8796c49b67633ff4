package io.kinhealth.compliance.consent;

import io.kinhealth.core.id.TypedId;

/** Identifies one consent record (time-ordered when made by the default id generator). */
public record ConsentId(String value) implements TypedId {
  public ConsentId {
    value = TypedId.requireValid(value, "consentId");
  }

  public static ConsentId of(String value) {
    return new ConsentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
