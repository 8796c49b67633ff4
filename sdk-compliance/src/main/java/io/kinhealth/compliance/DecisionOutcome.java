package io.kinhealth.compliance;

/** What a consent decision allows. */
public enum DecisionOutcome {
  /** Allowed as asked. */
  PERMIT,
  /** Not allowed. The default whenever nothing positively allows the processing. */
  DENY,
  /** Allowed if the listed fields are masked first (display masking, GB/T 35273-2020 §7.4). */
  PERMIT_WITH_OBLIGATIONS
}
