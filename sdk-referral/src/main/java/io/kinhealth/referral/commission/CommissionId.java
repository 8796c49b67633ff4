package io.kinhealth.referral.commission;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.referral.internal.DerivedIds;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.party.PartyRole;

/** A commission: what one role earns from one order. Derived from both, so a replayed order finds its own. */
public record CommissionId(String value) implements TypedId {
  public CommissionId {
    value = TypedId.requireValid(value, "commissionId");
  }

  public static CommissionId of(String value) {
    return new CommissionId(value);
  }

  /** The commission of {@code role} on {@code order}. */
  public static CommissionId of(OrderId order, PartyRole role) {
    return new CommissionId(DerivedIds.derive("c", order.value(), role.code()));
  }

  @Override
  public String toString() {
    return value;
  }
}
