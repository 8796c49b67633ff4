package io.kinhealth.referral.payment;

import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.money.LargestRemainder;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.order.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Plans an order's split within a provider's limits. Pure and deterministic: the same inputs give the same plan.
 *
 * <ul>
 *   <li>only a party with a receiver account at the provider can be split to, and only what is in its wallet;
 *   <li>the order's splits together stay within the profile's ratio cap of the order's amount; when the parties want
 *       more, the cap left is shared in proportion to what each wants (largest remainder, ties to the earlier party),
 *       and the rest is paid from their wallets on the ledger;
 *   <li>receivers are grouped into requests of at most the profile's receivers per request, in candidate order;
 *   <li>a plan the provider could not carry out is refused, naming the limit: more split requests than the order
 *       may have ({@code referral.provider.split_requests}), or funds no longer frozen
 *       ({@code referral.provider.freeze_period}).
 * </ul>
 */
public final class ProviderPlanner {
  public static final String NO_RECEIVER = "referral.plan.no_receiver";
  public static final String RATIO_CAP = "referral.plan.ratio_cap";
  public static final String WALLET_SHORT = "referral.plan.wallet_short";

  private ProviderPlanner() {}

  /**
   * Plans the next split of {@code order}.
   *
   * @param orderTotal what the customer paid for the order
   * @param paidAt when, for the provider's freeze period
   * @param splitBeforeMinor what the order's earlier split requests split or may still split
   * @param requestsBefore how many split requests the order already had
   * @param candidates the parties owed part of the order, in a stable order
   * @throws LimitExceededException naming the provider limit the plan would break
   */
  public static ProviderSplitPlan plan(ProviderProfile profile, OrderId order, Money orderTotal, Instant paidAt,
      Instant now, long splitBeforeMinor, int requestsBefore, List<SplitCandidate> candidates) {
    Check.notNull(profile, "profile");
    Check.notNull(order, "order");
    Check.notNull(orderTotal, "orderTotal");
    Check.notNull(paidAt, "paidAt");
    Check.notNull(now, "now");
    Check.notNegative(splitBeforeMinor, "splitBefore");
    Check.notNegative(requestsBefore, "requestsBefore");
    Check.noNulls(candidates, "candidates");
    Currency currency = orderTotal.currency();
    if (!now.isBefore(paidAt.plus(profile.freezePeriod()))) {
      throw new LimitExceededException("referral.provider.freeze_period", "order", profile.displayName()
          + " releases an order's frozen funds " + profile.freezePeriod().toDays() + " days after payment; order "
          + order + " can no longer be split");
    }
    long cap = profile.splitCapMinor(orderTotal.minor());
    long capLeft = Math.max(0, cap - splitBeforeMinor);

    int n = candidates.size();
    long[] wants = new long[n];
    long wanted = 0;
    for (int i = 0; i < n; i++) {
      SplitCandidate c = candidates.get(i);
      if (c.account() != null && c.account().provider().equals(profile.provider())) {
        wants[i] = Math.min(c.owedMinor(), c.walletMinor());
        wanted += wants[i];
      }
    }
    long[] via = wanted <= capLeft || wanted == 0 ? wants : LargestRemainder.allocate(capLeft, wants);

    List<PlannedReceiver> out = new ArrayList<>(n);
    int inRequests = 0;
    for (int i = 0; i < n; i++) {
      SplitCandidate c = candidates.get(i);
      long owed = c.owedMinor();
      long provider = via[i];
      String reason = null;
      if (provider < owed) {
        if (c.account() == null || !c.account().provider().equals(profile.provider())) {
          reason = NO_RECEIVER;
        } else if (provider < wants[i]) {
          reason = RATIO_CAP;
        } else {
          reason = WALLET_SHORT;
        }
      }
      int request = provider > 0 ? inRequests++ / profile.maxReceiversPerSplit() : -1;
      out.add(new PlannedReceiver(c.party(), c.account(), Money.ofMinor(owed, currency),
          Money.ofMinor(provider, currency), Money.ofMinor(owed - provider, currency), request, reason));
    }
    int requests = (inRequests + profile.maxReceiversPerSplit() - 1) / profile.maxReceiversPerSplit();
    if (requestsBefore + requests > profile.maxSplitsPerOrder()) {
      throw new LimitExceededException("referral.provider.split_requests", "order", profile.displayName()
          + " allows at most " + profile.maxSplitsPerOrder() + " split requests per order; order " + order
          + " has had " + requestsBefore + " and this plan needs " + requests + " more");
    }
    return new ProviderSplitPlan(order, profile, orderTotal, Money.ofMinor(cap, currency),
        Money.ofMinor(splitBeforeMinor, currency), requestsBefore, out, requests);
  }
}
