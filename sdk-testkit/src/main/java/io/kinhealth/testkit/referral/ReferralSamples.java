package io.kinhealth.testkit.referral;

import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.commission.Payout;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.commission.PayoutState;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.order.AllocationBalance;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRecord;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.split.Allocation;
import io.kinhealth.referral.split.AllocationBasis;
import io.kinhealth.referral.split.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small, valid referral values for store contract tests. */
public final class ReferralSamples {
  public static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
  public static final PartyId CLINIC = PartyId.of("clinic-7");
  public static final PartyId DOCTOR = PartyId.of("dr-li");
  public static final PartyId PATIENT = PartyId.of("patient-1");

  private ReferralSamples() {}

  /** A one-rule set (clinic 90%, platform the rest) effective from {@code from}. */
  public static RevenueShareRuleSet ruleSet(String id, int version, Instant from, int clinicBasisPoints) {
    return RevenueShareRuleSet.builder(RuleSetId.of(id), version).effectiveFrom(from)
        .rule(RevenueShareRule.named("all").share(PartyRole.CLINIC, BasisPoints.of(clinicBasisPoints))
            .rest(PartyRole.PLATFORM).build())
        .build();
  }

  /** A recorded 100-yuan order split 90/10 between the clinic and the platform. */
  public static OrderRecord order(String id, long yuan) {
    PaidOrder cmd = new PaidOrder(OrderId.of(id), PATIENT, RuleSetId.of("rs"), T0, "wechat",
        List.of(OrderLine.of("l1", RevenueCategory.SERVICE, Money.ofYuan(yuan))), Map.of(PartyRole.CLINIC, CLINIC));
    Money clinic = Money.ofYuan(yuan).allocate(BasisPoints.of(9000), BasisPoints.of(1000)).get(0);
    Money base = Money.ofYuan(yuan);
    List<Allocation> allocations = List.of(
        new Allocation("l1", RevenueCategory.SERVICE, PartyRole.CLINIC, CLINIC, clinic, "all", AllocationBasis.SHARE,
            9000, base, Set.of()),
        new Allocation("l1", RevenueCategory.SERVICE, PartyRole.PLATFORM, PartyId.of("platform"),
            base.minus(clinic), "all", AllocationBasis.RESIDUAL, 1000, base, Set.of()));
    OrderSettlement settlement = new OrderSettlement(cmd.id(), cmd.ruleSet(), 1, base, allocations,
        List.of(CommissionId.of(cmd.id(), PartyRole.CLINIC)), base.minus(clinic), EntryId.derive("paid", id));
    return new OrderRecord(cmd, settlement, allocations.stream()
        .map(a -> new AllocationBalance(a, Money.zero(Money.CNY))).toList(), 0);
  }

  /** A pending commission of {@code party} becoming available at {@code availableAt}. */
  public static Commission commission(String id, PartyId party, long fen, Instant availableAt) {
    return new Commission(CommissionId.of(id), OrderId.of("o-" + id), party, PartyRole.CLINIC, Money.ofMinor(fen),
        Money.zero(Money.CNY), CommissionState.PENDING, T0, availableAt, HoldId.of("h-" + id), 1, Set.of(), false,
        null, 0);
  }

  /** A requested payout of {@code fen} to {@code party}, with no fee. */
  public static Payout payout(String id, PartyId party, long fen) {
    Money gross = Money.ofMinor(fen);
    return new Payout(PayoutId.of(id), party, "wechat", gross, Money.zero(Money.CNY), gross, PayoutState.REQUESTED,
        T0, null, null, HoldId.of("pn-" + id), null, 0);
  }
}
