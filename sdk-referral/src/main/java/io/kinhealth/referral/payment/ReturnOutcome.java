package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.order.RefundId;
import java.util.List;

/**
 * What recovering a refund from split receivers did: the returns sent to the provider (as they stand after it
 * answered) and what stays a debt on the ledger because the provider cannot return it.
 */
public record ReturnOutcome(RefundId refund, List<PaymentRequest> returns, List<LedgerRecovery> onLedger) {
  public ReturnOutcome {
    Check.notNull(refund, "refund");
    returns = List.copyOf(Check.noNulls(returns, "returns"));
    onLedger = List.copyOf(Check.noNulls(onLedger, "onLedger"));
  }
}
