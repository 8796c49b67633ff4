package io.kinhealth.referral.payment;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.order.OrderId;
import java.util.ArrayList;
import java.util.List;

/**
 * How an order's shares reach their parties at one provider: per party what goes through the provider's split and
 * what is paid from the wallet on the ledger, grouped into requests the provider accepts. Made by
 * {@link ProviderPlanner}; every amount is exact in fen, and {@code viaProvider} in total never exceeds the ratio
 * cap left on the order.
 *
 * @param cap the most of the order the provider lets the platform split
 * @param splitBefore what earlier requests of the order split (or may still split, while in flight)
 * @param requestsBefore how many split requests the order had before this plan
 */
public record ProviderSplitPlan(OrderId order, ProviderProfile profile, Money orderTotal, Money cap,
    Money splitBefore, int requestsBefore, List<PlannedReceiver> receivers, int requests) {
  public ProviderSplitPlan {
    Check.notNull(order, "order");
    Check.notNull(profile, "profile");
    Check.notNull(orderTotal, "orderTotal");
    Check.notNull(cap, "cap");
    Check.notNull(splitBefore, "splitBefore");
    Check.notNegative(requestsBefore, "requestsBefore");
    receivers = List.copyOf(Check.noNulls(receivers, "receivers"));
    Check.notNegative(requests, "requests");
  }

  /** What this plan splits through the provider. */
  public Money viaProvider() {
    Money sum = Money.zero(orderTotal.currency());
    for (PlannedReceiver r : receivers) {
      sum = sum.plus(r.viaProvider());
    }
    return sum;
  }

  /** What this plan leaves to be paid from wallets. */
  public Money viaWallet() {
    Money sum = Money.zero(orderTotal.currency());
    for (PlannedReceiver r : receivers) {
      sum = sum.plus(r.viaWallet());
    }
    return sum;
  }

  /** The receivers of request {@code index} (0-based), in plan order. */
  public List<PlannedReceiver> request(int index) {
    Check.inRange(index, 0, Math.max(0, requests - 1), "index");
    List<PlannedReceiver> out = new ArrayList<>();
    for (PlannedReceiver r : receivers) {
      if (r.request() == index) {
        out.add(r);
      }
    }
    return out;
  }

  /** One line per party, saying where its money goes. */
  public List<String> explain() {
    List<String> out = new ArrayList<>(receivers.size());
    for (PlannedReceiver r : receivers) {
      out.add(r.explain(profile.displayName()));
    }
    return out;
  }
}
