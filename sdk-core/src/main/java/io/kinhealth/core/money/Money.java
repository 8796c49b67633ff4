package io.kinhealth.core.money;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.internal.IntegerDivision;
import io.kinhealth.core.validation.Check;
import java.io.Serializable;
import java.math.RoundingMode;
import java.util.AbstractList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An exact amount of money: a {@code long} count of the currency's minor unit (fen for CNY) and a {@link Currency}.
 *
 * <p>Guarantees: immutable and thread-safe; never touches floating point; every operation that would overflow 64
 * bits throws a {@link ValidationException} with reason {@code money.overflow} instead of wrapping; operations
 * between different currencies throw ({@code money.currency_mismatch}); the currency's ISO 4217 minor-unit digits
 * are respected (CNY 2, JPY 0, BHD 3) when parsing and formatting.
 */
public final class Money implements Comparable<Money>, Serializable {
  private static final long serialVersionUID = 1L;

  /** Renminbi, the default currency. */
  public static final Currency CNY = Currency.getInstance("CNY");

  private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};

  private final long minor;
  private final Currency currency;

  private Money(long minor, Currency currency) {
    this.minor = minor;
    this.currency = currency;
  }

  /** An amount in fen (CNY minor units): {@code ofMinor(1234)} is 12.34 yuan. */
  public static Money ofMinor(long minor) {
    return new Money(minor, CNY);
  }

  /** An amount in minor units of {@code currency}. */
  public static Money ofMinor(long minor, Currency currency) {
    return new Money(minor, checkedCurrency(currency));
  }

  /** Whole yuan: {@code ofYuan(10)} is 1000 fen. */
  public static Money ofYuan(long yuan) {
    try {
      return new Money(Math.multiplyExact(yuan, 100L), CNY);
    } catch (ArithmeticException e) {
      throw overflow("yuan");
    }
  }

  /** Zero in the given currency. */
  public static Money zero(Currency currency) {
    return new Money(0, checkedCurrency(currency));
  }

  /** Parses a plain decimal in CNY: {@code "12.34"}, {@code "-0.5"}, {@code "7"}. */
  public static Money parse(String amount) {
    return parse(amount, CNY);
  }

  /**
   * Parses a plain decimal string in {@code currency}: an optional minus sign, digits, and at most the currency's
   * number of fraction digits. No grouping separators, exponents or currency symbols.
   */
  public static Money parse(String amount, Currency currency) {
    Currency c = checkedCurrency(currency);
    String s = Check.notBlank(amount, "amount");
    int digits = c.getDefaultFractionDigits();
    int start = 0;
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      start = 1;
    }
    int dot = s.indexOf('.', start);
    String whole = dot < 0 ? s.substring(start) : s.substring(start, dot);
    String fraction = dot < 0 ? "" : s.substring(dot + 1);
    if (whole.isEmpty() || !allDigits(whole) || !allDigits(fraction) || (dot >= 0 && fraction.isEmpty())) {
      throw new ValidationException("amount", "money.format", "amount must be a plain decimal such as 12.34");
    }
    if (fraction.length() > digits) {
      throw new ValidationException(
          "amount", "money.scale", "amount has more than " + digits + " fraction digits for " + c);
    }
    try {
      long units = Long.parseLong(whole);
      long minorPart = fraction.isEmpty() ? 0 : Long.parseLong(fraction) * POWERS_OF_TEN[digits - fraction.length()];
      long value = Math.addExact(Math.multiplyExact(units, POWERS_OF_TEN[digits]), minorPart);
      return new Money(negative ? -value : value, c);
    } catch (NumberFormatException | ArithmeticException e) {
      throw overflow("amount");
    }
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  private static Currency checkedCurrency(Currency currency) {
    Check.notNull(currency, "currency");
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0 || digits >= POWERS_OF_TEN.length) {
      throw new ValidationException(
          "currency", "money.currency_unsupported", "currency has no fixed minor unit: " + currency);
    }
    return currency;
  }

  private static ValidationException overflow(String field) {
    return new ValidationException(field, "money.overflow", "amount is out of range");
  }

  /** The amount in minor units (fen for CNY). */
  public long minor() {
    return minor;
  }

  public Currency currency() {
    return currency;
  }

  public boolean isZero() {
    return minor == 0;
  }

  public boolean isPositive() {
    return minor > 0;
  }

  public boolean isNegative() {
    return minor < 0;
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.addExact(minor, other.minor), currency);
    } catch (ArithmeticException e) {
      throw overflow("amount");
    }
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.subtractExact(minor, other.minor), currency);
    } catch (ArithmeticException e) {
      throw overflow("amount");
    }
  }

  public Money negate() {
    try {
      return new Money(Math.negateExact(minor), currency);
    } catch (ArithmeticException e) {
      throw overflow("amount");
    }
  }

  public Money abs() {
    return minor < 0 ? negate() : this;
  }

  /** This amount times an integer factor. */
  public Money times(long factor) {
    try {
      return new Money(Math.multiplyExact(minor, factor), currency);
    } catch (ArithmeticException e) {
      throw overflow("amount");
    }
  }

  /**
   * This amount's share at {@code ratio}, rounded to a whole minor unit with {@code rounding}. For shares that must
   * add up to the amount, use {@link #allocate(BasisPoints...)} instead: independent rounding can drift by a fen.
   */
  public Money times(BasisPoints ratio, RoundingMode rounding) {
    Check.notNull(ratio, "ratio");
    Check.notNull(rounding, "rounding");
    long product;
    try {
      product = Math.multiplyExact(minor, (long) ratio.value());
    } catch (ArithmeticException e) {
      throw overflow("amount");
    }
    try {
      return new Money(IntegerDivision.divide(product, BasisPoints.SCALE, rounding), currency);
    } catch (ArithmeticException e) {
      throw new ValidationException("rounding", "money.rounding_necessary",
          "the share is not a whole minor unit and rounding is UNNECESSARY");
    }
  }

  /**
   * Splits this amount into parts proportional to {@code weights} by {@link LargestRemainder largest remainder}:
   * the parts sum exactly to this amount, ties go to the earlier weight.
   */
  public List<Money> allocate(long... weights) {
    return wrap(LargestRemainder.allocate(minor, Check.notNull(weights, "weights")));
  }

  /**
   * Splits this amount by shares in basis points that must sum to exactly 10,000 (the whole); the parts sum exactly
   * to this amount. 99 fen at 50%/50% gives 50 and 49.
   */
  public List<Money> allocate(BasisPoints... shares) {
    Check.notNull(shares, "shares");
    int n = shares.length;
    Check.that(n > 0, "shares", "empty", "shares must not be empty");
    long sum = 0;
    for (int i = 0; i < n; i++) {
      BasisPoints share = shares[i];
      if (share == null) {
        throw new ValidationException("shares[" + i + "]", "required", "shares[" + i + "] is required");
      }
      sum += share.value();
    }
    if (sum != BasisPoints.SCALE) {
      throw new ValidationException("shares", "shares.not_whole", "shares must sum to 10000 bp, got " + sum);
    }
    Check.that(minor != Long.MIN_VALUE, "amount", "money.overflow", "amount is out of range");
    return wrap(LargestRemainder.allocateShares(minor, shares));
  }

  private List<Money> wrap(long[] parts) {
    Money[] out = new Money[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = new Money(parts[i], currency);
    }
    return new Parts(out);
  }

  /** An immutable view over a freshly made array: one allocation instead of a defensive copy. */
  private static final class Parts extends AbstractList<Money> implements RandomAccess {
    private final Money[] parts;

    Parts(Money[] parts) {
      this.parts = parts;
    }

    @Override
    public Money get(int index) {
      return parts[index];
    }

    @Override
    public int size() {
      return parts.length;
    }
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  /** Orders by amount; amounts in different currencies are not comparable and throw. */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minor, other.minor);
  }

  private void requireSameCurrency(Money other) {
    Check.notNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new ValidationException("currency", "money.currency_mismatch",
          "cannot combine " + currency + " with " + other.currency);
    }
  }

  /** The plain decimal form with exactly the currency's fraction digits: {@code "12.34"}, {@code "-0.05"}. */
  public String toPlainString() {
    int digits = currency.getDefaultFractionDigits();
    if (digits == 0) {
      return Long.toString(minor);
    }
    long scale = POWERS_OF_TEN[digits];
    // Work on the magnitude as unsigned so Long.MIN_VALUE formats correctly.
    String sign = minor < 0 ? "-" : "";
    long units = Math.abs(minor / scale);
    long fraction = Math.abs(minor % scale);
    String f = Long.toString(fraction);
    StringBuilder sb = new StringBuilder(24).append(sign).append(units).append('.');
    for (int i = f.length(); i < digits; i++) {
      sb.append('0');
    }
    return sb.append(f).toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && m.minor == minor && m.currency.equals(currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(minor, currency);
  }

  /** {@code "CNY 12.34"}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + ' ' + toPlainString();
  }
}
