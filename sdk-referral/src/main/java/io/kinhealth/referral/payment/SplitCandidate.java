package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * A party the ledger owes part of an order, as the planner sees it.
 *
 * @param account where the party receives money at the provider, or null when it has none (it is then paid from its
 *     wallet on the ledger)
 * @param owedMinor what the order still owes the party and has not yet been split to it
 * @param walletMinor what the party's wallet holds available now (a split can only pay out money in the wallet)
 */
public record SplitCandidate(PartyId party, ReceiverAccount account, long owedMinor, long walletMinor) {
  public SplitCandidate {
    Check.notNull(party, "party");
    Check.notNegative(owedMinor, "owedMinor");
    walletMinor = Math.max(0, walletMinor);
  }
}
