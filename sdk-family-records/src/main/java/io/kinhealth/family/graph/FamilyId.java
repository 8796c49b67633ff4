package io.kinhealth.family.graph;

import io.kinhealth.core.id.TypedId;

/** Identifies a family. */
public record FamilyId(String value) implements TypedId {
  public FamilyId {
    value = TypedId.requireValid(value, "familyId");
  }

  public static FamilyId of(String value) {
    return new FamilyId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
