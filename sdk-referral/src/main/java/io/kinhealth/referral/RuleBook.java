package io.kinhealth.referral;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.rule.RuleValidator;
import io.kinhealth.referral.rule.RuleViolation;
import io.kinhealth.referral.spi.ReferralStore;
import io.kinhealth.referral.split.SplitPlan;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published revenue-share rule sets: validates a set before publishing it, keeps every version, and finds the
 * version in force at an instant.
 *
 * <p>Guarantees: nothing that fails the {@link RuleValidator} (structure or compliance guards) is ever published;
 * versions of a rule set are published in order (1, 2, 3...); a version after the first may not take effect before
 * it is published, so no already-paid order could be re-split under it; publishing the same version again with the
 * same rules returns it, with other rules fails with {@code IDEMPOTENCY_CONFLICT}. Compiled {@link SplitPlan}s are
 * cached per version. Thread-safe; obtained from {@link ReferralEngine#rules()}.
 */
public final class RuleBook {
  private final ReferralStore store;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final RuleValidator validator;
  private final Currency currency;
  private final Map<String, SplitPlan> plans = new ConcurrentHashMap<>();

  RuleBook(ReferralStore store, TransactionRunner transactions, Clock clock, RuleValidator validator,
      Currency currency) {
    this.store = store;
    this.transactions = transactions;
    this.clock = clock;
    this.validator = validator;
    this.currency = currency;
  }

  public RuleValidator validator() {
    return validator;
  }

  /** Every reason {@code ruleSet} could not be published; empty if it could. */
  public List<RuleViolation> validate(RevenueShareRuleSet ruleSet) {
    return validator.validate(ruleSet);
  }

  /**
   * Publishes a version of a rule set.
   *
   * @throws ValidationException listing every violation, or {@code referral.rule.retroactive} /
   *     {@code referral.rule.currency}
   * @throws ConflictException {@code referral.rule.version_conflict} when it is not the next version
   */
  public RevenueShareRuleSet publish(RevenueShareRuleSet ruleSet) {
    Check.notNull(ruleSet, "ruleSet");
    validator.requireValid(ruleSet);
    Check.that(ruleSet.currency().equals(currency), "currency", "referral.rule.currency",
        "this engine books " + currency + ", the rule set is in " + ruleSet.currency());
    return transactions.inTransaction(() -> {
      Optional<RevenueShareRuleSet> same = store.ruleSet(ruleSet.id(), ruleSet.version());
      if (same.isPresent()) {
        return store.insertRuleSet(ruleSet); // the same rules return it; others conflict
      }
      int latest = store.latestRuleSet(ruleSet.id()).map(RevenueShareRuleSet::version).orElse(0);
      if (ruleSet.version() != latest + 1) {
        throw new ConflictException("referral.rule.version_conflict", "version",
            "the next version of " + ruleSet.id() + " is " + (latest + 1));
      }
      Instant now = clock.instant();
      if (latest > 0 && ruleSet.effectiveFrom().isBefore(now)) {
        throw new ValidationException("effectiveFrom", "referral.rule.retroactive",
            "a new version may not take effect before it is published");
      }
      return store.insertRuleSet(ruleSet);
    });
  }

  /** The version of {@code id} in force at {@code at}. */
  public RevenueShareRuleSet inForce(RuleSetId id, Instant at) {
    Check.notNull(id, "id");
    Check.notNull(at, "at");
    return store.ruleSetInForce(id, at).orElseThrow(() -> new NotFoundException("referral.rule.none_in_force",
        "ruleSet", "no version of " + id + " is in force at that time"));
  }

  public Optional<RevenueShareRuleSet> version(RuleSetId id, int version) {
    return store.ruleSet(Check.notNull(id, "id"), version);
  }

  /** The compiled plan for a published version. */
  public SplitPlan plan(RevenueShareRuleSet ruleSet) {
    Check.notNull(ruleSet, "ruleSet");
    String key = ruleSet.id().value() + '#' + ruleSet.version();
    SplitPlan plan = plans.get(key);
    if (plan == null || !plan.ruleSet().equals(ruleSet)) {
      plan = SplitPlan.of(ruleSet, validator);
      plans.put(key, plan);
    }
    return plan;
  }
}
