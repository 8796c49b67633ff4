package io.kinhealth.family.triage;

/** How a person closed an alert. */
public enum Resolution {
  /** The member was contacted and advised; no further care needed now. */
  ADVISED,
  /** The member was referred to care (a clinic visit, an emergency department). */
  REFERRED_TO_CARE,
  /** The readings were wrong (a loose cuff, a Doppler that picked up the mother's pulse). */
  MEASUREMENT_ERROR,
  /** Reviewed and not clinically significant for this member. */
  NOT_SIGNIFICANT,
  /** The condition no longer applies (readings back in range, the pregnancy ended). */
  NO_LONGER_APPLIES
}
