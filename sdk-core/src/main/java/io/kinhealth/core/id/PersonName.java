package io.kinhealth.core.id;

import io.kinhealth.core.validation.Check;

/**
 * A person's name as written (Chinese or otherwise). Personal data: {@link #toString()} keeps the first character
 * and masks the rest ({@code 段**}), so a name never reaches a log line by accident.
 */
public final class PersonName extends PersonalValue {
  private PersonName(String value) {
    super(value);
  }

  /** A name of 1 to 64 characters; surrounding white space is removed. */
  public static PersonName of(String value) {
    return new PersonName(Check.text(value, "name", 64));
  }

  /** The full name. Personal data: never log it. */
  public String value() {
    return value;
  }

  /** The first character (code point) kept, every other replaced by {@code *}: {@code 段**}. */
  @Override
  public String masked() {
    int first = value.offsetByCodePoints(0, 1);
    int rest = value.codePointCount(first, value.length());
    return value.substring(0, first) + "*".repeat(Math.max(rest, 1));
  }
}
