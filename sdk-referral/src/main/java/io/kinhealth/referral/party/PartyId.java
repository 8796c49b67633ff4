package io.kinhealth.referral.party;

import io.kinhealth.core.id.TypedId;

/**
 * Anyone money can be owed to or by in referral and revenue share: a person (a referrer, a doctor, an answerer), an
 * organisation (a clinic, an agency, a supplier), a channel, or the platform itself.
 *
 * <p>The value is an opaque id chosen by the host (not personal data), valid as a {@link TypedId}. Hosts that keep
 * persons and organisations in one namespace may prefix values themselves, e.g. {@code org:clinic-7}.
 */
public record PartyId(String value) implements TypedId {
  public PartyId {
    value = TypedId.requireValid(value, "partyId");
  }

  public static PartyId of(String value) {
    return new PartyId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
