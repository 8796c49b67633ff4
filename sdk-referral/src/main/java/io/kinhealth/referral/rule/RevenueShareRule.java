package io.kinhealth.referral.rule;

import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the lines of some revenue categories are split: a waterfall of fixed shares first, then percentage shares of
 * what is left, with an optional residual role taking "the rest".
 *
 * <p>Per line: each {@link FixedShare} is paid in declared order; the remainder is split by largest remainder among
 * the {@link PercentShare}s and the residual (whose weight is 10,000 bp less the others), ties going to the share
 * declared first; caps and floors then move money between a share and the residual. A share whose role has no party
 * in an order (no referrer, say), or whose pay the guards withhold, goes to the residual role, or to the platform if
 * the rule has none. Checked by {@link RuleValidator} before use.
 *
 * @param name unique within its rule set; named in every allocation it produces
 * @param categories the revenue categories it splits; empty means every category no other rule names
 * @param residual the role that takes the rest, or null when the percentage shares already make 10,000 bp
 */
public record RevenueShareRule(
    String name,
    Set<RevenueCategory> categories,
    RewardTrigger trigger,
    List<FixedShare> fixedShares,
    List<PercentShare> shares,
    PartyRole residual) {

  public RevenueShareRule {
    name = Check.text(name, "name", 64);
    categories = Collections.unmodifiableSet(categories == null || categories.isEmpty()
        ? EnumSet.noneOf(RevenueCategory.class) : EnumSet.copyOf(Check.noNulls(categories, "categories")));
    Check.notNull(trigger, "trigger");
    fixedShares = List.copyOf(Check.noNulls(fixedShares, "fixedShares"));
    shares = List.copyOf(Check.noNulls(shares, "shares"));
  }

  /** Whether this rule splits every category that no other rule names. */
  public boolean isDefault() {
    return categories.isEmpty();
  }

  /** Starts a rule with this name. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Builds a {@link RevenueShareRule}; {@link #rest} names the residual role. */
  public static final class Builder {
    private final String name;
    private final Set<RevenueCategory> categories = EnumSet.noneOf(RevenueCategory.class);
    private RewardTrigger trigger = RewardTrigger.PAID_ORDER;
    private final List<FixedShare> fixed = new ArrayList<>();
    private final List<PercentShare> shares = new ArrayList<>();
    private PartyRole residual;

    private Builder(String name) {
      this.name = name;
    }

    /** The categories this rule splits (call with none for the default rule). */
    public Builder categories(RevenueCategory... categories) {
      this.categories.addAll(List.of(Check.notNull(categories, "categories")));
      return this;
    }

    public Builder trigger(RewardTrigger trigger) {
      this.trigger = Check.notNull(trigger, "trigger");
      return this;
    }

    /** A fixed amount per unit, paid first. */
    public Builder fixed(PartyRole role, Money perUnit, ShareKind kind) {
      fixed.add(new FixedShare(role, perUnit, kind));
      return this;
    }

    /** A revenue share in basis points of what is left after the fixed shares. */
    public Builder share(PartyRole role, BasisPoints share) {
      shares.add(PercentShare.of(role, share));
      return this;
    }

    /** A share in basis points of what is left after the fixed shares, for a reason other than revenue share. */
    public Builder share(PartyRole role, BasisPoints share, ShareKind kind) {
      shares.add(PercentShare.of(role, share).as(kind));
      return this;
    }

    public Builder share(PercentShare share) {
      shares.add(Check.notNull(share, "share"));
      return this;
    }

    /** The role that takes the rest. */
    public Builder rest(PartyRole role) {
      this.residual = Check.notNull(role, "residual");
      return this;
    }

    public RevenueShareRule build() {
      return new RevenueShareRule(name, categories, trigger, fixed, shares, residual);
    }
  }
}
