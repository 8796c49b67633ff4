package io.kinhealth.referral.attribution;

/**
 * How a scan of someone's referral token binds the scanner (the referee) to that referrer, as Chinese mall systems
 * do.
 */
public enum BindingMode {
  /** Bind only if not bound yet (first touch wins, forever). */
  FIRST_TOUCH,
  /** Bind only on the scan that comes with the referee's registration. */
  REGISTRATION_ONLY,
  /** Every scan rebinds (last touch wins). */
  LAST_TOUCH,
  /** A binding holds for a lock period (default 30 days); after it, the next scan may rebind. */
  LOCKED
}
