package io.kinhealth.family.risk;

/**
 * How a value is compared with a threshold. Comparisons allow {@value #TOLERANCE} of floating-point noise (a 37.3
 * converted from °F is 37.29999...): a value within the tolerance of the threshold counts as equal to it.
 */
public enum Operator {
  GE(">="),
  GT(">"),
  LE("<="),
  LT("<");

  /** Values this close to a threshold count as equal to it. */
  public static final double TOLERANCE = 1e-9;

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public boolean test(double value, double threshold) {
    return switch (this) {
      case GE -> value >= threshold - TOLERANCE;
      case GT -> value > threshold + TOLERANCE;
      case LE -> value <= threshold + TOLERANCE;
      case LT -> value < threshold - TOLERANCE;
    };
  }

  public static Operator ofSymbol(String symbol) {
    for (Operator o : values()) {
      if (o.symbol.equals(symbol)) {
        return o;
      }
    }
    throw new io.kinhealth.core.error.ValidationException("operator", "risk.operator.unknown",
        "an operator is one of >=, >, <=, <");
  }
}
