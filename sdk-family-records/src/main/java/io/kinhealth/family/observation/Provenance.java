package io.kinhealth.family.observation;

import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a stored reading came from and what it looked like before normalisation: the unit and values exactly as
 * given (so a glucose entered in mg/dL can be shown as it was typed), the import format and a reference inside it
 * (a CSV row, a document id), how its time was established, and when the SDK recorded it.
 *
 * @param recordedAt when the SDK stored it (injected clock)
 * @param originalUnit the unit as given, e.g. {@code mg/dL}
 * @param originalValues the values as given, in the type's component order
 * @param format e.g. {@code manual}, {@code dexcom-g6-csv}, {@code openmhealth:blood-pressure:4.0}
 * @param reference where inside the import, e.g. {@code row 12}; may be null
 * @param timeBasis how the time was established
 */
public record Provenance(
    Instant recordedAt,
    String originalUnit,
    List<Double> originalValues,
    String format,
    String reference,
    TimeBasis timeBasis) {

  public Provenance {
    Check.notNull(recordedAt, "provenance.recordedAt");
    originalUnit = Check.text(originalUnit, "provenance.originalUnit", 32);
    originalValues = nonEmptyCopy(originalValues, "provenance.originalValues");
    format = Check.text(format, "provenance.format", 100);
    if (reference != null) {
      reference = Check.text(reference, "provenance.reference", 200);
    }
    Check.notNull(timeBasis, "provenance.timeBasis");
  }

  /**
   * {@code List.copyOf} first (it keeps an immutable list as it is and already refuses nulls), the element-by-element
   * check only to name a null element: on the import path the generic check cost a fifth of the time (JFR).
   */
  private static List<Double> nonEmptyCopy(List<Double> values, String field) {
    Check.notNull(values, field);
    List<Double> copy;
    try {
      copy = List.copyOf(values);
    } catch (NullPointerException e) {
      Check.noNulls(values, field); // throws the ValidationException naming the null element
      throw e;
    }
    if (copy.isEmpty()) {
      Check.notEmpty(copy, field);
    }
    return copy;
  }

  public Optional<String> knownReference() {
    return Optional.ofNullable(reference);
  }

  @Override
  public String toString() {
    return "Provenance[" + format + ", " + timeBasis + "]";
  }
}
