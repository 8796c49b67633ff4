package io.kinhealth.compliance.content;

/** How serious a finding is, as the rule book grades it; every finding, whatever its severity, is a violation. */
public enum Severity {
  /** A claim regulators fine on sight: cure guarantees, cure rates, testimonials, disguised ads. */
  HIGH,
  /** A breach that is routinely corrected or fined: absolute terms, comparisons, missing opt-out. */
  MEDIUM,
  /** Wording that should be reviewed by a person. */
  LOW
}
