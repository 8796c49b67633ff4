package io.kinhealth.referral.rule;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyRole;

/**
 * A fixed amount per unit of a line, paid before any percentage (the top of the waterfall): an answer's 10-yuan
 * fee, a crowdsourced staff member's bonus per accepted answer, a fixed cost. When a line is too small to pay every
 * fixed share in full, they are paid in declared order until the line runs out.
 */
public record FixedShare(PartyRole role, Money perUnit, ShareKind kind) {
  public FixedShare {
    Check.notNull(role, "role");
    Check.notNull(perUnit, "perUnit");
    Check.that(perUnit.isPositive(), "perUnit", "referral.rule.fixed_not_positive", "a fixed share is positive");
    kind = role.isReferrer() ? ShareKind.REFERRAL_FEE : Check.notNull(kind, "kind");
  }

  public static FixedShare of(PartyRole role, Money perUnit, ShareKind kind) {
    return new FixedShare(role, perUnit, kind);
  }
}
