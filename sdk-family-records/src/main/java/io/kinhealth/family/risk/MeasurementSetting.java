package io.kinhealth.family.risk;

/**
 * Where a reading was taken. Blood-pressure thresholds differ: clinic readings are graded from 140/90, home readings
 * from 135/85 (Chinese hypertension guideline). The SDK counts a reading as CLINIC when its source is one the host
 * registered as clinical (a hospital feed, a clinic's FHIR import), and as HOME otherwise.
 */
public enum MeasurementSetting {
  HOME,
  CLINIC
}
