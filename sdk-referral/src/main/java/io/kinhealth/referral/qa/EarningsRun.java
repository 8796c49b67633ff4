package io.kinhealth.referral.qa;

import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.payment.Withdrawal;
import java.util.List;

/** What one pass over matured earnings did: commissions made available, and payouts started over the threshold. */
public record EarningsRun(int released, List<Withdrawal> payouts) {
  public EarningsRun {
    Check.notNegative(released, "released");
    payouts = List.copyOf(Check.noNulls(payouts, "payouts"));
  }
}
