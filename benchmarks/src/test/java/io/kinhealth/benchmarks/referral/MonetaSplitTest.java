package io.kinhealth.benchmarks.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.benchmarks.core.PeerAllocations;
import io.kinhealth.referral.split.Allocation;
import io.kinhealth.referral.split.SplitPlan;
import java.math.BigDecimal;
import java.util.List;
import javax.money.MonetaryAmount;
import javax.money.MonetaryRounding;
import org.javamoney.moneta.FastMoney;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The split benchmark compares like with like: the Moneta versions compute the SDK's amounts. */
class MonetaSplitTest {
  @Test
  @DisplayName("Moneta FastMoney and Money splits equal the SDK's, party by party and line by line")
  void peersAgree() {
    SplitPlan plan = SplitPlan.of(SplitFixtures.ruleSet());
    MonetaryRounding floor = PeerAllocations.floorToFen();
    long seed = 20261125L;
    for (long[] amounts : SplitFixtures.amounts(500, seed)) {
      List<Allocation> sdk = plan.split(SplitFixtures.request(amounts)).allocations();
      MonetaryAmount[] fast = new MonetaryAmount[amounts.length];
      MonetaryAmount[] money = new MonetaryAmount[amounts.length];
      for (int i = 0; i < amounts.length; i++) {
        fast[i] = FastMoney.of(BigDecimal.valueOf(amounts[i], 2), "CNY");
        money[i] = org.javamoney.moneta.Money.of(BigDecimal.valueOf(amounts[i], 2), "CNY");
      }
      for (MonetaryAmount[][] peer : List.of(MonetaSplit.split(fast, SplitFixtures.LINE_CATEGORIES, floor),
          MonetaSplit.split(money, SplitFixtures.LINE_CATEGORIES, floor))) {
        int k = 0;
        for (int line = 0; line < amounts.length; line++) {
          for (MonetaryAmount part : peer[line]) {
            long fen = part.getNumber().numberValue(BigDecimal.class).movePointRight(2).longValueExact();
            assertThat(fen).as("seed %d line %d", seed, line).isEqualTo(sdk.get(k++).amount().minor());
          }
        }
        assertThat(k).isEqualTo(sdk.size());
      }
    }
  }
}
