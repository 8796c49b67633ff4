package io.kinhealth.core.money;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Splits an integer total into parts proportional to weights so that the parts always sum exactly to the total
 * (the largest-remainder, or Hamilton, method).
 *
 * <p>Each part is first rounded down to {@code floor(total * w / sum(w))}; the minor units left over are handed one at
 * a time to the parts with the largest fractional remainders, ties going to the part declared first (a stable order,
 * so the same input always gives the same output). Guarantees:
 *
 * <ul>
 *   <li>the parts sum to {@code total} exactly;
 *   <li>each part is within one unit of its exact share (it is its floor or its ceiling);
 *   <li>a zero weight always receives zero;
 *   <li>a negative total mirrors the positive one: {@code allocate(-t, w) == -allocate(t, w)} element-wise, so a
 *       refund of a whole amount returns exactly what was allocated.
 * </ul>
 *
 * <p>Stateless and thread-safe; the arithmetic is exact for every {@code long} total and weight (falling back to
 * {@link BigInteger} only when an intermediate product overflows 64 bits).
 */
public final class LargestRemainder {
  private LargestRemainder() {}

  /**
   * Allocates {@code total} by {@code weights}.
   *
   * @throws ValidationException if weights is null or empty, a weight is negative, all weights are zero, their sum
   *     overflows, or the total is {@link Long#MIN_VALUE}
   */
  public static long[] allocate(long total, long[] weights) {
    Check.notNull(weights, "weights");
    long sum = validatedSum(weights);
    Check.that(total != Long.MIN_VALUE, "total", "money.overflow", "total is out of range");
    return allocateValidated(total, weights, sum);
  }

  /** The weights' sum, after checking they are not empty, none is negative, some are positive and the sum fits. */
  private static long validatedSum(long[] weights) {
    int n = weights.length;
    Check.that(n > 0, "weights", "empty", "weights must not be empty");
    long sum = 0;
    for (int i = 0; i < n; i++) {
      long w = weights[i];
      if (w < 0) {
        throw new ValidationException("weights[" + i + "]", "negative", "a weight must not be negative");
      }
      sum += w;
      if (sum < 0) {
        throw new ValidationException("weights", "money.overflow", "the sum of the weights overflows");
      }
    }
    Check.that(sum > 0, "weights", "all_zero", "at least one weight must be positive");
    return sum;
  }

  /**
   * The same allocation as {@link #allocate(long, long[])}, written into {@code out[offset .. offset + weights.length)}
   * instead of a new array: for callers that split many amounts into a buffer of their own (a revenue split writes
   * every line's parts into one array). For up to 32 weights whose sum times the total fits in a {@code long}, it
   * allocates nothing.
   *
   * @throws ValidationException as {@link #allocate(long, long[])} does, or if {@code out} is null or too short
   */
  public static void allocateInto(long total, long[] weights, long[] out, int offset) {
    Check.notNull(out, "out");
    Check.notNull(weights, "weights");
    Check.that(offset >= 0 && offset <= out.length - weights.length, "offset", "out_of_range",
        "out has no room for the parts at this offset");
    long sum = validatedSum(weights);
    Check.that(total != Long.MIN_VALUE, "total", "money.overflow", "total is out of range");
    int n = weights.length;
    long magnitude = Math.abs(total);
    if (n > 32 || Math.multiplyHigh(magnitude, sum) != 0 || magnitude * sum < 0) {
      System.arraycopy(allocateValidated(total, weights, sum), 0, out, offset, n);
      return;
    }
    // Every product fits (no weight exceeds the sum): no remainder array. A part's remainder is recomputed from its
    // product when the leftover is handed out, and a part that got its extra unit has a negative one, so it is never
    // picked twice.
    long given = 0;
    for (int i = 0; i < n; i++) {
      long part = magnitude * weights[i] / sum;
      out[offset + i] = part;
      given += part;
    }
    for (long k = magnitude - given; k > 0; k--) {
      int best = 0;
      long bestRemainder = -1;
      for (int i = 0; i < n; i++) {
        long remainder = magnitude * weights[i] - out[offset + i] * sum;
        if (remainder > bestRemainder) {
          best = i;
          bestRemainder = remainder;
        }
      }
      out[offset + best]++;
    }
    restoreSign(total, out, offset, n);
  }

