package io.kinhealth.referral.attribution;

/** What a scan did to the referee's binding. */
public enum ScanResult {
  /** The referee had no binding and is now bound. */
  BOUND,
  /** The referee was bound to someone else and is now bound to this referrer. */
  REBOUND,
  /** The referee was bound to this referrer already; the binding starts afresh from now. */
  RENEWED,
  /** The existing binding stays (first touch, or a lock still running). */
  KEPT_EXISTING,
  /** Registration-only mode and this scan did not come with a registration: nothing bound. */
  NOT_AT_REGISTRATION;

  public boolean changedBinding() {
    return this == BOUND || this == REBOUND || this == RENEWED;
  }
}
