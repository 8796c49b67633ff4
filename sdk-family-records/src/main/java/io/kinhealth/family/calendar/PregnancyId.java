package io.kinhealth.family.calendar;

import io.kinhealth.core.id.TypedId;

/** Identifies one pregnancy of a member. */
public record PregnancyId(String value) implements TypedId {
  public PregnancyId {
    value = TypedId.requireValid(value, "pregnancyId");
  }

  public static PregnancyId of(String value) {
    return new PregnancyId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
