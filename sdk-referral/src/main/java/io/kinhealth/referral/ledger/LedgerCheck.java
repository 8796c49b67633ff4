package io.kinhealth.referral.ledger;

import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The result of checking a ledger's invariants over every account: in each currency, posted and pending nets
 * (credits minus debits) both sum to zero, and no balance is beyond its account's bound.
 *
 * @param accounts how many accounts were read
 * @param postedSums per currency, the sum of every account's posted credits minus debits (zero when sound)
 * @param pendingSums per currency, the sum of every account's pending credits minus debits (zero when sound)
 * @param outOfBounds accounts whose balance is beyond their overdraft bound
 */
public record LedgerCheck(
    long accounts, Map<Currency, Long> postedSums, Map<Currency, Long> pendingSums, List<AccountId> outOfBounds) {
  public LedgerCheck {
    postedSums = Map.copyOf(postedSums);
    pendingSums = Map.copyOf(pendingSums);
    outOfBounds = List.copyOf(outOfBounds);
  }

  public boolean isSound() {
    return postedSums.values().stream().allMatch(v -> v == 0)
        && pendingSums.values().stream().allMatch(v -> v == 0)
        && outOfBounds.isEmpty();
  }
}
