package io.kinhealth.core.id;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;

/**
 * A typed identifier: a record wrapping one validated string so a {@code PersonId} can never be passed where an
 * {@code OrganisationId} is expected.
 *
 * <p>Every typed id's value is 1 to 64 characters from {@code [A-Za-z0-9._:-]}: safe in URLs, file names, payment
 * provider keys and log lines (ids are opaque and are not personal data). Implementations are records whose compact
 * constructor calls {@link #requireValid(String, String)} and which offer a static {@code of(String)} factory
 * (the Jackson module relies on it).
 */
public interface TypedId {
  int MAX_LENGTH = 64;

  /** The raw value. */
  String value();

  /** Returns the stripped value if it is a valid id, else throws a {@link ValidationException} naming the field. */
  static String requireValid(String value, String field) {
    String v = Check.notBlank(value, field);
    if (v.length() > MAX_LENGTH) {
      throw new ValidationException(field, "id.too_long", field + " must be at most " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < v.length(); i++) {
      if (!IdAlphabet.contains(v.charAt(i))) {
        throw new ValidationException(field, "id.charset", field + " may contain only A-Z a-z 0-9 . _ : -");
      }
    }
    return v;
  }
}
