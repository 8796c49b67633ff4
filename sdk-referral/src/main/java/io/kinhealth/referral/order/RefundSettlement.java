package io.kinhealth.referral.order;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.party.PartyId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What recording a refund did: the amount refunded, what it took back from each allocation (split by largest
 * remainder over what was left of each), the part of it that became debt because the party had already been paid,
 * and the ledger entry that booked it.
 *
 * @param debt per party, what could not be taken from available earnings and is now owed to the platform
 */
public record RefundSettlement(
    RefundId refund, OrderId order, Money total, List<RefundShare> shares, Map<PartyId, Money> debt, EntryId entry) {
  public RefundSettlement {
    Check.notNull(refund, "refund");
    Check.notNull(order, "order");
    Check.notNull(total, "total");
    shares = List.copyOf(shares);
    debt = Collections.unmodifiableMap(new LinkedHashMap<>(Check.noNulls(debt, "debt")));
    Check.notNull(entry, "entry");
  }

  /** What the refund took back from each party. */
  public Map<PartyId, Money> byParty() {
    Map<PartyId, Money> out = new LinkedHashMap<>();
    for (RefundShare s : shares) {
      if (s.amount().isPositive()) {
        out.merge(s.party(), s.amount(), Money::plus);
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
