package io.kinhealth.referral.attribution;

/**
 * Who a referrer is, which decides what they may earn: a {@link #MEDICAL_STAFF} referrer's referral fees are withheld
 * when the guard policy bans staff referral fees (no fees for referring patients).
 */
public enum ReferrerKind {
  /** A patient, member or user sharing with family and friends. */
  MEMBER,
  /** A doctor, nurse or other staff member of a medical institution. */
  MEDICAL_STAFF,
  /** An acquisition channel (a media account, a listing). */
  CHANNEL,
  /** A sales agent or agency. */
  AGENT,
  /** Another organisation (a company, an insurer). */
  ORGANISATION
}
