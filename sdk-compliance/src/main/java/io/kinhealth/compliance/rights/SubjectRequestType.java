package io.kinhealth.compliance.rights;

/** The rights of PIPL arts. 44-47 a subject can ask to exercise. */
public enum SubjectRequestType {
  /** Know and access (art. 44, art. 45). */
  ACCESS("PIPL art. 45"),
  /** A copy (art. 45). */
  COPY("PIPL art. 45"),
  /** Transfer to another processor: a machine-readable export (art. 45 third paragraph). */
  PORTABILITY("PIPL art. 45"),
  /** Correct or complete (art. 46). */
  CORRECTION("PIPL art. 46"),
  /** Delete (art. 47). */
  DELETION("PIPL art. 47"),
  /** Restrict or refuse processing (art. 44). */
  RESTRICTION("PIPL art. 44");

  private final String citation;

  SubjectRequestType(String citation) {
    this.citation = citation;
  }

  public String citation() {
    return citation;
  }
}
