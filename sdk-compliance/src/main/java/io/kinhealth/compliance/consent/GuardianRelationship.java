package io.kinhealth.compliance.consent;

/** A guardian's relationship to a minor (Civil Code arts. 27 and 31 order of guardians). */
public enum GuardianRelationship {
  MOTHER,
  FATHER,
  GRANDPARENT,
  ADULT_SIBLING,
  /** Another person or body appointed as guardian (by agreement, a residents' committee or a court). */
  APPOINTED_GUARDIAN
}
