package io.kinhealth.core.model;

/**
 * What a practitioner does at an organisation. The distinction matters for pay rules: the law forbids tying a
 * DOCTOR's or STAFF member's income to drug, examination or consumable revenue (九不准 2013; 医师法 art. 31).
 */
public enum PractitionerRole {
  DOCTOR,
  NURSE,
  PHARMACIST,
  TECHNICIAN,
  HEALTH_MANAGER,
  /** Administrative or customer-service staff of a medical institution. */
  STAFF
}
