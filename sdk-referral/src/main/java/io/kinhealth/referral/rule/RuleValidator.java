package io.kinhealth.referral.rule;

import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyRole;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a rule set before it may be used: its structure (the shares of each base sum to exactly 10,000 bp,
 * categories do not overlap, tiers ascend, caps are not below floors) and the compliance guards of a
 * {@link GuardPolicy} (staff shares of drug, exam and consumable revenue, staff referral fees, referral depth,
 * sign-up rewards).
 *
 * <p>Every violation is reported at once, each with a stable reason and the path of the offending part; guard
 * violations also cite their legal sources. Immutable and thread-safe.
 */
public final class RuleValidator {
  private final GuardPolicy policy;
  private final int depth;

  private RuleValidator(GuardPolicy policy, int depth) {
    this.policy = Check.notNull(policy, "policy");
    Check.inRange(depth, 1, policy.hardMaxDepth(), "depth");
    this.depth = depth;
  }

  /** A validator for {@code policy} allowing {@code depth} referral levels (at most the policy's hard maximum). */
  public static RuleValidator of(GuardPolicy policy, int depth) {
    return new RuleValidator(policy, depth);
  }

  /** A validator for the bundled policy at its default depth. */
  public static RuleValidator ofDefaults() {
    GuardPolicy p = GuardPolicy.bundled();
    return new RuleValidator(p, p.defaultDepth());
  }

  public GuardPolicy policy() {
    return policy;
  }

  public int depth() {
    return depth;
  }

