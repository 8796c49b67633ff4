package io.kinhealth.compliance.taxonomy;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;

/** Shared checks for vocabulary codes: lower-case dotted words ({@code health.vital_signs}). */
final class Codes {
  private Codes() {}

  static String require(String code, String field) {
    String c = Check.text(code, field, 64);
    boolean dotAllowed = false;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch == '.') {
        if (!dotAllowed) {
          throw bad(field);
        }
        dotAllowed = false;
      } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_') {
        dotAllowed = true;
      } else {
        throw bad(field);
      }
    }
    if (!dotAllowed) {
      throw bad(field);
    }
    return c;
  }

  private static ValidationException bad(String field) {
    return new ValidationException(field, "vocabulary.code_format",
        field + " must be lower-case words of [a-z0-9_] separated by single dots");
  }
}
