package io.kinhealth.compliance;

/** What a decision does when it needs consent and the subject's birth date is unknown. */
public enum UnknownAgeRule {
  /** Deny: the under-14 guardian rule (PIPL art. 31) cannot be checked. The default. */
  DENY,
  /**
   * Treat the subject as at least the guardian-consent age. Only for hosts that verify age elsewhere (for example by
   * a real-name check at registration that refuses children).
   */
  ASSUME_AT_LEAST_CONSENT_AGE
}
