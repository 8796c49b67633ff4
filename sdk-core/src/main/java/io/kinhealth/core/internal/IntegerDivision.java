package io.kinhealth.core.internal;

import java.math.RoundingMode;

/** Exact integer division with a {@link RoundingMode}; not API. */
public final class IntegerDivision {
  private IntegerDivision() {}

  /**
   * {@code numerator / denominator} rounded with {@code mode}; {@code denominator > 0}.
   *
   * @throws ArithmeticException for {@link RoundingMode#UNNECESSARY} when the division is inexact
   */
  public static long divide(long numerator, long denominator, RoundingMode mode) {
    long q = numerator / denominator; // truncates toward zero
    long r = numerator % denominator;
    if (r == 0) {
      return q;
    }
    int sign = numerator < 0 ? -1 : 1;
    boolean awayFromZero;
    switch (mode) {
      case DOWN:
        awayFromZero = false;
        break;
      case UP:
        awayFromZero = true;
        break;
      case FLOOR:
        awayFromZero = sign < 0;
        break;
      case CEILING:
        awayFromZero = sign > 0;
        break;
      case HALF_UP:
      case HALF_DOWN:
      case HALF_EVEN: {
        long twiceR = Math.abs(r) * 2; // |r| < denominator, so no overflow for denominators below 2^62
        int cmp = Long.compare(twiceR, denominator);
        if (cmp != 0) {
          awayFromZero = cmp > 0;
        } else if (mode == RoundingMode.HALF_UP) {
          awayFromZero = true;
        } else if (mode == RoundingMode.HALF_DOWN) {
          awayFromZero = false;
        } else {
          awayFromZero = (q & 1) != 0;
        }
        break;
      }
      case UNNECESSARY:
      default:
        throw new ArithmeticException("rounding necessary");
    }
    return awayFromZero ? q + sign : q;
  }
}
