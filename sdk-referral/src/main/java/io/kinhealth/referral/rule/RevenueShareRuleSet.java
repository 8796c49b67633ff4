package io.kinhealth.referral.rule;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * One version of a named set of revenue-share rules, in force from {@code effectiveFrom} until a later version of
 * the same id takes over. An order is split by the version in force when it was paid, so publishing a new version
 * never changes an earlier order's split or the refunds of it.
 */
public record RevenueShareRuleSet(
    RuleSetId id, int version, Instant effectiveFrom, Currency currency, List<RevenueShareRule> rules) {
  public RevenueShareRuleSet {
    Check.notNull(id, "id");
    Check.positive(version, "version");
    Check.notNull(effectiveFrom, "effectiveFrom");
    Check.notNull(currency, "currency");
    rules = List.copyOf(Check.notEmpty(rules, "rules"));
  }

  public static Builder builder(RuleSetId id, int version) {
    return new Builder(id, version);
  }

  /** Builds a {@link RevenueShareRuleSet} (CNY unless told otherwise). */
  public static final class Builder {
    private final RuleSetId id;
    private final int version;
    private Instant effectiveFrom;
    private Currency currency = Money.CNY;
    private final List<RevenueShareRule> rules = new ArrayList<>();

    private Builder(RuleSetId id, int version) {
      this.id = id;
      this.version = version;
    }

    public Builder effectiveFrom(Instant effectiveFrom) {
      this.effectiveFrom = effectiveFrom;
      return this;
    }

    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    public Builder rule(RevenueShareRule rule) {
      rules.add(Check.notNull(rule, "rule"));
      return this;
    }

    public RevenueShareRuleSet build() {
      return new RevenueShareRuleSet(id, version, effectiveFrom, currency, rules);
    }
  }
}
