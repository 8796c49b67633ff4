package io.kinhealth.benchmarks.referral;

import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.rule.ShareKind;
import io.kinhealth.referral.split.OrderLine;
import io.kinhealth.referral.split.SplitRequest;
import java.time.Instant;
import java.util.Random;

/**
 * The benchmark's rule set and orders: a medical-beauty split among six parties (channel 50%, agent 15%,
 * consumables supplier 20%, doctor 7% of treatments only, the customer's referrer 3%, the clinic the rest), and
 * five-line orders (two treatments, two consumables, one drug) of random amounts.
 */
public final class SplitFixtures {
  /** Shares of a treatment line, in the rule's declared order; the clinic's is the rest. */
  public static final long[] SERVICE_WEIGHTS = {5000, 1500, 2000, 700, 300, 500};
  /** Shares of any other line; no doctor share (the compliance guards forbid it). */
  public static final long[] GOODS_WEIGHTS = {5000, 1500, 2000, 300, 1200};
  public static final RevenueCategory[] LINE_CATEGORIES = {RevenueCategory.SERVICE, RevenueCategory.CONSUMABLE,
      RevenueCategory.SERVICE, RevenueCategory.CONSUMABLE, RevenueCategory.DRUG};

  private SplitFixtures() {}

  public static RevenueShareRuleSet ruleSet() {
    return RevenueShareRuleSet.builder(RuleSetId.of("bench-beauty"), 1)
        .effectiveFrom(Instant.parse("2026-01-01T00:00:00Z"))
        .rule(RevenueShareRule.named("service").categories(RevenueCategory.SERVICE)
            .share(PartyRole.CHANNEL, BasisPoints.of(5000)).share(PartyRole.AGENT, BasisPoints.of(1500))
            .share(PartyRole.SUPPLIER, BasisPoints.of(2000))
            .share(PartyRole.DOCTOR, BasisPoints.of(700), ShareKind.WORK_FEE)
            .share(PartyRole.REFERRER_L1, BasisPoints.of(300)).rest(PartyRole.CLINIC).build())
        .rule(RevenueShareRule.named("goods")
            .share(PartyRole.CHANNEL, BasisPoints.of(5000)).share(PartyRole.AGENT, BasisPoints.of(1500))
            .share(PartyRole.SUPPLIER, BasisPoints.of(2000)).share(PartyRole.REFERRER_L1, BasisPoints.of(300))
            .rest(PartyRole.CLINIC).build())
        .build();
  }

  /** {@code count} random five-line orders, each amount between 1 and 50,000 yuan. */
  public static long[][] amounts(int count, long seed) {
    Random r = new Random(seed);
    long[][] out = new long[count][LINE_CATEGORIES.length];
    for (long[] order : out) {
      for (int i = 0; i < order.length; i++) {
        order[i] = 100 + r.nextInt(5_000_000);
      }
    }
    return out;
  }

  public static SplitRequest request(long[] amounts) {
    SplitRequest.Builder b = SplitRequest.builder()
        .party(PartyRole.PLATFORM, PartyId.of("platform")).party(PartyRole.CHANNEL, PartyId.of("meituan"))
        .party(PartyRole.AGENT, PartyId.of("agent-9")).party(PartyRole.SUPPLIER, PartyId.of("filler-co"))
        .party(PartyRole.DOCTOR, PartyId.of("dr-li")).party(PartyRole.REFERRER_L1, PartyId.of("member-7"))
        .party(PartyRole.CLINIC, PartyId.of("clinic-7"));
    for (int i = 0; i < amounts.length; i++) {
      b.line(OrderLine.of("line-" + i, LINE_CATEGORIES[i], Money.ofMinor(amounts[i])));
    }
    return b.build();
  }
}
