package io.kinhealth.compliance.marketing;

/** Whether a marketing message may be sent. */
public enum GateOutcome {
  /** Every check passed: send it (the send now counts toward the frequency cap). */
  ALLOW,
  /** At least one check failed: do not send; the decision lists every reason. */
  BLOCK
}
