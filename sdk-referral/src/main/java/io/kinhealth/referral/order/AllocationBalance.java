package io.kinhealth.referral.order;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.split.Allocation;

/** One allocation of a recorded order and how much of it refunds have taken back so far. */
public record AllocationBalance(Allocation allocation, Money refunded) {
  public AllocationBalance {
    Check.notNull(allocation, "allocation");
    Check.notNull(refunded, "refunded");
    Check.that(!refunded.isNegative() && !refunded.isGreaterThan(allocation.amount()), "refunded",
        "referral.refund.exceeds_allocation", "refunded must be between zero and the allocation");
  }

  public Money remaining() {
    return allocation.amount().minus(refunded);
  }
}
