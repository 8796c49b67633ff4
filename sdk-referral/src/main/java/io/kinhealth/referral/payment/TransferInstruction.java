package io.kinhealth.referral.payment;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * Paying a person out (商家转账 / 单笔转账) to their wallet or bank card.
 *
 * @param remark shown to the person (WeChat allows 32 characters); never personal data
 */
public record TransferInstruction(RequestKey key, String provider, PartyId party, PayoutDestination destination,
    Money amount, String remark) implements PaymentInstruction {
  public TransferInstruction {
    Check.notNull(key, "key");
    provider = TypedId.requireValid(provider, "provider");
    Check.notNull(party, "party");
    Check.notNull(destination, "destination");
    Check.notNull(amount, "amount");
    Check.positive(amount.minor(), "amount");
    remark = Check.text(remark, "remark", 32);
  }

  @Override
  public PaymentKind kind() {
    return PaymentKind.TRANSFER;
  }
}
