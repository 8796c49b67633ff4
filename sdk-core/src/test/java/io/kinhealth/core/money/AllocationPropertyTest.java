package io.kinhealth.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.Seeds;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded random cases for largest-remainder allocation. Each run uses a fresh master seed (printed on failure;
 * replay with {@code -Dkinhealth.seed=N}).
 */
class AllocationPropertyTest {
  private static final int CASES = 200_000;

  @Test
  @DisplayName("parts always sum exactly, each within one unit of its exact share, and the same input gives the same output")
  void allocationInvariants() {
    long master = Seeds.master();
    Random random = new Random(master);
    for (int c = 0; c < CASES; c++) {
      long seed = random.nextLong();
      Random r = new Random(seed);
      long total = randomTotal(r);
      long[] weights = randomWeights(r);

      long[] parts = LargestRemainder.allocate(total, weights.clone());
      String context = "master seed " + master + ", case " + c + " (seed " + seed + ")";

      assertThat(parts).as(context).hasSize(weights.length);
      long sum = 0;
      BigInteger weightSum = BigInteger.ZERO;
      for (long w : weights) {
        weightSum = weightSum.add(BigInteger.valueOf(w));
      }
      for (int i = 0; i < parts.length; i++) {
        sum = Math.addExact(sum, parts[i]);
        // |part * W - total * w| < W  <=>  the part is within one unit of the exact share total * w / W.
        BigInteger diff = BigInteger.valueOf(parts[i]).multiply(weightSum)
            .subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i]))).abs();
        assertThat(diff).as("%s: part %d off by a unit or more", context, i).isLessThan(weightSum);
        if (weights[i] == 0) {
          assertThat(parts[i]).as("%s: zero weight %d got money", context, i).isZero();
        }
      }
      assertThat(sum).as(context).isEqualTo(total);
      assertThat(LargestRemainder.allocate(total, weights.clone())).as("%s: deterministic", context)
          .isEqualTo(parts);
      long[] mirrored = LargestRemainder.allocate(-total, weights.clone());
      for (int i = 0; i < parts.length; i++) {
        assertThat(mirrored[i]).as("%s: negative total mirrors", context).isEqualTo(-parts[i]);
      }
    }
  }

  @Test
  @DisplayName("the Money API allocates the same as the primitive algorithm and agrees with BigDecimal floors")
  void moneyAgreesWithPrimitive() {
    long master = Seeds.master();
    Random random = new Random(master);
    for (int c = 0; c < 20_000; c++) {
      long total = random.nextInt(10_000_000) - 5_000_000;
      int[] bps = randomBasisPoints(random);
      BasisPoints[] shares = new BasisPoints[bps.length];
      long[] weights = new long[bps.length];
      for (int i = 0; i < bps.length; i++) {
        shares[i] = BasisPoints.of(bps[i]);
        weights[i] = bps[i];
      }
      var parts = Money.ofMinor(total).allocate(shares);
      long[] expected = LargestRemainder.allocate(total, weights);
      for (int i = 0; i < bps.length; i++) {
        assertThat(parts.get(i).minor()).as("master seed %d case %d", master, c).isEqualTo(expected[i]);
        BigDecimal exact = BigDecimal.valueOf(Math.abs(total)).multiply(BigDecimal.valueOf(bps[i]))
            .divide(BigDecimal.valueOf(10_000), 10, RoundingMode.DOWN);
        long floor = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
        assertThat(Math.abs(parts.get(i).minor())).as("master seed %d case %d", master, c)
            .isBetween(floor, floor + 1);
      }
    }
  }

  @Test
  @DisplayName("allocating into a caller's buffer gives the same parts as a new array and touches nothing around them")
  void allocateIntoAgreesWithAllocate() {
    long master = Seeds.master();
    Random random = new Random(master);
    for (int c = 0; c < CASES / 2; c++) {
      long seed = random.nextLong();
      Random r = new Random(seed);
      long total = randomTotal(r);
      if (total == Long.MIN_VALUE) {
        continue;
      }
      long[] weights = randomWeights(r);
      int offset = r.nextInt(4);
      long[] out = new long[offset + weights.length + r.nextInt(3)];
      java.util.Arrays.fill(out, 7L);
      long[] before = out.clone();

      LargestRemainder.allocateInto(total, weights, out, offset);

      String context = "master seed " + master + ", case " + c + " (seed " + seed + ")";
      assertThat(java.util.Arrays.copyOfRange(out, offset, offset + weights.length)).as(context)
          .isEqualTo(LargestRemainder.allocate(total, weights));
      assertThat(java.util.Arrays.copyOfRange(out, 0, offset)).as("%s: before the parts", context)
          .isEqualTo(java.util.Arrays.copyOfRange(before, 0, offset));
      assertThat(java.util.Arrays.copyOfRange(out, offset + weights.length, out.length))
          .as("%s: after the parts", context)
          .isEqualTo(java.util.Arrays.copyOfRange(before, offset + weights.length, out.length));
    }
  }

  private static long randomTotal(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return r.nextInt(200) - 100; // tiny amounts: most fen are leftovers
      case 1:
        return r.nextInt(100_000_000);
      case 2:
        return -r.nextInt(100_000_000);
      default:
        return r.nextLong() >> r.nextInt(40); // huge amounts, exercising the 128-bit path
    }
  }

  private static long[] randomWeights(Random r) {
    int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 60 : 8);
    long[] w = new long[n];
    boolean anyPositive = false;
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(5)) {
        case 0:
          w[i] = 0;
          break;
        case 1:
          w[i] = 1 + r.nextInt(3); // many ties
          break;
        case 2:
          w[i] = r.nextInt(10_001);
          break;
        case 3:
          w[i] = (r.nextLong() >>> 1) / n; // huge weights whose sum still fits
          break;
        default:
          w[i] = r.nextInt(1_000_000);
      }
      anyPositive |= w[i] > 0;
    }
    if (!anyPositive) {
      w[r.nextInt(n)] = 1;
    }
    return w;
  }

  private static int[] randomBasisPoints(Random r) {
    int n = 1 + r.nextInt(7);
    int[] bps = new int[n];
    int left = 10_000;
    for (int i = 0; i < n - 1; i++) {
      bps[i] = r.nextInt(left + 1);
      left -= bps[i];
    }
    bps[n - 1] = left;
    return bps;
  }
}