  /** The algorithm proper; callers have checked that weights are non-negative with a positive, exact sum. */
  static long[] allocateValidated(long total, long[] weights, long sum) {
    int n = weights.length;
    long magnitude = Math.abs(total);
    long[] parts = new long[n];
    long[] remainders = new long[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      long w = weights[i];
      long hi = Math.multiplyHigh(magnitude, w);
      long lo = magnitude * w;
      if (hi == 0 && lo >= 0) {
        parts[i] = lo / sum;
        remainders[i] = lo - parts[i] * sum;
      } else {
        BigInteger[] qr = BigInteger.valueOf(magnitude).multiply(BigInteger.valueOf(w))
            .divideAndRemainder(BigInteger.valueOf(sum));
        parts[i] = qr[0].longValueExact();
        remainders[i] = qr[1].longValueExact();
      }
      given += parts[i];
    }
    return finish(total, magnitude - given, parts, remainders);
  }

  /**
   * The same allocation for shares in basis points that are known to be non-null and to sum to 10,000. Dividing by
   * the constant 10,000 lets the JIT replace the division with a multiplication, which is most of the cost of a
   * split; amounts too large for that path, and more than 32 shares, take the general one.
   */
  static long[] allocateShares(long total, BasisPoints[] shares) {
    long magnitude = Math.abs(total);
    int n = shares.length;
    if (magnitude > Long.MAX_VALUE / BasisPoints.SCALE || n > 32) {
      long[] weights = new long[n];
      for (int i = 0; i < n; i++) {
        weights[i] = shares[i].value();
      }
      return allocateValidated(total, weights, BasisPoints.SCALE);
    }
    // No remainder array: a share's remainder is recomputed from its product when the leftover is handed out, and
    // a part that already got its extra unit has a negative one, so it is never picked twice.
    long[] parts = new long[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      long part = magnitude * shares[i].value() / BasisPoints.SCALE;
      parts[i] = part;
      given += part;
    }
    for (long k = magnitude - given; k > 0; k--) {
      int best = 0;
      long bestRemainder = -1;
      for (int i = 0; i < n; i++) {
        long remainder = magnitude * shares[i].value() - parts[i] * BasisPoints.SCALE;
        if (remainder > bestRemainder) {
          best = i;
          bestRemainder = remainder;
        }
      }
      parts[best]++;
    }
    restoreSign(total, parts, 0, n);
    return parts;
  }

  /** Hands out the leftover units (fewer than the number of parts) and restores the total's sign. */
  private static long[] finish(long total, long leftover, long[] parts, long[] remainders) {
    if (leftover > 0) {
      distribute(parts, remainders, (int) leftover);
    }
    restoreSign(total, parts, 0, parts.length);
    return parts;
  }

  /** Parts were computed for the total's magnitude: a negative total mirrors them. */
  private static void restoreSign(long total, long[] parts, int from, int count) {
    if (total < 0) {
      for (int i = from; i < from + count; i++) {
        parts[i] = -parts[i];
      }
    }
  }

  /** Gives one unit to each of the {@code leftover} largest remainders, earlier index first on ties. */
  private static void distribute(long[] parts, long[] remainders, int leftover) {
    int n = parts.length;
    if (n <= 32) {
      // Small n (the usual revenue split): repeated selection, marking a taken remainder with -1 (real ones are
      // never negative), so no extra array is needed.
      for (int k = 0; k < leftover; k++) {
        int best = 0;
        for (int i = 1; i < n; i++) {
          if (remainders[i] > remainders[best]) {
            best = i;
          }
        }
        remainders[best] = -1;
        parts[best]++;
      }
      return;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Stable sort: equal remainders keep declared order.
    Arrays.sort(order, (a, b) -> Long.compare(remainders[b], remainders[a]));
    for (int k = 0; k < leftover; k++) {
      parts[order[k]]++;
    }
  }
}
