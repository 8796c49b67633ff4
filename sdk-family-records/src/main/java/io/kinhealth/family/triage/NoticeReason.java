package io.kinhealth.family.triage;

/** Why a notice goes to the human-review queue. */
public enum NoticeReason {
  /** A new alert at a triaged severity. */
  RAISED,
  /** An unresolved alert rose to a triaged severity, or to a higher one. */
  UPGRADED,
  /** Nobody acknowledged the alert in time. */
  ESCALATED
}
