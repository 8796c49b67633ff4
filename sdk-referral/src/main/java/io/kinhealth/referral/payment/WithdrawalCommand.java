package io.kinhealth.referral.payment;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * A party asks to withdraw {@code amount} of its wallet (fee included) through {@code provider} to
 * {@code destination}. Requesting the same id again with an equal command returns the first withdrawal.
 */
public record WithdrawalCommand(WithdrawalId id, PartyId party, Money amount, String provider,
    PayoutDestination destination) {
  public WithdrawalCommand {
    Check.notNull(id, "id");
    Check.notNull(party, "party");
    Check.notNull(amount, "amount");
    Check.positive(amount.minor(), "amount");
    provider = TypedId.requireValid(provider, "provider");
    Check.notNull(destination, "destination");
  }
}
