package io.kinhealth.compliance.consent;

/** How the platform checked that the grantor is the subject's guardian (consent evidence). */
public enum GuardianVerification {
  /** 户口簿 showing both in one household. */
  HOUSEHOLD_REGISTER,
  /** 出生医学证明 naming the parent. */
  BIRTH_CERTIFICATE,
  /** A document appointing the guardian (agreement, committee or court). */
  APPOINTMENT_DOCUMENT,
  /** Checked in person at a facility (staff saw the documents). */
  IN_PERSON_AT_FACILITY,
  /** Checked through a real-name or public-security identity service. */
  REAL_NAME_SERVICE
}
