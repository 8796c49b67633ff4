package io.kinhealth.referral.commission;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * A party's money as the ledger has it: commissions still held ({@code pending}), earnings that may be paid out now
 * ({@code available}), earnings held for a payout under way ({@code reserved}), and what the party owes the platform
 * ({@code debt}) from refunds after payout. While there is debt, the party may not withdraw.
 */
public record PartyBalance(PartyId party, Money pending, Money available, Money reserved, Money debt) {
  public PartyBalance {
    Check.notNull(party, "party");
    Check.notNull(pending, "pending");
    Check.notNull(available, "available");
    Check.notNull(reserved, "reserved");
    Check.notNull(debt, "debt");
  }

  /** Whether the party is free of debt (withdrawals are blocked while a debt is open). */
  public boolean isDebtFree() {
    return !debt.isPositive();
  }
}
