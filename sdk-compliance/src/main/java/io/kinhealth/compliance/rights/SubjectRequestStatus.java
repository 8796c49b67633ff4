package io.kinhealth.compliance.rights;

/** A subject request is open until completed or refused (a refusal always carries its reason). */
public enum SubjectRequestStatus {
  OPEN,
  COMPLETED,
  REFUSED
}
