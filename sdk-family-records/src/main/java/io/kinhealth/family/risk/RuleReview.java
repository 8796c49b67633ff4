package io.kinhealth.family.risk;

/**
 * How far a rule's values have been checked, so a host knows which defaults its clinicians must sign off before
 * relying on them. Every rule and table says which applies; none of them replaces a clinician's judgement.
 */
public enum RuleReview {
  /** Transcribed from the cited guideline or standard as the KinHealth domain handbook lists it. */
  CITED,
  /** Hospital guidance or a value the SDK chose where the source is silent: needs a clinician's sign-off. */
  NEEDS_CLINICIAN_SIGN_OFF,
  /** Listed with its source but not yet compared with the source's own text: check before relying on it. */
  UNVERIFIED
}
