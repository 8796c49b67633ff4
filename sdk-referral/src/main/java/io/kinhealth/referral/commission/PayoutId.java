package io.kinhealth.referral.commission;

import io.kinhealth.core.id.TypedId;

/** A payout to a party, chosen by the caller: the key that makes starting it idempotent. */
public record PayoutId(String value) implements TypedId {
  public PayoutId {
    value = TypedId.requireValid(value, "payoutId");
  }

  public static PayoutId of(String value) {
    return new PayoutId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
