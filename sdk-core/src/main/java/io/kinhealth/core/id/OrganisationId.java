package io.kinhealth.core.id;

/** An organisation: hospital, clinic, insurer, platform, supplier. */
public record OrganisationId(String value) implements TypedId {
  public OrganisationId {
    value = TypedId.requireValid(value, "organisationId");
  }

  public static OrganisationId of(String value) {
    return new OrganisationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
