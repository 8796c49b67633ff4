package io.kinhealth.referral.split;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.LargestRemainder;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.FixedShare;
import io.kinhealth.referral.rule.PercentShare;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated rule set compiled for splitting orders fast: {@link #split(SplitRequest)} turns an order's lines into
 * an allocation per role per line, exact in minor units.
 *
 * <p>Guarantees: the allocations of each line sum exactly to the line's amount; percentage shares are divided by
 * {@link LargestRemainder} with ties going to the share declared first, so the same request always gives the same
 * split; every amount can be explained ({@link Allocation#explain()}). A plan is only ever made from a rule set that
 * passes {@link RuleValidator} (structure and compliance guards). Immutable and thread-safe: build one per rule-set
 * version and reuse it.
 */
public final class SplitPlan {
  static final int FLAG_FIXED_TRUNCATED = 1;
  static final int FLAG_CAPPED = 1 << 1;
  static final int FLAG_RECEIVED_CAP_EXCESS = 1 << 2;
  static final int FLAG_FLOOR_TOPPED_UP = 1 << 3;
  static final int FLAG_FLOOR_SHORT = 1 << 4;
  static final int FLAG_FUNDED_FLOOR = 1 << 5;
  static final int FLAG_NO_PARTY = 1 << 6;
  static final int FLAG_WITHHELD = 1 << 7;
  static final int FLAG_RECEIVED_REASSIGNED = 1 << 8;

  private static final RevenueCategory[] CATEGORIES = RevenueCategory.values();

  private final RevenueShareRuleSet ruleSet;
  private final PartyRole[] roles;
  private final Compiled[] rules;
  private final Compiled[] byCategory;

  /** One rule, laid out as slots: fixed shares, percentage shares, then the residual or the platform fallback. */
  static final class Compiled {
    final int index;
    final String name;
    final int fixedCount;
    final long[] fixedPerUnit;
    final int shareCount; // percentage shares plus the residual, if any
    final long[] baseWeights;
    final PercentShare[] tiered; // per share, null when no share of the rule is tiered
    final long[] caps; // per share; Long.MAX_VALUE for none
    final long[] floors; // per share; 0 for none
    final boolean hasLimits;
    final int residualSlot; // relative slot, or -1
    final int fallbackSlot; // relative slot receiving reassigned amounts
    final int slotCount;
    final int[] slotRole; // index into roles
    final AllocationBasis[] slotBasis;

    Compiled(int index, RevenueShareRule rule, Map<PartyRole, Integer> roleIndex) {
      this.index = index;
      this.name = rule.name();
      List<FixedShare> fixed = rule.fixedShares();
      List<PercentShare> shares = rule.shares();
      boolean residual = rule.residual() != null;
      fixedCount = fixed.size();
      shareCount = shares.size() + (residual ? 1 : 0);
      slotCount = fixedCount + shareCount + (residual ? 0 : 1);
      fixedPerUnit = new long[fixedCount];
      slotRole = new int[slotCount];
      slotBasis = new AllocationBasis[slotCount];
      for (int f = 0; f < fixedCount; f++) {
        fixedPerUnit[f] = fixed.get(f).perUnit().minor();
        slotRole[f] = roleIndex.get(fixed.get(f).role());
        slotBasis[f] = AllocationBasis.FIXED;
      }
      baseWeights = new long[shareCount];
      caps = new long[shareCount];
      floors = new long[shareCount];
      boolean anyTier = false;
      boolean limits = false;
      long sum = 0;
      for (int s = 0; s < shares.size(); s++) {
        PercentShare p = shares.get(s);
        baseWeights[s] = p.share().value();
        sum += baseWeights[s];
        caps[s] = p.cap() == null ? Long.MAX_VALUE : p.cap().minor();
        floors[s] = p.floor() == null ? 0 : p.floor().minor();
        anyTier |= !p.tiers().isEmpty();
        limits |= p.cap() != null || p.floor() != null;
        slotRole[fixedCount + s] = roleIndex.get(p.role());
        slotBasis[fixedCount + s] = AllocationBasis.SHARE;
      }
      if (residual) {
        residualSlot = fixedCount + shares.size();
        baseWeights[shares.size()] = BasisPoints.SCALE - sum;
        caps[shares.size()] = Long.MAX_VALUE;
        slotRole[residualSlot] = roleIndex.get(rule.residual());
        slotBasis[residualSlot] = AllocationBasis.RESIDUAL;
        fallbackSlot = residualSlot;
      } else {
        residualSlot = -1;
        fallbackSlot = slotCount - 1;
        slotRole[fallbackSlot] = roleIndex.get(PartyRole.PLATFORM);
        slotBasis[fallbackSlot] = AllocationBasis.FALLBACK;
      }
      hasLimits = limits;
      tiered = anyTier ? shares.toArray(new PercentShare[shareCount]) : null;
    }

    /** The weights at the given per-role volumes; the residual takes what the tiers leave. */
    long[] weightsAt(long[] volumeByRole) {
      long[] w = new long[shareCount];
      long sum = 0;
      int own = residualSlot < 0 ? shareCount : shareCount - 1;
      for (int s = 0; s < own; s++) {
        PercentShare p = tiered[s];
        w[s] = p.tiers().isEmpty() ? baseWeights[s] : p.shareAt(volumeByRole[slotRole[fixedCount + s]]);
        sum += w[s];
      }
      if (residualSlot >= 0) {
        w[shareCount - 1] = BasisPoints.SCALE - sum;
      }
      return w;
    }
  }

  private SplitPlan(RevenueShareRuleSet ruleSet) {
    this.ruleSet = ruleSet;
    Map<PartyRole, Integer> roleIndex = new HashMap<>();
    List<PartyRole> roleList = new ArrayList<>();
    roleIndex.put(PartyRole.PLATFORM, 0);
    roleList.add(PartyRole.PLATFORM);
    for (RevenueShareRule r : ruleSet.rules()) {
      List<PartyRole> used = new ArrayList<>();
      r.fixedShares().forEach(f -> used.add(f.role()));
      r.shares().forEach(s -> used.add(s.role()));
      if (r.residual() != null) {
        used.add(r.residual());
      }
      for (PartyRole role : used) {
        if (!roleIndex.containsKey(role)) {
          roleIndex.put(role, roleList.size());
          roleList.add(role);
        }
      }
    }
    roles = roleList.toArray(new PartyRole[0]);
    rules = new Compiled[ruleSet.rules().size()];
    byCategory = new Compiled[CATEGORIES.length];
    Compiled fallback = null;
    for (int i = 0; i < rules.length; i++) {
      RevenueShareRule r = ruleSet.rules().get(i);
      rules[i] = new Compiled(i, r, roleIndex);
      if (r.isDefault()) {
        fallback = rules[i];
      }
      for (RevenueCategory c : r.categories()) {
        byCategory[c.ordinal()] = rules[i];
      }
    }
    for (int c = 0; c < byCategory.length; c++) {
      if (byCategory[c] == null) {
        byCategory[c] = fallback;
      }
    }
  }

  /** A plan for {@code ruleSet}, which must pass the bundled guard policy at its default depth. */
  public static SplitPlan of(RevenueShareRuleSet ruleSet) {
    return of(ruleSet, RuleValidator.ofDefaults());
  }

  /** A plan for {@code ruleSet}, which must pass {@code validator}. */
  public static SplitPlan of(RevenueShareRuleSet ruleSet, RuleValidator validator) {
    Check.notNull(ruleSet, "ruleSet");
    Check.notNull(validator, "validator").requireValid(ruleSet);
    return new SplitPlan(ruleSet);
  }

  public RevenueShareRuleSet ruleSet() {
    return ruleSet;
  }

  PartyRole role(int index) {
    return roles[index];
  }

  /**
   * Splits the request's lines.
   *
   * @throws ValidationException {@code referral.split.no_rule} when no rule splits a line's category,
   *     {@code referral.split.missing_party} when a non-referrer role of a line's rule has no party,
   *     {@code money.currency_mismatch} when a line is not in the rule set's currency
   */
  public Split split(SplitRequest request) {
    Check.notNull(request, "request");
    List<OrderLine> lines = request.lines();
    int n = lines.size();
    PartyId[] partyByRole = new PartyId[roles.length];
    Map<PartyRole, PartyId> parties = request.parties();
    for (int r = 0; r < roles.length; r++) {
      partyByRole[r] = parties.get(roles[r]);
    }
    boolean withholding = !request.withheld().isEmpty();
    long[] volumeByRole = null;

    Compiled[] lineRule = new Compiled[n];
    int[] offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      OrderLine line = lines.get(i);
      Compiled c = byCategory[line.category().ordinal()];
      if (c == null) {
        throw new ValidationException("lines[" + i + "].category", "referral.split.no_rule",
            "no rule of " + ruleSet.id() + " v" + ruleSet.version() + " splits " + line.category() + " revenue");
      }
      if (!line.amount().currency().equals(ruleSet.currency())) {
        throw new ValidationException("lines[" + i + "].amount", "money.currency_mismatch",
            "the line is not in the rule set's currency");
      }
      lineRule[i] = c;
      offsets[i + 1] = offsets[i] + c.slotCount;
    }
    long[] amounts = new long[offsets[n]];
    int[] flags = new int[offsets[n]];
    long[] bases = new long[n];
    long[][] tieredWeights = null;

    for (int i = 0; i < n; i++) {
      OrderLine line = lines.get(i);
      Compiled c = lineRule[i];
      int off = offsets[i];
      long remaining = line.amount().minor();
      for (int f = 0; f < c.fixedCount; f++) {
        long want;
        try {
          want = Math.multiplyExact(c.fixedPerUnit[f], (long) line.quantity());
        } catch (ArithmeticException e) {
          throw new ValidationException("lines[" + i + "].quantity", "money.overflow", "fixed shares overflow");
        }
        long pay = Math.min(want, remaining);
        amounts[off + f] = pay;
        remaining -= pay;
        if (pay < want) {
          flags[off + f] |= FLAG_FIXED_TRUNCATED;
        }
      }
      bases[i] = remaining;
      long[] w = c.baseWeights;
      if (c.tiered != null) {
        if (tieredWeights == null) {
          tieredWeights = new long[rules.length][];
          volumeByRole = volumes(request);
        }
        if (tieredWeights[c.index] == null) {
          tieredWeights[c.index] = c.weightsAt(volumeByRole);
        }
        w = tieredWeights[c.index];
      }
      int shareOff = off + c.fixedCount;
      if (remaining > 0) {
        LargestRemainder.allocateInto(remaining, w, amounts, shareOff);
      }
      if (c.hasLimits) {
        applyLimits(c, amounts, flags, shareOff, off + c.residualSlot);
      }
      reassign(c, i, off, amounts, flags, partyByRole, withholding ? request.withheld() : null);
    }
    return new Split(this, request, lineRule, offsets, amounts, flags, bases, tieredWeights, partyByRole);
  }

  private long[] volumes(SplitRequest request) {
    long[] v = new long[roles.length];
    for (int r = 0; r < roles.length; r++) {
      Money m = request.volumes().get(roles[r]);
      v[r] = m == null ? 0 : m.minor();
    }
    return v;
  }

  /** Caps send the excess to the residual; floors are topped up from it, as far as it goes. */
  private static void applyLimits(Compiled c, long[] amounts, int[] flags, int shareOff, int residual) {
    int own = c.shareCount - 1; // limits need a residual, which is the last share
    for (int s = 0; s < own; s++) {
      int k = shareOff + s;
      if (amounts[k] > c.caps[s]) {
        long excess = amounts[k] - c.caps[s];
        amounts[k] = c.caps[s];
        amounts[residual] += excess;
        flags[k] |= FLAG_CAPPED;
        flags[residual] |= FLAG_RECEIVED_CAP_EXCESS;
      }
    }
    for (int s = 0; s < own; s++) {
      int k = shareOff + s;
      if (amounts[k] < c.floors[s]) {
        long need = c.floors[s] - amounts[k];
        long take = Math.min(need, amounts[residual]);
        if (take > 0) {
          amounts[k] += take;
          amounts[residual] -= take;
          flags[k] |= FLAG_FLOOR_TOPPED_UP;
          flags[residual] |= FLAG_FUNDED_FLOOR;
        }
        if (take < need) {
          flags[k] |= FLAG_FLOOR_SHORT;
        }
      }
    }
  }

  /** Moves what a referrer role without a party, or a withheld role, would get to the fallback slot. */
  private void reassign(Compiled c, int line, int off, long[] amounts, int[] flags, PartyId[] partyByRole,
      Map<PartyRole, String> withheld) {
    int fallback = off + c.fallbackSlot;
    for (int s = 0; s < c.slotCount; s++) {
      int k = off + s;
      int r = c.slotRole[s];
      if (k == fallback) {
        if (partyByRole[r] == null) {
          throw missingParty(line, roles[r]);
        }
        continue;
      }
      int flag;
      if (partyByRole[r] == null) {
        if (!roles[r].isReferrer()) {
          throw missingParty(line, roles[r]);
        }
        flag = FLAG_NO_PARTY;
      } else if (withheld != null && withheld.containsKey(roles[r])) {
        flag = FLAG_WITHHELD;
      } else {
        continue;
      }
      flags[k] |= flag;
      if (amounts[k] > 0) {
        amounts[fallback] += amounts[k];
        amounts[k] = 0;
        flags[fallback] |= FLAG_RECEIVED_REASSIGNED;
      }
    }
  }

  private static ValidationException missingParty(int line, PartyRole role) {
    return new ValidationException("parties", "referral.split.missing_party",
        "the rule for lines[" + line + "] pays role " + role + ", which has no party in this order");
  }
}
