package io.kinhealth.referral.order;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Map;

/**
 * A refund of part or all of a paid order, either per line ({@link #ofLines}) or as one amount spread over the
 * lines in proportion to what is left of them ({@link #ofTotal}). Recording the same refund id again with an equal
 * command returns the first settlement.
 *
 * @param total the amount to refund across the order, or null when {@code lines} says it per line
 * @param lines the amount to refund per line id; empty when {@code total} is given
 */
public record OrderRefund(RefundId id, OrderId order, Instant refundedAt, Money total, Map<String, Money> lines) {
  public OrderRefund {
    Check.notNull(id, "id");
    Check.notNull(order, "order");
    Check.notNull(refundedAt, "refundedAt");
    lines = Map.copyOf(Check.noNulls(lines == null ? Map.of() : lines, "lines"));
    Check.that((total == null) != lines.isEmpty(), "total", "referral.refund.shape",
        "give either a total or amounts per line");
    if (total != null) {
      Check.positive(total.minor(), "total");
    }
    for (Map.Entry<String, Money> e : lines.entrySet()) {
      Check.positive(e.getValue().minor(), "lines." + e.getKey());
    }
  }

  /** Refunds {@code total}, spread over the order's lines in proportion to what is left of each. */
  public static OrderRefund ofTotal(RefundId id, OrderId order, Instant refundedAt, Money total) {
    return new OrderRefund(id, order, refundedAt, Check.notNull(total, "total"), Map.of());
  }

  /** Refunds the given amount of each named line. */
  public static OrderRefund ofLines(RefundId id, OrderId order, Instant refundedAt, Map<String, Money> lines) {
    Check.notNull(lines, "lines");
    Check.that(!lines.isEmpty(), "lines", "empty", "lines must not be empty");
    return new OrderRefund(id, order, refundedAt, null, lines);
  }
}
