package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;
import java.util.List;

/** What splitting an order did: the plan, and the requests sent for it as they stand after the provider answered. */
public record SplitOutcome(ProviderSplitPlan plan, List<PaymentRequest> requests) {
  public SplitOutcome {
    Check.notNull(plan, "plan");
    requests = List.copyOf(Check.noNulls(requests, "requests"));
  }
}
