package io.kinhealth.compliance.anonymity;

import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Common hierarchies: numbers in widening bands, dates, Chinese region codes, and plain suppression. */
public final class Generalisations {
  private Generalisations() {}

  /** What a fully generalised value becomes. */
  public static final String SUPPRESSED = "*";

  /**
   * Numbers in bands of the given widths, narrowest first: {@code numeric(5, 10, 20)} turns 34 into 34, 30-34,
   * 30-39, 20-39, then {@code *}. Ages, weights, readings.
   */
  public static Generalisation numeric(long... widths) {
    long[] w = Arrays.copyOf(Check.notNull(widths, "widths"), widths.length);
    for (long x : w) {
      Check.positive(x, "widths");
    }
    return hierarchy(w.length + 1, (value, level) -> {
      Long n = asLong(value);
      if (n == null) {
        return SUPPRESSED;
      }
      long width = w[level - 1];
      long lo = Math.floorDiv(n, width) * width;
      return lo + "-" + (lo + width - 1);
    });
  }

  /** Dates: exact, month ({@code 2026-11}), year ({@code 2026}), then {@code *}. */
  public static Generalisation date() {
    return hierarchy(3, (value, level) -> {
      LocalDate d;
      try {
        d = value instanceof LocalDate x ? x : LocalDate.parse(value.toString().strip());
      } catch (DateTimeParseException e) {
        return SUPPRESSED;
      }
      return level == 1 ? String.format("%04d-%02d", d.getYear(), d.getMonthValue()) : Integer.toString(d.getYear());
    });
  }

  /**
   * GB/T 2260 administrative region codes (six digits, also the first six of a resident id): county
   * {@code 110105}, prefecture {@code 1101**}, province {@code 11****}, then {@code *}.
   */
  public static Generalisation regionCode() {
    return hierarchy(3, (value, level) -> {
      String s = value.toString().strip();
      if (s.length() < 6 || !s.substring(0, 6).chars().allMatch(Character::isDigit)) {
        return SUPPRESSED;
      }
      return level == 1 ? s.substring(0, 4) + "**" : s.substring(0, 2) + "****";
    });
  }

  /** Exact or suppressed: for categorical values with no natural hierarchy (sex, blood type). */
  public static Generalisation suppressOnly() {
    return hierarchy(1, (value, level) -> SUPPRESSED);
  }

  /** One step of a hierarchy: a non-null value at a level between 1 and the top level, exclusive. */
  @FunctionalInterface
  private interface Step {
    Object apply(Object value, int level);
  }

  /**
   * A hierarchy of {@code levels} levels: null and level 0 keep the value, the top level suppresses it (as does a
   * level outside the hierarchy: suppression never releases more), and {@code step} generalises it in between.
   */
  private static Generalisation hierarchy(int levels, Step step) {
    return new Generalisation() {
      @Override
      public int levels() {
        return levels;
      }

      @Override
      public Object generalise(Object value, int level) {
        if (value == null || level == 0) {
          return value;
        }
        return level < 0 || level >= levels ? SUPPRESSED : step.apply(value, level);
      }
    };
  }

  private static Long asLong(Object v) {
    if (v instanceof Number n) {
      return (long) Math.floor(n.doubleValue());
    }
    try {
      return (long) Math.floor(Double.parseDouble(v.toString().strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
