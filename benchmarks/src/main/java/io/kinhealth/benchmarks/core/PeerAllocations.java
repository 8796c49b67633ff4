package io.kinhealth.benchmarks.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.MonetaryAmount;
import javax.money.MonetaryOperator;
import javax.money.MonetaryRounding;
import javax.money.Monetary;
import javax.money.RoundingQueryBuilder;
import org.javamoney.moneta.FastMoney;

/**
 * Largest-remainder allocation written the way a user of each peer would write it (none of the peers ships one):
 * floor every exact share to the fen, then give the leftover fen to the largest remainders, earlier parts first.
 * Used by {@link MoneyAllocationBenchmark}; {@code PeerAllocationsTest} checks they agree with the SDK.
 */
public final class PeerAllocations {
  private PeerAllocations() {}

  /** With {@link BigDecimal} yuan amounts. */
  public static BigDecimal[] bigDecimal(BigDecimal total, long[] weights) {
    int n = weights.length;
    long sum = 0;
    for (long w : weights) {
      sum += w;
    }
    BigDecimal divisor = BigDecimal.valueOf(sum);
    BigDecimal[] parts = new BigDecimal[n];
    BigDecimal[] remainders = new BigDecimal[n];
    BigDecimal allocated = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      BigDecimal exact = total.multiply(BigDecimal.valueOf(weights[i])).divide(divisor, 10, RoundingMode.DOWN);
      parts[i] = exact.setScale(2, RoundingMode.DOWN);
      remainders[i] = exact.subtract(parts[i]);
      allocated = allocated.add(parts[i]);
    }
    BigDecimal fen = new BigDecimal("0.01");
    int leftover = total.subtract(allocated).movePointRight(2).intValueExact();
    boolean[] taken = new boolean[n];
    for (int k = 0; k < leftover; k++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (!taken[i] && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
          best = i;
        }
      }
      taken[best] = true;
      parts[best] = parts[best].add(fen);
    }
    return parts;
  }

  /**
   * With Moneta amounts ({@link FastMoney} or {@link org.javamoney.moneta.Money}); {@code floorToFen} is the user's
   * cached {@code Monetary.getRounding(scale 2, DOWN)} operator.
   */
  public static MonetaryAmount[] moneta(MonetaryAmount total, long[] weights, MonetaryOperator floorToFen) {
    int n = weights.length;
    long sum = 0;
    for (long w : weights) {
      sum += w;
    }
    MonetaryAmount[] parts = new MonetaryAmount[n];
    MonetaryAmount[] remainders = new MonetaryAmount[n];
    MonetaryAmount allocated = total.multiply(0);
    for (int i = 0; i < n; i++) {
      MonetaryAmount exact = total.multiply(weights[i]).divide(sum);
      parts[i] = exact.with(floorToFen);
      remainders[i] = exact.subtract(parts[i]);
      allocated = allocated.add(parts[i]);
    }
    MonetaryAmount fen = total.getFactory().setNumber(new BigDecimal("0.01")).create();
    MonetaryAmount leftover = total.subtract(allocated);
    boolean[] taken = new boolean[n];
    while (leftover.isPositive()) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (!taken[i] && (best < 0 || remainders[i].isGreaterThan(remainders[best]))) {
          best = i;
        }
      }
      taken[best] = true;
      parts[best] = parts[best].add(fen);
      leftover = leftover.subtract(fen);
    }
    return parts;
  }

  /** The rounding a Moneta user obtains once: scale 2, round down. */
  public static MonetaryRounding floorToFen() {
    return Monetary.getRounding(RoundingQueryBuilder.of().setScale(2).set(RoundingMode.DOWN).build());
  }
}
