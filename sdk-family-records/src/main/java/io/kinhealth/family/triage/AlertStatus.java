package io.kinhealth.family.triage;

/**
 * Where an alert is in its life: OPEN (raised, or raised again to a higher severity, and not yet seen by a person),
 * ACKNOWLEDGED (a person has taken it), RESOLVED (closed by a person). OPEN and ACKNOWLEDGED alerts are unresolved:
 * a member has at most one unresolved alert per condition.
 */
public enum AlertStatus {
  OPEN,
  ACKNOWLEDGED,
  RESOLVED;

  public boolean isUnresolved() {
    return this != RESOLVED;
  }
}
