package io.kinhealth.core.validation;

import io.kinhealth.core.error.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Argument checks for constructors and factories that throw a {@link ValidationException} naming the field, never a
 * {@code NullPointerException}.
 *
 * <p>Messages never echo the offending value, so they are safe even when the value is personal data.
 */
public final class Check {
  private Check() {}

  /** Returns {@code value}, or throws {@code <field> required} if it is null. */
  public static <T> T notNull(T value, String field) {
    if (value == null) {
      throw new ValidationException(field, "required", field + " is required");
    }
    return value;
  }

  /** Returns the value stripped of surrounding white space; throws if null or blank. */
  public static String notBlank(String value, String field) {
    notNull(value, field);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new ValidationException(field, "blank", field + " must not be blank");
    }
    return stripped;
  }

  /** Returns the stripped value; throws if null, blank or longer than {@code maxLength} characters. */
  public static String text(String value, String field, int maxLength) {
    String stripped = notBlank(value, field);
    if (stripped.length() > maxLength) {
      throw new ValidationException(field, "too_long", field + " must be at most " + maxLength + " characters");
    }
    return stripped;
  }

  /** Throws unless the collection is non-null and has no null elements; returns it. */
  public static <C extends Collection<?>> C noNulls(C values, String field) {
    notNull(values, field);
    if (values instanceof List<?> list && values instanceof RandomAccess) {
      // indexed: no iterator per call (constructors check their small lists on every hot-path record)
      for (int i = 0, n = list.size(); i < n; i++) {
        if (list.get(i) == null) {
          throw new ValidationException(field + "[" + i + "]", "required", field + "[" + i + "] is required");
        }
      }
      return values;
    }
    int i = 0;
    for (Object v : values) {
      if (v == null) {
        throw new ValidationException(field + "[" + i + "]", "required", field + "[" + i + "] is required");
      }
      i++;
    }
    return values;
  }

  /** Throws unless the map is non-null and has no null keys or values; returns it. */
  public static <M extends Map<?, ?>> M noNulls(M values, String field) {
    notNull(values, field);
    for (Map.Entry<?, ?> e : values.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new ValidationException(field, "required", field + " must not contain null keys or values");
      }
    }
    return values;
  }

  /** Throws unless the collection is non-null, non-empty and free of nulls; returns it. */
  public static <C extends Collection<?>> C notEmpty(C values, String field) {
    noNulls(values, field);
    if (values.isEmpty()) {
      throw new ValidationException(field, "empty", field + " must not be empty");
    }
    return values;
  }

  /** Throws unless {@code value > 0}. */
  public static long positive(long value, String field) {
    if (value <= 0) {
      throw new ValidationException(field, "not_positive", field + " must be positive");
    }
    return value;
  }

  /** Throws unless {@code value >= 0}. */
  public static long notNegative(long value, String field) {
    if (value < 0) {
      throw new ValidationException(field, "negative", field + " must not be negative");
    }
    return value;
  }

  /** Throws unless {@code min <= value <= max}. */
  public static long inRange(long value, long min, long max, String field) {
    if (value < min || value > max) {
      throw new ValidationException(
          field, "out_of_range", field + " must be between " + min + " and " + max);
    }
    return value;
  }

  /** Throws with the given reason and message unless {@code condition} holds. */
  public static void that(boolean condition, String field, String reason, String message) {
    if (!condition) {
      throw new ValidationException(field, reason, message);
    }
  }
}
