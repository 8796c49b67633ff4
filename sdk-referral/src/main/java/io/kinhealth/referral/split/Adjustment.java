package io.kinhealth.referral.split;

/** Why an allocation differs from its plain share; listed on the {@link Allocation} it changed. */
public enum Adjustment {
  /** A fixed share was cut because the line ran out. */
  FIXED_TRUNCATED,
  /** The share hit its cap; the excess went to the residual. */
  CAPPED,
  /** The residual received a capped share's excess. */
  RECEIVED_CAP_EXCESS,
  /** The share was raised to its floor from the residual. */
  FLOOR_TOPPED_UP,
  /** The residual could not cover the whole floor. */
  FLOOR_SHORT,
  /** The residual paid for another share's floor. */
  FUNDED_FLOOR,
  /** The role had no party in this order (no referrer, say); its amount went to the residual or the platform. */
  NO_PARTY,
  /** The party may not be paid this share (e.g. medical staff who referred the patient); its amount moved on. */
  WITHHELD,
  /** Received amounts that a role without party, or a withheld one, could not take. */
  RECEIVED_REASSIGNED
}
