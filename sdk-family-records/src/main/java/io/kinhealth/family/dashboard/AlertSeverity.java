package io.kinhealth.family.dashboard;

/** How urgent an open alert is; HIGH and CRITICAL go to a person for review. */
public enum AlertSeverity {
  INFO,
  LOW,
  MODERATE,
  HIGH,
  CRITICAL
}