  /** Every violation of {@code ruleSet}; empty when it may be used. */
  public List<RuleViolation> validate(RevenueShareRuleSet ruleSet) {
    Check.notNull(ruleSet, "ruleSet");
    List<RuleViolation> out = new ArrayList<>();
    Currency currency = ruleSet.currency();
    Set<String> names = new HashSet<>();
    EnumSet<RevenueCategory> named = EnumSet.noneOf(RevenueCategory.class);
    int defaults = 0;
    List<RevenueShareRule> rules = ruleSet.rules();
    for (int i = 0; i < rules.size(); i++) {
      RevenueShareRule rule = rules.get(i);
      String path = "rules[" + i + "]";
      if (!names.add(rule.name())) {
        out.add(structural("referral.rule.duplicate_name", path + ".name", "two rules are named " + rule.name()));
      }
      if (rule.isDefault() && ++defaults > 1) {
        out.add(structural("referral.rule.more_than_one_default", path + ".categories",
            "only one rule may apply to all other categories"));
      }
      for (RevenueCategory c : rule.categories()) {
        if (!named.add(c)) {
          out.add(structural("referral.rule.category_overlap", path + ".categories",
              "category " + c + " is split by two rules"));
        }
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      RevenueShareRule rule = rules.get(i);
      Set<RevenueCategory> categories = EnumSet.noneOf(RevenueCategory.class);
      if (rule.isDefault()) {
        categories.addAll(EnumSet.complementOf(named));
      } else {
        categories.addAll(rule.categories());
      }
      checkRule(rule, "rules[" + i + "]", categories, currency, out);
    }
    return List.copyOf(out);
  }

  /** Throws a {@link ValidationException} listing every violation, if there is any. */
  public void requireValid(RevenueShareRuleSet ruleSet) {
    List<RuleViolation> violations = validate(ruleSet);
    if (!violations.isEmpty()) {
      List<FieldViolation> fields = new ArrayList<>(violations.size());
      for (RuleViolation v : violations) {
        fields.add(v.toFieldViolation());
      }
      throw new ValidationException(fields);
    }
  }

  private void checkRule(RevenueShareRule rule, String path, Set<RevenueCategory> categories, Currency currency,
      List<RuleViolation> out) {
    if (rule.trigger() == RewardTrigger.SIGN_UP && policy.signUpRewardBan()) {
      out.add(new RuleViolation("referral.rule.signup_reward", path + ".trigger",
          "a reward for signing up alone, with no sale, is not allowed", policy.signUpSources()));
    }
    Set<PartyRole> fixedRoles = new HashSet<>();
    for (int j = 0; j < rule.fixedShares().size(); j++) {
      FixedShare f = rule.fixedShares().get(j);
      String p = path + ".fixedShares[" + j + "]";
      if (!fixedRoles.add(f.role())) {
        out.add(structural("referral.rule.duplicate_role", p, "role " + f.role() + " has two fixed shares"));
      }
      checkCurrency(f.perUnit(), currency, p + ".perUnit", out);
      checkRole(f.role(), f.kind(), categories, p, out);
    }
    Set<PartyRole> shareRoles = new HashSet<>();
    long baseSum = 0;
    long maxSum = 0;
    boolean limits = false;
    for (int j = 0; j < rule.shares().size(); j++) {
      PercentShare s = rule.shares().get(j);
      String p = path + ".shares[" + j + "]";
      if (!shareRoles.add(s.role())) {
        out.add(structural("referral.rule.duplicate_role", p, "role " + s.role() + " has two shares"));
      }
      if (s.role().equals(rule.residual())) {
        out.add(structural("referral.rule.residual_in_shares", p,
            "the residual role " + s.role() + " takes the rest and has no share of its own"));
      }
      baseSum += s.share().value();
      maxSum += s.maxShare().value();
      limits |= s.cap() != null || s.floor() != null || !s.tiers().isEmpty();
      checkLimits(s, currency, p, out);
      checkRole(s.role(), s.kind(), categories, p, out);
    }
    if (rule.residual() != null) {
      checkRole(rule.residual(), ShareKind.REVENUE_SHARE, categories, path + ".residual", out);
      if (rule.residual().isReferrer()) {
        out.add(structural("referral.rule.residual_referrer", path + ".residual",
            "a referrer may be absent from an order, so it cannot take the rest"));
      }
      if (maxSum > BasisPoints.SCALE) {
        out.add(structural("referral.rule.shares_exceed_whole", path + ".shares",
            "shares sum to " + maxSum + " bp at their highest tier, more than 10000 bp"));
      }
    } else {
      if (baseSum != BasisPoints.SCALE) {
        out.add(structural("referral.rule.shares_not_whole", path + ".shares",
            "shares sum to " + baseSum + " bp, not 10000 bp; name a residual role with rest(...) to take the rest"));
      }
      if (limits) {
        out.add(structural("referral.rule.limits_need_residual", path + ".residual",
            "caps, floors and tiers move money to and from a residual role, and this rule has none"));
      }
    }
  }

  private void checkLimits(PercentShare s, Currency currency, String p, List<RuleViolation> out) {
    if (s.cap() != null) {
      checkCurrency(s.cap(), currency, p + ".cap", out);
    }
    if (s.floor() != null) {
      checkCurrency(s.floor(), currency, p + ".floor", out);
    }
    if (s.cap() != null && s.floor() != null && s.cap().currency().equals(s.floor().currency())
        && s.cap().isLessThan(s.floor())) {
      out.add(structural("referral.rule.cap_below_floor", p + ".cap", "the cap is below the floor"));
    }
    long previous = 0;
    for (int k = 0; k < s.tiers().size(); k++) {
      VolumeTier t = s.tiers().get(k);
      checkCurrency(t.fromVolume(), currency, p + ".tiers[" + k + "].fromVolume", out);
      if (t.fromVolume().minor() <= previous) {
        out.add(structural("referral.rule.tiers_order", p + ".tiers[" + k + "]",
            "tiers must ascend by volume"));
      }
      previous = t.fromVolume().minor();
    }
  }

  private void checkRole(PartyRole role, ShareKind kind, Set<RevenueCategory> categories, String p,
      List<RuleViolation> out) {
    int level = role.referrerLevel();
    if (level > policy.hardMaxDepth()) {
      out.add(new RuleViolation("referral.rule.depth_exceeds_hard_max", p + ".role",
          "referral rewards may go at most " + policy.hardMaxDepth() + " levels deep", policy.depthSources()));
    } else if (level > depth) {
      out.add(new RuleViolation("referral.rule.depth_exceeds_policy", p + ".role",
          "this engine rewards " + depth + " referral level(s); " + role + " is deeper", policy.depthSources()));
    }
    if (!policy.isStaff(role)) {
      return;
    }
    String who = role.code().toLowerCase(Locale.ROOT);
    for (RevenueCategory c : categories) {
      if (policy.staffRevenueBan().contains(c)) {
        out.add(new RuleViolation("referral.rule." + who + "_share_of_" + c.name().toLowerCase(Locale.ROOT),
            p + ".role", role + " may not be paid a share of " + c + " revenue", policy.staffRevenueSources()));
      }
    }
    if (kind == ShareKind.REFERRAL_FEE && policy.staffReferralFeeBan()) {
      out.add(new RuleViolation("referral.rule." + who + "_referral_fee", p + ".kind",
          role + " may not be paid for referring patients", policy.staffReferralFeeSources()));
    }
  }

  private static void checkCurrency(Money m, Currency currency, String p, List<RuleViolation> out) {
    if (!m.currency().equals(currency)) {
      out.add(structural("referral.rule.currency", p, "the amount is not in the rule set's currency"));
    }
  }

  private static RuleViolation structural(String reason, String field, String message) {
    return new RuleViolation(reason, field, message, List.of());
  }
}
