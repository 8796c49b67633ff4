package io.kinhealth.referral.rule;

/**
 * Why a share is paid, which the compliance guards look at: medical staff may be paid {@link #WORK_FEE}s for work
 * they did (a treatment, a consultation, an accepted answer), but never a {@link #REFERRAL_FEE} for bringing a
 * patient. Referrer roles are always {@code REFERRAL_FEE}.
 */
public enum ShareKind {
  /** A share of revenue for taking part in the sale (a channel, an agent, a clinic, a supplier). */
  REVENUE_SHARE,
  /** Pay for work actually done. */
  WORK_FEE,
  /** Pay for bringing the customer. */
  REFERRAL_FEE
}
