package io.kinhealth.referral.split;

import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import java.util.Set;

/**
 * What one role receives from one order line, and why: the rule and the part of it that produced the amount, the
 * share applied and its base, and any adjustment (cap, floor, reassignment).
 *
 * @param party who is paid; null when the role had no party in the order (its amount is then zero)
 * @param shareBasisPoints the share applied (the residual's is 10,000 less the others'); 0 for fixed amounts
 * @param base what the shares were taken of: the line amount less its fixed shares
 */
public record Allocation(
    String lineId,
    RevenueCategory category,
    PartyRole role,
    PartyId party,
    Money amount,
    String rule,
    AllocationBasis basis,
    int shareBasisPoints,
    Money base,
    Set<Adjustment> adjustments) {

  public Allocation {
    Check.notNull(lineId, "lineId");
    Check.notNull(category, "category");
    Check.notNull(role, "role");
    Check.notNull(amount, "amount");
    Check.notNull(rule, "rule");
    Check.notNull(basis, "basis");
    Check.notNull(base, "base");
    adjustments = Set.copyOf(adjustments);
  }

  /** {@code line-1 SERVICE DOCTOR 840.00: rule beauty-service, 700bp of 12000.00}. */
  public String explain() {
    StringBuilder sb = new StringBuilder().append(lineId).append(' ').append(category).append(' ').append(role)
        .append(' ').append(amount.toPlainString()).append(": rule ").append(rule).append(", ");
    switch (basis) {
      case FIXED -> sb.append("fixed amount");
      case SHARE -> sb.append(shareBasisPoints).append("bp of ").append(base.toPlainString());
      case RESIDUAL -> sb.append("the rest (").append(shareBasisPoints).append("bp) of ").append(base.toPlainString());
      case FALLBACK -> sb.append("reassigned to the platform");
      default -> sb.append(basis);
    }
    if (!adjustments.isEmpty()) {
      sb.append(", ").append(adjustments);
    }
    return sb.toString();
  }
}
