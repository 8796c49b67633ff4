package io.kinhealth.benchmarks.referral;

import io.kinhealth.benchmarks.core.PeerAllocations;
import io.kinhealth.core.model.RevenueCategory;
import javax.money.MonetaryAmount;
import javax.money.MonetaryOperator;

/**
 * The benchmark's split written with Moneta amounts, as a Moneta user would: per line, the category's shares by
 * largest remainder ({@link PeerAllocations#moneta}, floor to the fen then leftover fen to the largest remainders).
 * {@code MonetaSplitTest} proves it gives the SDK's amounts, so both sides do the same work.
 */
public final class MonetaSplit {
  private MonetaSplit() {}

  /** Per line, each party's amount in the rule's declared order. */
  public static MonetaryAmount[][] split(MonetaryAmount[] lines, RevenueCategory[] categories,
      MonetaryOperator floorToFen) {
    MonetaryAmount[][] out = new MonetaryAmount[lines.length][];
    for (int i = 0; i < lines.length; i++) {
      long[] weights = categories[i] == RevenueCategory.SERVICE ? SplitFixtures.SERVICE_WEIGHTS
          : SplitFixtures.GOODS_WEIGHTS;
      out[i] = PeerAllocations.moneta(lines[i], weights, floorToFen);
    }
    return out;
  }
}
