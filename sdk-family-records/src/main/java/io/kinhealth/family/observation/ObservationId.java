package io.kinhealth.family.observation;

import io.kinhealth.core.id.TypedId;

/** Identifies one stored observation (a reading from one source). */
public record ObservationId(String value) implements TypedId {
  public ObservationId {
    value = TypedId.requireValid(value, "observationId");
  }

  public static ObservationId of(String value) {
    return new ObservationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
