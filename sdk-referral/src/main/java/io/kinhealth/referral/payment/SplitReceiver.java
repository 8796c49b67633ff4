package io.kinhealth.referral.payment;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * One receiver of a split: the party it pays (for the SDK's books; adapters ignore it), the provider-side account
 * and its type, the amount and a description (at most 80 characters, as WeChat Pay allows; never personal data).
 */
public record SplitReceiver(PartyId party, ReceiverType type, String account, Money amount, String description) {
  public SplitReceiver {
    Check.notNull(party, "party");
    Check.notNull(type, "type");
    account = Check.text(account, "account", 64);
    Check.notNull(amount, "amount");
    Check.positive(amount.minor(), "amount");
    description = Check.text(description, "description", 80);
  }

  @Override
  public String toString() {
    return "SplitReceiver[" + party + ", " + type + ", " + ReceiverAccount.mask(account) + ", "
        + amount.toPlainString() + "]";
  }
}
