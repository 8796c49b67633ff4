package io.kinhealth.compliance.audit;

/** The audit types the compliance module writes. Hosts and other modules add their own codes. */
public final class AuditEntryTypes {
  private AuditEntryTypes() {}

  public static final String NOTICE_PUBLISHED = "notice.published";
  public static final String CONSENT_RECORDED = "consent.recorded";
  public static final String CONSENT_WITHDRAWN = "consent.withdrawn";
  /** A consent decision (outcome, reasons, policy version, digest of the inputs). */
  public static final String DECISION = "consent.decision";
  public static final String LEGAL_HOLD_PLACED = "legal_hold.placed";
  public static final String LEGAL_HOLD_RELEASED = "legal_hold.released";
  public static final String ERASURE_RECORDED = "erasure.recorded";
  public static final String SUBJECT_REQUEST_RECEIVED = "subject_request.received";
  public static final String SUBJECT_REQUEST_COMPLETED = "subject_request.completed";
  public static final String SUBJECT_REQUEST_REFUSED = "subject_request.refused";
}
