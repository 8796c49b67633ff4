package io.kinhealth.core.money;

import io.kinhealth.core.validation.Check;

/**
 * A ratio in integer basis points, 0 to 10,000 (0% to 100%); 1 bp = 0.01%.
 *
 * <p>Ratios are never {@code double} near money: a share of an amount is computed as {@code amount * bp / 10000} in
 * integer arithmetic with an explicit rounding mode ({@link Money#times(BasisPoints, java.math.RoundingMode)}), or
 * by {@link LargestRemainder} when parts must sum exactly.
 */
public record BasisPoints(int value) implements Comparable<BasisPoints> {
  /** 10,000 bp: the whole. */
  public static final int SCALE = 10_000;

  public static final BasisPoints ZERO = new BasisPoints(0);
  public static final BasisPoints FULL = new BasisPoints(SCALE);

  public BasisPoints {
    Check.inRange(value, 0, SCALE, "basisPoints");
  }

  /** {@code of(750)} is 7.5%. */
  public static BasisPoints of(int value) {
    return new BasisPoints(value);
  }

  /** {@code percent(7)} is 700 bp. */
  public static BasisPoints percent(int percent) {
    Check.inRange(percent, 0, 100, "percent");
    return new BasisPoints(percent * 100);
  }

  public BasisPoints plus(BasisPoints other) {
    return new BasisPoints(value + Check.notNull(other, "other").value);
  }

  public BasisPoints minus(BasisPoints other) {
    return new BasisPoints(value - Check.notNull(other, "other").value);
  }

  /** What is left of the whole: {@code 10000 - value}. */
  public BasisPoints complement() {
    return new BasisPoints(SCALE - value);
  }

  public boolean isZero() {
    return value == 0;
  }

  @Override
  public int compareTo(BasisPoints o) {
    return Integer.compare(value, o.value);
  }

  /** {@code "750bp"}. */
  @Override
  public String toString() {
    return value + "bp";
  }
}
