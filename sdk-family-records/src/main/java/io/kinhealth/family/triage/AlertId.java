package io.kinhealth.family.triage;

import io.kinhealth.core.id.TypedId;

/** Identifies one alert. */
public record AlertId(String value) implements TypedId {
  public AlertId {
    value = TypedId.requireValid(value, "alertId");
  }

  public static AlertId of(String value) {
    return new AlertId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
