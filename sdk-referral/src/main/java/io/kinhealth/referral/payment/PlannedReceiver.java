package io.kinhealth.referral.payment;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * What a split plan does for one party: how much goes through the provider (in which request of the plan) and how
 * much is paid from the party's wallet on the ledger instead, and why.
 *
 * @param request the plan's request (0-based) carrying {@code viaProvider}; -1 when nothing goes through the provider
 * @param reason why part or all of it stays in the wallet ({@code referral.plan.no_receiver},
 *     {@code referral.plan.ratio_cap}, {@code referral.plan.wallet_short}), or null when all goes through the provider
 */
public record PlannedReceiver(PartyId party, ReceiverAccount account, Money owed, Money viaProvider, Money viaWallet,
    int request, String reason) {
  public PlannedReceiver {
    Check.notNull(party, "party");
    Check.notNull(owed, "owed");
    Check.notNull(viaProvider, "viaProvider");
    Check.notNull(viaWallet, "viaWallet");
    Check.that(viaProvider.plus(viaWallet).equals(owed), "viaWallet", "referral.plan.arithmetic",
        "what goes through the provider and the wallet adds up to what is owed");
    Check.that((request >= 0) == viaProvider.isPositive(), "request", "referral.plan.request",
        "a receiver is in a request exactly when something goes through the provider");
  }

  /** {@code meituan: 3000.00 by WeChat Pay (request 1), 2000.00 from the wallet (referral.plan.ratio_cap)}. */
  public String explain(String providerName) {
    StringBuilder sb = new StringBuilder(party.value()).append(": ");
    if (viaProvider.isPositive()) {
      sb.append(viaProvider.toPlainString()).append(" by ").append(providerName).append(" (request ")
          .append(request + 1).append(')');
    }
    if (viaWallet.isPositive()) {
      sb.append(viaProvider.isPositive() ? ", " : "").append(viaWallet.toPlainString())
          .append(" from the wallet (").append(reason).append(')');
    }
    return sb.toString();
  }
}
