package io.kinhealth.referral.payment;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.order.OrderId;
import java.util.Currency;

/**
 * Releasing (解冻) what is left of a paid order's frozen funds to the merchant. The provider decides the amount (all
 * that was not split); after it succeeds the order can no longer be split.
 */
public record UnfreezeInstruction(RequestKey key, String provider, OrderId order, String transaction,
    Currency currency, String description) implements PaymentInstruction {
  public UnfreezeInstruction {
    Check.notNull(key, "key");
    provider = TypedId.requireValid(provider, "provider");
    Check.notNull(order, "order");
    transaction = TypedId.requireValid(transaction, "transaction");
    Check.notNull(currency, "currency");
    description = Check.text(description, "description", 80);
  }

  @Override
  public PaymentKind kind() {
    return PaymentKind.UNFREEZE;
  }

  @Override
  public Money amount() {
    return Money.zero(currency);
  }
}
