package io.kinhealth.referral.ledger;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.referral.internal.DerivedIds;

/** A hold's id, chosen by the caller and unique in a ledger; later entries post or void the hold by it. */
public record HoldId(String value) implements TypedId {
  public HoldId {
    value = TypedId.requireValid(value, "holdId");
  }

  public static HoldId of(String value) {
    return new HoldId(value);
  }

  /** A deterministic id, as {@link EntryId#derive}. */
  public static HoldId derive(String kind, String... parts) {
    return new HoldId(DerivedIds.derive(kind, parts));
  }

  @Override
  public String toString() {
    return value;
  }
}
