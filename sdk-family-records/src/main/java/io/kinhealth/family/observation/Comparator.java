package io.kinhealth.family.observation;

/**
 * Qualifies a value that is a bound rather than the measured value, as FHIR's {@code Quantity.comparator} does:
 * a CGM shows "Low" below its range, stored as {@code < 40 mg/dL}.
 */
public enum Comparator {
  LESS_THAN("<"),
  LESS_OR_EQUAL("<="),
  GREATER_OR_EQUAL(">="),
  GREATER_THAN(">");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  /** The FHIR symbol, e.g. {@code <}. */
  public String symbol() {
    return symbol;
  }
}
