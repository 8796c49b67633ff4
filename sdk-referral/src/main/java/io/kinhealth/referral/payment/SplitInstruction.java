package io.kinhealth.referral.payment;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.order.OrderId;
import java.util.List;

/**
 * Profit sharing (分账) of a paid order: split the listed amounts of the order's frozen funds to the receivers. The
 * SDK never asks for more receivers than the provider's profile allows in one request, nor more than its ratio cap.
 *
 * @param transaction the provider's id of the paid order (WeChat {@code transaction_id}, Alipay {@code trade_no})
 */
public record SplitInstruction(RequestKey key, String provider, OrderId order, String transaction,
    List<SplitReceiver> receivers) implements PaymentInstruction {
  public SplitInstruction {
    Check.notNull(key, "key");
    provider = TypedId.requireValid(provider, "provider");
    Check.notNull(order, "order");
    transaction = TypedId.requireValid(transaction, "transaction");
    receivers = List.copyOf(Check.notEmpty(receivers, "receivers"));
  }

  @Override
  public PaymentKind kind() {
    return PaymentKind.SPLIT;
  }

  @Override
  public Money amount() {
    Money sum = Money.zero(receivers.get(0).amount().currency());
    for (SplitReceiver r : receivers) {
      sum = sum.plus(r.amount());
    }
    return sum;
  }
}
