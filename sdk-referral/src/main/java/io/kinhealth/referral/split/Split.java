package io.kinhealth.referral.split;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of {@link SplitPlan#split}: what each role receives from each line, exact in minor units.
 *
 * <p>Held compactly (arrays); {@link #allocations()} builds the explained view on demand. Immutable once made;
 * safe to share between threads.
 */
public final class Split {
  private final SplitPlan plan;
  private final SplitRequest request;
  private final SplitPlan.Compiled[] lineRule;
  private final int[] offsets;
  private final long[] amounts;
  private final int[] flags;
  private final long[] bases;
  private final long[][] tieredWeights; // per rule index, where the request's volumes changed the weights
  private final PartyId[] partyByRole;

  Split(SplitPlan plan, SplitRequest request, SplitPlan.Compiled[] lineRule, int[] offsets, long[] amounts,
      int[] flags, long[] bases, long[][] tieredWeights, PartyId[] partyByRole) {
    this.plan = plan;
    this.request = request;
    this.lineRule = lineRule;
    this.offsets = offsets;
    this.amounts = amounts;
    this.flags = flags;
    this.bases = bases;
    this.tieredWeights = tieredWeights;
    this.partyByRole = partyByRole;
  }

  public SplitRequest request() {
    return request;
  }

  public SplitPlan plan() {
    return plan;
  }

  private Currency currency() {
    return plan.ruleSet().currency();
  }

  /** The order's total: the sum of its lines, and of every allocation. */
  public Money total() {
    long sum = 0;
    for (OrderLine l : request.lines()) {
      sum += l.amount().minor();
    }
    return Money.ofMinor(sum, currency());
  }

  /**
   * Every allocation, line by line in order and, within a line, in the rule's declared order (fixed shares, shares,
   * residual); the platform fallback appears only when it received something.
   */
  public List<Allocation> allocations() {
    List<Allocation> out = new ArrayList<>(amounts.length);
    List<OrderLine> lines = request.lines();
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = lines.get(i);
      SplitPlan.Compiled c = lineRule[i];
      Money base = Money.ofMinor(bases[i], currency());
      long[] weights = tieredWeights != null && tieredWeights[c.index] != null ? tieredWeights[c.index]
          : c.baseWeights;
      for (int s = 0; s < c.slotCount; s++) {
        int k = offsets[i] + s;
        AllocationBasis basis = c.slotBasis[s];
        if (basis == AllocationBasis.FALLBACK && amounts[k] == 0) {
          continue;
        }
        int r = c.slotRole[s];
        int bp = s >= c.fixedCount && s < c.fixedCount + c.shareCount ? (int) weights[s - c.fixedCount] : 0;
        out.add(new Allocation(line.id(), line.category(), plan.role(r), partyByRole[r],
            Money.ofMinor(amounts[k], currency()), c.name, basis, bp, base, adjustments(flags[k])));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** What each party receives over the whole order, in first-seen order. */
  public Map<PartyId, Money> totalsByParty() {
    Map<PartyId, Long> sums = new LinkedHashMap<>();
    for (int i = 0; i < lineRule.length; i++) {
      SplitPlan.Compiled c = lineRule[i];
      for (int s = 0; s < c.slotCount; s++) {
        long a = amounts[offsets[i] + s];
        PartyId p = partyByRole[c.slotRole[s]];
        if (a != 0 && p != null) {
          sums.merge(p, a, Long::sum);
        }
      }
    }
    Map<PartyId, Money> out = new LinkedHashMap<>();
    sums.forEach((p, a) -> out.put(p, Money.ofMinor(a, currency())));
    return Collections.unmodifiableMap(out);
  }

  /** What {@code role} receives from line {@code lineIndex}, in minor units. */
  public long amountMinor(int lineIndex, PartyRole role) {
    Check.inRange(lineIndex, 0, lineRule.length - 1, "lineIndex");
    SplitPlan.Compiled c = lineRule[lineIndex];
    long sum = 0;
    for (int s = 0; s < c.slotCount; s++) {
      if (plan.role(c.slotRole[s]).equals(role)) {
        sum += amounts[offsets[lineIndex] + s];
      }
    }
    return sum;
  }

  private static Set<Adjustment> adjustments(int f) {
    if (f == 0) {
      return Set.of();
    }
    Set<Adjustment> out = EnumSet.noneOf(Adjustment.class);
    if ((f & SplitPlan.FLAG_FIXED_TRUNCATED) != 0) {
      out.add(Adjustment.FIXED_TRUNCATED);
    }
    if ((f & SplitPlan.FLAG_CAPPED) != 0) {
      out.add(Adjustment.CAPPED);
    }
    if ((f & SplitPlan.FLAG_RECEIVED_CAP_EXCESS) != 0) {
      out.add(Adjustment.RECEIVED_CAP_EXCESS);
    }
    if ((f & SplitPlan.FLAG_FLOOR_TOPPED_UP) != 0) {
      out.add(Adjustment.FLOOR_TOPPED_UP);
    }
    if ((f & SplitPlan.FLAG_FLOOR_SHORT) != 0) {
      out.add(Adjustment.FLOOR_SHORT);
    }
    if ((f & SplitPlan.FLAG_FUNDED_FLOOR) != 0) {
      out.add(Adjustment.FUNDED_FLOOR);
    }
    if ((f & SplitPlan.FLAG_NO_PARTY) != 0) {
      out.add(Adjustment.NO_PARTY);
    }
    if ((f & SplitPlan.FLAG_WITHHELD) != 0) {
      out.add(Adjustment.WITHHELD);
    }
    if ((f & SplitPlan.FLAG_RECEIVED_REASSIGNED) != 0) {
      out.add(Adjustment.RECEIVED_REASSIGNED);
    }
    return out;
  }
}
