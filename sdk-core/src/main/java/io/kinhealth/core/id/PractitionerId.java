package io.kinhealth.core.id;

/** A practitioner's role at an organisation (a doctor, nurse or staff member). */
public record PractitionerId(String value) implements TypedId {
  public PractitionerId {
    value = TypedId.requireValid(value, "practitionerId");
  }

  public static PractitionerId of(String value) {
    return new PractitionerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
