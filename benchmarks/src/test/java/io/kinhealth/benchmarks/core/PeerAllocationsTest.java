package io.kinhealth.benchmarks.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.money.LargestRemainder;
import java.math.BigDecimal;
import java.util.Random;
import javax.money.MonetaryAmount;
import javax.money.MonetaryRounding;
import org.javamoney.moneta.FastMoney;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark compares like with like: every peer version computes the SDK's allocation. */
class PeerAllocationsTest {
  private static final long[] WEIGHTS = {5000, 1500, 2000, 700, 800};

  @Test
  @DisplayName("BigDecimal, Moneta Money and FastMoney allocations equal the SDK's on random orders")
  void peersAgree() {
    long seed = System.nanoTime();
    Random r = new Random(seed);
    MonetaryRounding floor = PeerAllocations.floorToFen();
    for (int c = 0; c < 2_000; c++) {
      long minor = 1 + r.nextInt(5_000_000);
      long[] expected = LargestRemainder.allocate(minor, WEIGHTS);
      BigDecimal total = BigDecimal.valueOf(minor, 2);
      BigDecimal[] plain = PeerAllocations.bigDecimal(total, WEIGHTS);
      MonetaryAmount[] money = PeerAllocations.moneta(org.javamoney.moneta.Money.of(total, "CNY"), WEIGHTS, floor);
      MonetaryAmount[] fast = PeerAllocations.moneta(FastMoney.of(total, "CNY"), WEIGHTS, floor);
      for (int i = 0; i < WEIGHTS.length; i++) {
        String as = "seed " + seed + " order " + minor + " part " + i;
        assertThat(plain[i].movePointRight(2).longValueExact()).as(as).isEqualTo(expected[i]);
        assertThat(money[i].getNumber().numberValue(BigDecimal.class).movePointRight(2).longValueExact()).as(as)
            .isEqualTo(expected[i]);
        assertThat(fast[i].getNumber().numberValue(BigDecimal.class).movePointRight(2).longValueExact()).as(as)
            .isEqualTo(expected[i]);
      }
    }
  }
}
