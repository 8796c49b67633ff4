package io.kinhealth.core.id;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;

/**
 * A mainland China mobile number: 11 digits starting {@code 13}–{@code 19}.
 *
 * <p>Input in common forms is normalised: {@code +86}, {@code 0086} or {@code 86} country prefixes, spaces, dashes
 * and parentheses are removed. The number is personal data: {@link #toString()} is masked as {@code 180****1999}
 * and exception messages never contain it.
 */
public final class MobileNumber extends PersonalValue {
  private MobileNumber(String digits) {
    super(digits);
  }

  /**
   * Parses and normalises a mobile number.
   *
   * @throws ValidationException field {@code mobile}, reason {@code mobile.format}
   */
  public static MobileNumber parse(String text) {
    String raw = Check.notBlank(text, "mobile");
    StringBuilder sb = new StringBuilder(16);
    boolean plus = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      } else if (c == '+' && sb.length() == 0 && !plus) {
        plus = true; // an international prefix, before any digit: "+86 ..." or "(+86) ..."
      } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '\u00a0') {
        throw invalid();
      }
    }
    String d = sb.toString();
    if (plus && !d.startsWith("86")) {
      throw new ValidationException("mobile", "mobile.country", "only mainland China (+86) mobile numbers are supported");
    }
    if (d.length() == 15 && d.startsWith("0086")) {
      d = d.substring(4);
    } else if (d.length() == 13 && d.startsWith("86")) {
      d = d.substring(2);
    }
    if (d.length() != 11 || d.charAt(0) != '1' || d.charAt(1) < '3') {
      throw invalid();
    }
    return new MobileNumber(d);
  }

  private static ValidationException invalid() {
    return new ValidationException("mobile", "mobile.format", "a mainland mobile number has 11 digits starting 13-19");
  }

  /** The 11 digits. Personal data: never log it. */
  public String value() {
    return value;
  }

  /** {@code 180****1999}. */
  @Override
  public String masked() {
    return value.substring(0, 3) + "****" + value.substring(7);
  }
}
