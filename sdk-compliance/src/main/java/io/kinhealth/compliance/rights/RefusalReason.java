package io.kinhealth.compliance.rights;

import io.kinhealth.core.validation.Check;

/**
 * Why a subject request was refused: PIPL art. 50 requires the processor to give reasons. A stable code, the article
 * that allows the refusal, and a message for the subject (no personal data). The constants are the common cases;
 * hosts may make their own with {@link #of}.
 */
public record RefusalReason(String code, String citation, String message) {
  public static final RefusalReason IDENTITY_NOT_VERIFIED = new RefusalReason("rights.identity_not_verified",
      "PIPL art. 50", "the requester's identity could not be verified as the subject's");
  public static final RefusalReason LEGAL_RETENTION = new RefusalReason("rights.legal_retention",
      "PIPL art. 47", "a law requires the data to be kept; it is stored and protected but no longer used");
  public static final RefusalReason LAW_FORBIDS_DISCLOSURE = new RefusalReason("rights.law_forbids_disclosure",
      "PIPL art. 18, art. 44", "a law or an authority requires the processing to stay confidential");
  public static final RefusalReason AFFECTS_OTHERS = new RefusalReason("rights.affects_others",
      "PIPL art. 45", "answering would disclose other people's personal information");
  public static final RefusalReason CORRECTION_UNSUPPORTED = new RefusalReason("rights.correction_unsupported",
      "PIPL art. 46", "the data is accurate according to the evidence held");

  public RefusalReason {
    code = Check.text(code, "refusal.code", 100);
    citation = Check.text(citation, "refusal.citation", 100);
    message = Check.text(message, "refusal.message", 500);
  }

  public static RefusalReason of(String code, String citation, String message) {
    return new RefusalReason(code, citation, message);
  }
}
