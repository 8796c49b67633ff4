package io.kinhealth.referral.order;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.util.List;

/**
 * A recorded order: the command as given, its settlement, and each allocation's refunded amount so far.
 *
 * @param version grows by one with every refund (optimistic concurrency)
 */
public record OrderRecord(PaidOrder command, OrderSettlement settlement, List<AllocationBalance> allocations,
    long version) {
  public OrderRecord {
    Check.notNull(command, "command");
    Check.notNull(settlement, "settlement");
    allocations = List.copyOf(Check.notEmpty(allocations, "allocations"));
    Check.that(command.id().equals(settlement.order()), "settlement", "referral.order.id_mismatch",
        "the settlement is for another order");
    Check.notNegative(version, "version");
  }

  public OrderId id() {
    return command.id();
  }

  /** What refunds have taken back from the order so far. */
  public Money refunded() {
    Money sum = Money.zero(settlement.total().currency());
    for (AllocationBalance a : allocations) {
      sum = sum.plus(a.refunded());
    }
    return sum;
  }

  /** This record with new allocation balances, one version later. */
  public OrderRecord withAllocations(List<AllocationBalance> next) {
    return new OrderRecord(command, settlement, next, version + 1);
  }
}
