package io.kinhealth.compliance.consent;

/** A consent record is active until withdrawn; withdrawal is final (a new consent is a new record). */
public enum ConsentStatus {
  ACTIVE,
  WITHDRAWN
}
