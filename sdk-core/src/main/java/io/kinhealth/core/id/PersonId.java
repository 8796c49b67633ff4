package io.kinhealth.core.id;

/** A person: a patient, a family member, a referrer, a practitioner's own identity. */
public record PersonId(String value) implements TypedId {
  public PersonId {
    value = TypedId.requireValid(value, "personId");
  }

  public static PersonId of(String value) {
    return new PersonId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
