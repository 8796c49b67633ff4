package io.kinhealth.family.triage;

import io.kinhealth.core.id.TypedId;

/**
 * The person who acknowledges or resolves an alert: a nurse, doctor or care coordinator of the host (the host
 * authenticates them; the SDK records who it was).
 */
public record ReviewerId(String value) implements TypedId {
  public ReviewerId {
    value = TypedId.requireValid(value, "reviewerId");
  }

  public static ReviewerId of(String value) {
    return new ReviewerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
