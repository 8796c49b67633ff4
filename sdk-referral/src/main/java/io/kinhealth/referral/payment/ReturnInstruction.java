package io.kinhealth.referral.payment;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.party.PartyId;

/**
 * Returning (回退) part of a split from one receiver to the merchant. The SDK asks only for what the provider allows:
 * from a receiver type the profile can return from, within its return window, at most what that split paid the
 * receiver less what was returned already.
 *
 * @param split the key of the split request that paid the receiver
 */
public record ReturnInstruction(RequestKey key, String provider, OrderId order, RequestKey split, String transaction,
    PartyId party, ReceiverType type, String account, Money amount, String description)
    implements PaymentInstruction {
  public ReturnInstruction {
    Check.notNull(key, "key");
    provider = TypedId.requireValid(provider, "provider");
    Check.notNull(order, "order");
    Check.notNull(split, "split");
    transaction = TypedId.requireValid(transaction, "transaction");
    Check.notNull(party, "party");
    Check.notNull(type, "type");
    account = Check.text(account, "account", 64);
    Check.notNull(amount, "amount");
    Check.positive(amount.minor(), "amount");
    description = Check.text(description, "description", 80);
  }

  @Override
  public PaymentKind kind() {
    return PaymentKind.RETURN;
  }

  @Override
  public String toString() {
    return "ReturnInstruction[" + key + ", " + provider + ", " + order + ", split " + split + ", " + party + ", "
        + type + ", " + ReceiverAccount.mask(account) + ", " + amount.toPlainString() + "]";
  }
}
