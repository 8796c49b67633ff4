package io.kinhealth.referral.split;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;

/**
 * One line of a paid order: what it was for ({@link RevenueCategory}, which decides the rule that splits it and which
 * compliance guards apply), what was paid for it, and how many units (fixed shares are per unit).
 *
 * @param id unique within its order, a valid {@link TypedId} value
 */
public record OrderLine(String id, RevenueCategory category, Money amount, int quantity) {
  public OrderLine {
    id = TypedId.requireValid(id, "lineId");
    Check.notNull(category, "category");
    Check.notNull(amount, "amount");
    Check.positive(amount.minor(), "amount");
    Check.inRange(quantity, 1, 1_000_000, "quantity");
  }

  /** A line of one unit. */
  public static OrderLine of(String id, RevenueCategory category, Money amount) {
    return new OrderLine(id, category, amount, 1);
  }
}
