package io.kinhealth.referral.order;

import io.kinhealth.core.validation.Check;

/** A recorded refund: the command as given and what it did, so a replay returns the first settlement. */
public record RefundRecord(OrderRefund command, RefundSettlement settlement) {
  public RefundRecord {
    Check.notNull(command, "command");
    Check.notNull(settlement, "settlement");
    Check.that(command.id().equals(settlement.refund()), "settlement", "referral.refund.id_mismatch",
        "the settlement is for another refund");
  }

  public RefundId id() {
    return command.id();
  }
}
