package io.kinhealth.compliance.retention;

/** Why personal data was (or must be) erased, with the article that requires it (PIPL art. 47 first paragraph). */
public enum ErasureReason {
  PURPOSE_ACHIEVED("PIPL art. 47(1)(1)"),
  RETENTION_EXPIRED("PIPL art. 19, art. 47(1)(2)"),
  SERVICE_ENDED("PIPL art. 47(1)(2)"),
  CONSENT_WITHDRAWN("PIPL art. 47(1)(4)"),
  UNLAWFUL_PROCESSING("PIPL art. 47(1)(3)"),
  SUBJECT_REQUEST("PIPL art. 47");

  private final String citation;

  ErasureReason(String citation) {
    this.citation = citation;
  }

  public String citation() {
    return citation;
  }
}
