package io.kinhealth.referral.payment;

import io.kinhealth.core.id.TypedId;

/** A withdrawal request, chosen by the host: the key that makes requesting it idempotent. */
public record WithdrawalId(String value) implements TypedId {
  public WithdrawalId {
    value = TypedId.requireValid(value, "withdrawalId");
  }

  public static WithdrawalId of(String value) {
    return new WithdrawalId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
