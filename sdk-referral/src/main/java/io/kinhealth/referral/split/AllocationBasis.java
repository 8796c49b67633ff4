package io.kinhealth.referral.split;

/** Which part of a rule produced an allocation. */
public enum AllocationBasis {
  /** A fixed amount per unit. */
  FIXED,
  /** A share in basis points of the line after fixed shares. */
  SHARE,
  /** The rule's residual role: the rest. */
  RESIDUAL,
  /** The platform, taking what a rule without residual could not pay to a role (no party, or withheld). */
  FALLBACK
}
