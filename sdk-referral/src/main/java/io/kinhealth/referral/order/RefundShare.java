package io.kinhealth.referral.order;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;

/** What one refund takes back from one allocation of one line. */
public record RefundShare(String lineId, PartyRole role, PartyId party, Money amount) {
  public RefundShare {
    Check.notNull(lineId, "lineId");
    Check.notNull(role, "role");
    Check.notNull(party, "party");
    Check.notNull(amount, "amount");
  }
}
