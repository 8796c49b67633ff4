package io.kinhealth.referral.order;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.split.Allocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What recording a paid order did: the rule-set version that split it, every allocation with its explanation, the
 * commissions it created (one per paid role other than the platform), the platform's share, and the ledger entry that
 * booked it all.
 */
public record OrderSettlement(
    OrderId order,
    RuleSetId ruleSet,
    int ruleSetVersion,
    Money total,
    List<Allocation> allocations,
    List<CommissionId> commissions,
    Money platformShare,
    EntryId entry) {
  public OrderSettlement {
    Check.notNull(order, "order");
    Check.notNull(ruleSet, "ruleSet");
    Check.notNull(total, "total");
    allocations = List.copyOf(allocations);
    commissions = List.copyOf(commissions);
    Check.notNull(platformShare, "platformShare");
    Check.notNull(entry, "entry");
  }

  /** What each party receives over the whole order. */
  public Map<PartyId, Money> totalsByParty() {
    Map<PartyId, Money> out = new LinkedHashMap<>();
    for (Allocation a : allocations) {
      if (a.party() != null && a.amount().isPositive()) {
        out.merge(a.party(), a.amount(), Money::plus);
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
