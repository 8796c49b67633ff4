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
    return new Generalisation() {
      @Override
      public int levels() {
        return w.length + 1;
      }

      @Override
      public Object generalise(Object value, int level) {
        if (value == null || level == 0) {
          return value;
        }
        if (level > w.length) {
          return SUPPRESSED;
        }
        Long n = asLong(value);
        if (n == null) {
          return SUPPRESSED;
        }
        long width = w[level - 1];
        long lo = Math.floorDiv(n, width) * width;
        return lo + "-" + (lo + width - 1);
      }
    };
  }

  /** Dates: exact, month ({@code 2026-11}), year ({@code 2026}), then {@code *}. */
  public static Generalisation date() {
    return new Generalisation() {
      @Override
      public int levels() {
        return 3;
      }

      @Override
      public Object generalise(Object value, int level) {
        if (value == null || level == 0) {
          return value;
        }
        LocalDate d;
        try {
          d = value instanceof LocalDate x ? x : LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
          return SUPPRESSED;
        }
        return switch (level) {
          case 1 -> String.format("%04d-%02d", d.getYear(), d.getMonthValue());
          case 2 -> Integer.toString(d.getYear());
          default -> SUPPRESSED;
        };
      }
    };
  }

  /**
   * GB/T 2260 administrative region codes (six digits, also the first six of a resident id): county
   * {@code 110105}, prefecture {@code 1101**}, province {@code 11****}, then {@code *}.
   */
  public static Generalisation regionCode() {
    return new Generalisation() {
      @Override
      public int levels() {
        return 3;
      }

      @Override
      public Object generalise(Object value, int level) {
        if (value == null || level == 0) {
          return value;
        }
        String s = value.toString().strip();
        if (s.length() < 6 || !s.substring(0, 6).chars().allMatch(Character::isDigit)) {
          return SUPPRESSED;
        }
        return switch (level) {
          case 1 -> s.substring(0, 4) + "**";
          case 2 -> s.substring(0, 2) + "****";
          default -> SUPPRESSED;
        };
      }
    };
  }

  /** Exact or suppressed: for categorical values with no natural hierarchy (sex, blood type). */
  public static Generalisation suppressOnly() {
    return new Generalisation() {
      @Override
      public int levels() {
        return 1;
      }

      @Override
      public Object generalise(Object value, int level) {
        return value == null || level == 0 ? value : SUPPRESSED;
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
