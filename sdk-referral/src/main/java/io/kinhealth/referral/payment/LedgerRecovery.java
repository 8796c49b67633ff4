package io.kinhealth.referral.payment;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * Part of a refund the provider cannot return from a receiver (a personal receiver, a split past the return window,
 * too many returns): it stays a debt on the ledger, netted against the party's later earnings and blocking its
 * withdrawals until paid.
 *
 * @param reason {@code referral.return.personal_receiver}, {@code referral.return.window_closed},
 *     {@code referral.return.limit} or {@code referral.return.not_split}
 */
public record LedgerRecovery(PartyId party, Money amount, String reason) {
  public LedgerRecovery {
    Check.notNull(party, "party");
    Check.notNull(amount, "amount");
    Check.positive(amount.minor(), "amount");
    Check.notBlank(reason, "reason");
  }
}
